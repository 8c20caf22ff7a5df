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

    @Test("the generator refuses definitions trimmed for other versions than versions.json names")
    func refusesStaleInput() throws {
        let generator = Self.generator.path
        guard ExternalTools.require("infra-k8s-codegen (built by `swift build`)", at: generator) else { return }
        let input = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: input) }
        let committed = ExternalTools.packageRoot.appendingPathComponent("codegen/kubernetes")
        for name in try FileManager.default.contentsOfDirectory(atPath: committed.path) {
            try FileManager.default.copyItem(
                at: committed.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        // The window moved on (1.32 left), but update-input.py was not run.
        let versions = input.appendingPathComponent("versions.json")
        let moved = String(decoding: try Data(contentsOf: versions), as: UTF8.self)
            .replacingOccurrences(of: "\"1.32\", ", with: "")
        try Data(moved.utf8).write(to: versions)
        let output = input.appendingPathComponent("out")
        let result = try ExternalTools.run(generator, ["--input", input.path, "--output", output.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("run `python3 codegen/kubernetes/update-input.py`"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written")
    }
}
