// Every validated root of the OVES reference passes `terraform validate` against the real
// AWS provider schema, together with other tests' roots (TerraformValidateBatch; the shared root,
// whose import blocks a module may not have, through ../shared/tools/tf-validate); the dns root
// needs the cloudflare provider, which is not available offline, and is checked by
// CloudflareSchemaTests.

import Foundation
import InfraTestSupport
import Testing

@Suite("OVES reference passes terraform validate")
struct TerraformValidateTests {
    @Test("the reference synthesizes without errors")
    func synthesizesWithoutErrors() {
        #expect(OVESSynthesis.result.diagnostics.errors.isEmpty, "\(OVESSynthesis.result.diagnostics.errors)")
        #expect(!OVESSynthesis.result.artifacts.isEmpty)
    }

    /// The reference's AWS roots, written for validation.
    static let roots: TerraformValidateBatch.Roots = { folder in
        try TerraformValidateBatch.write(
            OVESSynthesis.result.artifacts.map { ($0.path, $0.bytes) }, to: folder, roots: OVESSynthesis.awsRoots)
    }

    @Test("dev, prod and shared pass terraform validate with their modules", .validatedTogether("oves", roots))
    func rootsValidate() async throws {
        try await TerraformValidateBatch.shared.expectValid("oves")
    }
}
