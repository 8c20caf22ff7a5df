// `convert` writes its Swift target the way synth writes its output folder: through OutputWriter,
// so the user's own files and their edits to converted files are never replaced without --force.

import ArgumentParser
import Foundation
import InfraCLI
import InfraOutput
import InfraTestSupport
import Testing

@Suite("convert: the target folder")
struct ConvertOutputTests {
    /// A root with one bucket named `name` (in `folder`, or a new folder).
    @discardableResult
    private func root(_ name: String, in folder: URL? = nil) throws -> URL {
        let folder = try folder ?? ExternalTools.temporaryDirectory("convert-root")
        let text = "resource \"aws_s3_bucket\" \"assets\" {\n  bucket = \"\(name)\"\n}\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("main.tf"))
        return folder
    }

    private func convert(_ root: URL, into target: URL, _ extra: [String] = []) throws {
        let schema = ExternalTools.packageRoot.appendingPathComponent("codegen/aws/aws-provider-schema.json.gz").path
        var command = try ConvertCommand.parseAsRoot(
            [root.path, "--output", target.path, "--module", "Shop", "--schema", schema] + extra)
        try command.run()
    }

    private func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("a new run replaces convert's files and keeps the user's; an edited file stops it unless --force")
    func ownership() throws {
        let target = try ExternalTools.temporaryDirectory("convert-target").appendingPathComponent("Shop")
        let input = try root("shop-a")
        try convert(input, into: target)
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        #expect(names.contains(OutputRecord.fileName))
        let converted = try #require(names.first { $0.hasSuffix(".swift") && !$0.hasSuffix("Stacks.swift") })
        let file = target.appendingPathComponent(converted)
        #expect(try read(file).contains(#"bucket: "shop-a""#))

        let mine = target.appendingPathComponent("Mine.swift")
        try Data("// mine\n".utf8).write(to: mine)
        try convert(root("shop-b", in: input), into: target)
        #expect(try read(file).contains(#"bucket: "shop-b""#), "convert's own file is replaced")
        #expect(try read(mine) == "// mine\n", "the user's file is untouched")

        let edited = try read(file) + "// my edit\n"
        try Data(edited.utf8).write(to: file)
        #expect(throws: ExitCode.failure) { try convert(root("shop-c", in: input), into: target) }
        #expect(try read(file) == edited, "an edited file is not overwritten")

        try convert(root("shop-c", in: input), into: target, ["--force"])
        #expect(try read(file).contains(#"bucket: "shop-c""#))
        #expect(try read(mine) == "// mine\n")
    }

    @Test("a folder of the user's without a record is refused, and nothing is written")
    func foreignFolder() throws {
        let target = try ExternalTools.temporaryDirectory("convert-target")
        try Data("// mine\n".utf8).write(to: target.appendingPathComponent("Mine.swift"))
        #expect(throws: ExitCode.failure) { try convert(root("shop"), into: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["Mine.swift"])
    }
}
