// The committed generated code must be what `infra-k8s-codegen` produces from the committed
// input: the test runs the built generator into a temporary folder and compares every file.

import Foundation
import InfraTestSupport
import Testing

@Suite("Generated code")
struct GeneratedCodeTests {
    /// The generator binary, built next to the test bundle by `swift build` / `swift test`.
    static var generator: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("infra-k8s-codegen")
    }

    @Test("Sources/InfraKubernetes/Generated is up to date with the generator and its input")
    func generatedCodeIsFresh() throws {
        let generator = Self.generator.path
        guard ExternalTools.require("infra-k8s-codegen (built by `swift build`)", at: generator) else { return }
        let root = ExternalTools.packageRoot
        let output = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try ExternalTools.run(
            generator, ["--input", root.appendingPathComponent("codegen/kubernetes").path, "--output", output.path])
        try #require(result.status == 0, "\(generator): \(result.stdout) \(result.stderr)")
        let committed = root.appendingPathComponent("Sources/InfraKubernetes/Generated")
        let fresh = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let existing = try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()
        #expect(fresh == existing, "file lists differ; run `swift run infra-k8s-codegen`")
        for name in fresh {
            let new = try Data(contentsOf: output.appendingPathComponent(name))
            let old = try? Data(contentsOf: committed.appendingPathComponent(name))
            #expect(new == old, "\(name) is stale; run `swift run infra-k8s-codegen`")
        }
    }
}
