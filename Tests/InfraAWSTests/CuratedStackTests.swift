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

    @Test("terraform validate accepts every curated type with its required arguments")
    func terraformValidate() throws {
        guard let validate = ExternalTools.sharedTool("tf-validate"), ExternalTools.terraform() != nil else { return }
        let result = Self.stack().synthesize()
        let dir = try ExternalTools.temporaryDirectory("aws-curated")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: dir)
        let out = try ExternalTools.run(validate, [dir.appendingPathComponent("curated").path])
        #expect(out.status == 0, "tf-validate failed:\n\(out.stdout.suffix(4000))\n\(out.stderr.suffix(2000))")
    }
}
