// `synth` and `diff` on an output folder that holds more than synth wrote, through the command
// line: Terraform's state and working files (made by the real terraform where it is installed)
// and a user's notes survive, files in the way are refused with exit 1 and nothing changed,
// `--force` overwrites them, `--env` stays in its folders, stale files go, and bad unit folders
// are diagnostics before anything is written.

import ArgumentParser
import Foundation
import InfraCore
import InfraOutput
import InfraTerraform
import InfraTestSupport
import Testing

@testable import InfraCLI

/// What changes between two versions of one definition.
protocol DefinitionVersion: Sendable {
    /// The marker's input in every root.
    static var marker: String { get }
    /// Whether the `old` root is still declared.
    static var withOldRoot: Bool { get }
}

enum Version1: DefinitionVersion {
    static let marker = "v1"
    static let withOldRoot = true
}

enum Version2: DefinitionVersion {
    static let marker = "v2"
    static let withOldRoot = false
}

/// dev and prod roots with a `terraform_data` marker (applies without any cloud), and in version 1
/// an `old` root that version 2 drops; version 2's dev root adds an output.
struct MarkerInfra<V: DefinitionVersion>: InfrastructureCommand {
    static var commandName: String { "marker-infra" }
    var body: Infrastructure {
        Infrastructure {
            Stack("dev", directory: "terraform/dev") {
                Provider.aws(region: "us-east-1")
                let marker = Resource("terraform_data", "marker", ["input": .string(V.marker)])
                marker
                if !V.withOldRoot { Output("marker", expression: marker.ref("output")) }
            }
            Stack("prod", directory: "terraform/prod") {
                Resource("terraform_data", "marker", ["input": .string("prod-\(V.marker)")])
            }
            if V.withOldRoot {
                Stack("old", directory: "terraform/old") { Resource("terraform_data", "marker", ["input": "old"]) }
            }
        }
    }
}

/// Unit folders that leave the output folder or are not normalised.
struct MisplacedInfra: InfrastructureCommand {
    var body: Infrastructure {
        Infrastructure {
            Stack("dev", directory: "../escape") { Resource("terraform_data", "a", ["input": "x"]) }
            Stack("prod", directory: "/tmp/prod") { Resource("terraform_data", "a", ["input": "x"]) }
            Stack("qa", directory: "terraform//qa/") { Resource("terraform_data", "a", ["input": "x"]) }
            Stack("ok", directory: "terraform/ok") { Resource("terraform_data", "a", ["input": "x"]) }
        }
    }
}

@Suite("synth and diff on a folder synth owns in part")
struct SynthOutputTests {
    /// A fresh output folder path (not created) and its parent.
    func folder() throws -> (parent: URL, out: URL) {
        let parent = try ExternalTools.temporaryDirectory("cli-output")
        return (parent, parent.appendingPathComponent("infra.out"))
    }

    @Test("terraform's state, .terraform/ and lock file survive a re-synth, and terraform plans the change")
    func realTerraform() async throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let (_, out) = try folder()
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        let dev = out.appendingPathComponent("terraform/dev")
        let environment = ["AWS_EC2_METADATA_DISABLED": "true", "TF_IN_AUTOMATION": "1"]
        for arguments in [
            ["init", "-input=false", "-no-color"], ["apply", "-auto-approve", "-input=false", "-no-color"],
        ] {
            let result = try ExternalTools.run(terraform, arguments, in: dev, environment: environment)
            try #require(result.status == 0, "terraform \(arguments[0]): \(result.stderr)")
        }
        let before = try FolderSnapshot(dev)
        let terraformFiles = before.files.filter { !$0.hasSuffix(".tf.json") }
        #expect(terraformFiles.contains("terraform.tfstate"))
        #expect(terraformFiles.contains(".terraform.lock.hcl"))
        #expect(before.entries.keys.contains(".terraform"))

        try await run(MarkerInfra<Version2>.self, ["synth", "--output", out.path])
        let after = try FolderSnapshot(dev)
        for path in before.entries.keys where !path.hasSuffix(".tf.json") {
            #expect(after.entries[path] == before.entries[path], "\(path) changed")
        }
        // The state still tracks the marker, so terraform sees exactly the edited input.
        let plan = try ExternalTools.run(
            terraform, ["plan", "-detailed-exitcode", "-input=false", "-no-color"], in: dev, environment: environment)
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("# terraform_data.marker will be updated in-place"), "\(plan.stdout)")
        #expect(plan.stdout.contains(#"input  = "v1" -> "v2""#), "\(plan.stdout)")
    }

    @Test("a user's notes and Terraform's files survive a re-synth; a stale root synth wrote is removed")
    func resynthKeepsOthers() async throws {
        let (_, out) = try folder()
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        try ExternalTools.write(
            [
                ("NOTES.md", Array("runbook".utf8)), ("terraform/dev/terraform.tfstate", Array("{\"serial\": 3}".utf8)),
                ("terraform/dev/.terraform/modules/modules.json", Array("{}".utf8)),
                ("terraform/dev/.terraform.lock.hcl", Array("# lock".utf8)),
            ], to: out)
        let before = try FolderSnapshot(out)
        try await run(MarkerInfra<Version2>.self, ["synth", "--output", out.path])
        let after = try FolderSnapshot(out)
        for path in [
            "NOTES.md", "terraform/dev/terraform.tfstate", "terraform/dev/.terraform/modules/modules.json",
            "terraform/dev/.terraform.lock.hcl",
        ] {
            #expect(after.entries[path] == before.entries[path], "\(path)")
            #expect(after.inodes[path] == before.inodes[path], "\(path)")
        }
        #expect(after.text("terraform/dev/outputs.tf.json") != nil)
        #expect(!after.entries.keys.contains { $0.hasPrefix("terraform/old") })
        let record = try #require(try OutputRecord.read(in: out))
        #expect(record.files.keys.allSatisfy { $0.hasSuffix(".tf.json") })
    }

    @Test("a foreign file in the way: exit 1, and the folder is byte for byte unchanged")
    func foreignFileRefused() async throws {
        let (_, out) = try folder()
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        // Version 2 writes outputs.tf.json; the user has a file there already.
        try ExternalTools.write([("terraform/dev/outputs.tf.json", Array("{\"output\": {}}".utf8))], to: out)
        let before = try FolderSnapshot(out)
        await #expect(throws: ExitCode.failure) {
            try await run(MarkerInfra<Version2>.self, ["synth", "--output", out.path])
        }
        let after = try FolderSnapshot(out)
        #expect(after == before)
        #expect(after.inodes == before.inodes)
    }

    @Test("a generated file the user changed is refused; --force overwrites it")
    func changedFileForced() async throws {
        let (_, out) = try folder()
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        let main = "terraform/prod/main.tf.json"
        try ExternalTools.write([(main, Array("{\"edited\": true}\n".utf8)), ("mine.txt", Array("x".utf8))], to: out)
        let before = try FolderSnapshot(out)
        await #expect(throws: ExitCode.failure) {
            try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        }
        #expect(try FolderSnapshot(out) == before)
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path, "--force"])
        let after = try FolderSnapshot(out)
        #expect(after.text(main)?.contains("prod-v1") == true)
        #expect(after.text("mine.txt") == "x")
        // Synth's own again: the next run needs no force.
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
    }

    @Test("a non-empty folder without a record is refused; --force writes into it and deletes nothing")
    func folderWithoutRecord() async throws {
        let (_, out) = try folder()
        try ExternalTools.write(
            [("terraform/prod/main.tf.json", Array("{}".utf8)), ("keep.txt", Array("k".utf8))], to: out)
        let before = try FolderSnapshot(out)
        await #expect(throws: ExitCode.failure) {
            try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        }
        #expect(try FolderSnapshot(out) == before)
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path, "--force"])
        #expect(try FolderSnapshot(out).text("keep.txt") == "k")
    }

    @Test("--env prod leaves dev's files and record entries alone")
    func environmentScope() async throws {
        let (_, out) = try folder()
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        let before = try FolderSnapshot(out)
        let recordBefore = try #require(try OutputRecord.read(in: out))
        try await run(MarkerInfra<Version2>.self, ["synth", "--output", out.path, "--env", "prod"])
        let after = try FolderSnapshot(out)
        let record = try #require(try OutputRecord.read(in: out))
        for (path, entry) in before.entries where !path.hasPrefix("terraform/prod") && path != OutputRecord.fileName {
            #expect(after.entries[path] == entry, "\(path)")
            #expect(after.inodes[path] == before.inodes[path], "\(path)")
        }
        #expect(after.text("terraform/prod/main.tf.json")?.contains("prod-v2") == true)
        for (path, hash) in recordBefore.files where !path.hasPrefix("terraform/prod/") {
            #expect(record.files[path] == hash, "\(path)")
        }
        #expect(record.files["terraform/prod/main.tf.json"] != recordBefore.files["terraform/prod/main.tf.json"])
        // The whole definition then catches up: dev changes, the old root goes.
        try await run(MarkerInfra<Version2>.self, ["synth", "--output", out.path])
        #expect(try FolderSnapshot(out).text("terraform/dev/main.tf.json")?.contains("v2") == true)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("terraform/old").path))
    }

    @Test("unit folders that leave the output folder are diagnostics with their component paths; nothing is written")
    func misplacedUnits() async throws {
        let errors = MisplacedInfra().body.synthesize().diagnostics.errors
        #expect(
            errors.map { "\($0.path): \($0.message)" } == [
                "dev: output folder \"../escape\" has a .. segment, which leaves the folder it names or takes a detour",
                "prod: output folder \"/tmp/prod\" is absolute (starts with /)",
                "qa: output folder \"terraform//qa/\" ends with /",
            ])
        let (parent, out) = try folder()
        await #expect(throws: ExitCode.failure) { try await run(MisplacedInfra.self, ["synth", "--output", out.path]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test("diff reads the record: state, .terraform/ and notes are not removals; stale generated files are")
    func diffUsesRecord() async throws {
        let (_, out) = try folder()
        try await run(MarkerInfra<Version1>.self, ["synth", "--output", out.path])
        try ExternalTools.write(
            [
                ("terraform/dev/terraform.tfstate", Array("{}".utf8)), ("terraform/dev/.terraform/x", Array("x".utf8)),
                ("NOTES.md", Array("n".utf8)),
            ], to: out)
        try await run(MarkerInfra<Version1>.self, ["diff", out.path, "--detailed-exitcode"])

        let whole = MarkerInfra<Version2>().body
        let result = whole.synthesize()
        let artifacts = result.artifacts
        let plan = try OutputWriter(directory: out).plan(artifacts)
        #expect(
            OutputDiff.lines(plan, model: result.model, directory: out.path) == [
                "~ terraform/dev/main.tf.json", "    ~ terraform_data.marker", "+ terraform/dev/outputs.tf.json",
                "- terraform/old/main.tf.json", "~ terraform/prod/main.tf.json", "    ~ terraform_data.marker",
            ])
        await #expect(throws: ExitCode(2)) {
            try await run(MarkerInfra<Version2>.self, ["diff", out.path, "--detailed-exitcode"])
        }
        // Files in the way are shown as such.
        try ExternalTools.write([("terraform/dev/outputs.tf.json", Array("{}".utf8))], to: out)
        let blocked = try OutputWriter(directory: out).plan(artifacts)
        #expect(
            OutputDiff.lines(blocked, model: result.model, directory: out.path).contains(
                "! terraform/dev/outputs.tf.json: a file synth did not write is in the way"))
    }
}
