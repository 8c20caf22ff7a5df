// `import-crd`: the reference test (a fresh generation from the committed CRDs equals the committed
// Tests/InfraKubernetesImportFixture, which the package compiles and InfraKubernetesTests uses as a
// user's package would), and what the command does to a folder it writes into.

import ArgumentParser
import Foundation
import InfraCLI
import InfraTestSupport
import Testing

@Suite("import-crd")
struct ImportCRDTests {
    /// The command line of the committed fixture (paths relative to the package root).
    static let inputs = [
        "Tests/InfraKubernetesTests/Fixtures/import-crd/widgets.example.com.yaml",
        "Tests/InfraKubernetesTests/Fixtures/upstream/cert-manager.io_certificaterequests.yaml",
    ]

    func importCRD(_ arguments: [String]) throws {
        var command = try ImportCRDCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test("Tests/InfraKubernetesImportFixture is what import-crd generates from the committed CRDs")
    func referenceIsFresh() throws {
        let root = ExternalTools.packageRoot
        // The header records the input paths as given: relative to the package root, where tests run.
        try #require(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
                == root.standardizedFileURL.path,
            "run the tests from the package root")
        let output = try ExternalTools.temporaryDirectory("import-crd")
        defer { try? FileManager.default.removeItem(at: output) }
        try importCRD(Self.inputs + ["--module", "InfraKubernetesImportFixture", "--output", output.path])
        let committed = root.appendingPathComponent("Tests/InfraKubernetesImportFixture")
        let fresh = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let existing = try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()
        #expect(fresh == existing, "file lists differ; regenerate (Tests/InfraKubernetesTests/Fixtures/README.md)")
        #expect(fresh.contains("InfraKubernetesImportFixtureKinds.swift"))
        for name in fresh {
            let new = try Data(contentsOf: output.appendingPathComponent(name))
            let old = try? Data(contentsOf: committed.appendingPathComponent(name))
            #expect(new == old, "\(name) is stale; regenerate (Tests/InfraKubernetesTests/Fixtures/README.md)")
        }
    }

    @Test("every served version gets a type, the storage version the kind's name; unserved versions none")
    func versions() throws {
        let output = try ExternalTools.temporaryDirectory("import-crd")
        defer { try? FileManager.default.removeItem(at: output) }
        try importCRD([Self.inputs[0], "--output", output.path])
        let v1 = try String(contentsOf: output.appendingPathComponent("ExampleComV1.swift"), encoding: .utf8)
        let beta = try String(contentsOf: output.appendingPathComponent("ExampleComV1beta1.swift"), encoding: .utf8)
        #expect(v1.contains("public struct Widget: KubernetesObject, APIValue"))
        #expect(beta.contains("public struct WidgetV1Beta1: KubernetesObject, APIValue"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("ExampleComV1alpha1.swift").path))
        #expect(
            FileManager.default.fileExists(atPath: output.appendingPathComponent("CustomResourcesKinds.swift").path))
    }

    @Test("a file it did not write is never replaced; its own stale files are removed, other files kept")
    func ownsOnlyItsFiles() throws {
        let output = try ExternalTools.temporaryDirectory("import-crd")
        defer { try? FileManager.default.removeItem(at: output) }
        let mine = output.appendingPathComponent("ExampleComV1.swift")
        try Data("// my own code\n".utf8).write(to: mine)
        #expect(throws: ExitCode.failure) { try importCRD([Self.inputs[0], "--output", output.path]) }
        #expect(try String(contentsOf: mine, encoding: .utf8) == "// my own code\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["ExampleComV1.swift"])

        try FileManager.default.moveItem(at: mine, to: output.appendingPathComponent("Mine.swift"))
        try importCRD(Self.inputs + ["--output", output.path])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("CertManagerV1.swift").path))
        try importCRD([Self.inputs[0], "--output", output.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(
            files == ["CustomResourcesKinds.swift", "ExampleComV1.swift", "ExampleComV1beta1.swift", "Mine.swift"])
    }

    @Test("YAML problems and files without CRDs fail with a message and write nothing")
    func failures() throws {
        let directory = try ExternalTools.temporaryDirectory("import-crd")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.yaml")
        try Data("kind: CustomResourceDefinition\napiVersion: [\n".utf8).write(to: bad)
        let none = directory.appendingPathComponent("none.yaml")
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n".utf8).write(to: none)
        let output = directory.appendingPathComponent("out")
        #expect(throws: ExitCode.failure) { try importCRD([bad.path, "--output", output.path]) }
        #expect(throws: ExitCode.failure) { try importCRD([none.path, "--output", output.path]) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
