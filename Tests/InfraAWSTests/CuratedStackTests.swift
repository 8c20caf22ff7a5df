// A stack with every curated type, each with only its required arguments, synthesizes
// without diagnostics and passes `terraform validate` against the real provider schema.

import Foundation
import InfraAWS
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Curated types in a stack")
struct CuratedStackTests {
    static func stack() -> Stack {
        let unknown = Variable<Value>("unknown", providedAtApply: true)
        return Stack("curated", directory: "curated") {
            Provider.aws(region: "us-east-1")
            unknown
            CuratedFixture.all(unknown.value.expression)
        }
    }

    @Test("every curated type synthesizes without diagnostics")
    func synthesizes() {
        let result = Self.stack().synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors.prefix(10))")
        #expect(result.inventory.count >= CuratedFixture.count)
    }

    /// The stack's root, written for validation.
    static let root: TerraformValidateBatch.Roots = { folder in
        try TerraformValidateBatch.write(
            Self.stack().synthesize().artifacts.map { ($0.path, $0.bytes) }, to: folder, roots: ["curated"])
    }

    @Test(
        "terraform validate accepts every curated type with its required arguments",
        .validatedTogether("curated", root))
    func terraformValidate() async throws {
        try await TerraformValidateBatch.shared.expectValid("curated")
    }
}
