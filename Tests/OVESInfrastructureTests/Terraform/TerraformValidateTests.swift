// Every validated root of the OVES reference passes `terraform validate` against the real
// AWS provider schema (../shared/tools/tf-validate); the dns root needs the cloudflare
// provider, which is not available offline, and is checked by CloudflareSchemaTests.

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

    @Test("dev, prod and shared pass tf-validate with their modules")
    func rootsValidate() throws {
        guard let tool = ExternalTools.sharedTool("tf-validate") else { return }
        let directory = try OVESSynthesis.writeOutput()
        defer {
            if ProcessInfo.processInfo.environment["OVES_KEEP_OUTPUT"] == nil {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        let roots = ["terraform/environments/dev", "terraform/environments/prod", "terraform/shared"]
        let output = try ExternalTools.run(tool, roots.map { directory.appendingPathComponent($0).path })
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        if ProcessInfo.processInfo.environment["OVES_KEEP_OUTPUT"] != nil {
            print("OVES output kept in \(directory.path)")
        }
    }
}
