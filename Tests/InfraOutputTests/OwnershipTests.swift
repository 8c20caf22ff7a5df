// A re-synth replaces and removes only what synth wrote: Terraform's state and working files, lock
// files and a user's notes survive; stale generated files go, with the folders synth created once
// they are empty; a scoped write (`synth --env prod`) leaves everything outside its scope alone.

import Foundation
import InfraCore
import InfraOutput
import InfraTestSupport
import Testing

@Suite("Output ownership: synth touches only what it wrote")
struct OwnershipTests {
    let dev = artifacts([
        "terraform/dev/main.tf.json": "{\"v\": 1}\n", "terraform/dev/variables.tf.json": "{}\n",
    ])

    @Test("Terraform state, .terraform/ and the lock file in a root survive a re-synth")
    func terraformFilesSurvive() throws {
        let out = try outputFolder()
        let writer = OutputWriter(directory: out)
        try writer.write(dev)
        try place(
            [
                "terraform/dev/terraform.tfstate": "{\"version\": 4}", "terraform/dev/terraform.tfstate.backup": "{}",
                "terraform/dev/.terraform/providers/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/x": "bin",
                "terraform/dev/.terraform/terraform.tfstate": "{\"backend\": {}}",
                "terraform/dev/.terraform.lock.hcl": "provider \"registry.terraform.io/hashicorp/aws\" {}",
            ], in: out)
        let before = try FolderSnapshot(out)
        // The definitions change: one file is rewritten, one is no longer produced.
        let plan = try writer.write([artifact("terraform/dev/main.tf.json", "{\"v\": 2}\n")])
        let after = try FolderSnapshot(out)
        for path in before.files
        where path.contains("terraform.tfstate") || path.contains(".terraform/") || path.hasSuffix(".lock.hcl") {
            #expect(after.entries[path] == before.entries[path], "\(path)")
            #expect(after.inodes[path] == before.inodes[path], "\(path) was rewritten")
        }
        #expect(after.text("terraform/dev/main.tf.json") == "{\"v\": 2}\n")
        #expect(after.entries["terraform/dev/variables.tf.json"] == nil)
        #expect(plan.entries.map(\.path) == ["terraform/dev/main.tf.json", "terraform/dev/variables.tf.json"])
        #expect(plan.entries.map(\.action) == [.update, .remove])
    }

    @Test("a user's notes file survives, and keeps the folder synth created from being removed")
    func notesSurvive() throws {
        let out = try outputFolder()
        let writer = OutputWriter(directory: out)
        try writer.write(dev + [artifact("kubernetes/dev/app.yaml", "kind: x\n")])
        try place(["kubernetes/dev/NOTES.md": "call Ana before applying", "README.txt": "mine"], in: out)
        // Kubernetes is dropped from the definitions: its file goes, the notes and their folder stay.
        try writer.write(dev)
        #expect(try text("kubernetes/dev/NOTES.md", in: out) == "call Ana before applying")
        #expect(try text("README.txt", in: out) == "mine")
        #expect(!exists("kubernetes/dev/app.yaml", in: out))
        // Once the user removes the notes, the next write removes the folders synth created.
        try FileManager.default.removeItem(at: out.appendingPathComponent("kubernetes/dev/NOTES.md"))
        let plan = try writer.write(dev)
        #expect(plan.foldersRemoved == ["kubernetes/dev", "kubernetes"])
        #expect(!exists("kubernetes", in: out))
        #expect(try OutputRecord.read(in: out)?.folders == ["terraform", "terraform/dev"])
    }

    @Test("a stale file synth wrote is removed, with the folders it created that became empty")
    func staleRemoved() throws {
        let out = try outputFolder()
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("terraform"), withIntermediateDirectories: true)
        // The folder is not empty (it holds `terraform`) and has no record yet: the first write needs force.
        try OutputWriter(directory: out, force: true).write(
            dev + [artifact("terraform/modules/old/main.tf.json", "{}\n"), artifact("terraform/top.json", "1")])
        let plan = try OutputWriter(directory: out).write(dev)
        #expect(plan.entries(.remove).map(\.path) == ["terraform/modules/old/main.tf.json", "terraform/top.json"])
        #expect(!exists("terraform/modules", in: out))
        // `terraform` existed before synth ran: it is not synth's to remove (it still holds dev anyway).
        #expect(try OutputRecord.read(in: out)?.folders == ["terraform/dev"])
        #expect(try FolderSnapshot(out).files == [OutputRecord.fileName] + dev.map(\.path).sorted())
    }

    @Test("a folder synth did not create stays even when the last generated file in it goes")
    func foreignFolderStays() throws {
        let out = try outputFolder()
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("made-by-hand"), withIntermediateDirectories: true)
        try OutputWriter(directory: out, force: true).write([artifact("made-by-hand/x.json", "{}")])
        try OutputWriter(directory: out).write([])
        #expect(exists("made-by-hand", in: out))
        #expect(!exists("made-by-hand/x.json", in: out))
    }

    @Test("a stale file changed since synth wrote it is kept and dropped from the record")
    func changedStaleKept() throws {
        let out = try outputFolder()
        let writer = OutputWriter(directory: out)
        try writer.write(dev)
        try place(["terraform/dev/variables.tf.json": "{\"edited\": true}\n"], in: out)
        let plan = try writer.write([dev[0]])
        #expect(plan.entries(.keep).map(\.path) == ["terraform/dev/variables.tf.json"])
        #expect(try text("terraform/dev/variables.tf.json", in: out) == "{\"edited\": true}\n")
        #expect(try OutputRecord.read(in: out)?.files.keys.sorted() == ["terraform/dev/main.tf.json"])
        // From now on it is the user's file: in the way of a write that produces it again.
        #expect(
            throws: OutputError.conflicts([.init(path: "terraform/dev/variables.tf.json", reason: .notWrittenBySynth)])
        ) {
            try writer.write(dev)
        }
    }

    @Test("a scoped write replaces only its folders and keeps the other record entries")
    func scopedWrite() throws {
        let out = try outputFolder()
        let prod = artifacts(["terraform/prod/main.tf.json": "{\"p\": 1}\n", "terraform/prod/extra.tf.json": "{}\n"])
        let shared = artifacts(["terraform/modules/vpc/main.tf.json": "{\"vpc\": 1}\n"])
        try OutputWriter(directory: out).write(dev + prod + shared)
        let before = try FolderSnapshot(out)
        let recordBefore = try #require(try OutputRecord.read(in: out))
        // prod alone (with the module it calls): a file changes, one is no longer produced. dev's
        // files are not part of the write, so they are neither stale nor touched.
        let scope = OutputScope(
            directories: ["terraform/prod", "terraform/modules/vpc"],
            excluded: ["terraform/dev", "terraform/prod", "terraform/modules/vpc"])
        let plan = try OutputWriter(directory: out).write(
            [artifact("terraform/prod/main.tf.json", "{\"p\": 2}\n")] + shared, scope: scope)
        let after = try FolderSnapshot(out)
        for file in dev.map(\.path) {
            #expect(after.entries[file] == before.entries[file])
            #expect(after.inodes[file] == before.inodes[file])
        }
        #expect(
            after.inodes["terraform/modules/vpc/main.tf.json"] == before.inodes["terraform/modules/vpc/main.tf.json"])
        #expect(plan.entries(.remove).map(\.path) == ["terraform/prod/extra.tf.json"])
        let record = try #require(try OutputRecord.read(in: out))
        for file in dev.map(\.path) { #expect(record.files[file] == recordBefore.files[file]) }
        #expect(record.files["terraform/prod/extra.tf.json"] == nil)
        #expect(record.files.count == recordBefore.files.count - 1)
    }

    @Test("a scoped write leaves a left-out unit's folder nested inside its own alone")
    func nestedExclusion() throws {
        let out = try outputFolder()
        let root = artifacts(["infra/main.tf.json": "{}\n", "infra/old.tf.json": "{}\n"])
        let module = artifacts(["infra/modules/net/main.tf.json": "{}\n"])
        try OutputWriter(directory: out).write(root + module)
        let scope = OutputScope(directories: ["infra"], excluded: ["infra/modules/net"])
        #expect(scope.contains("infra/main.tf.json"))
        #expect(!scope.contains("infra/modules/net/main.tf.json"))
        #expect(!scope.contains("infrastructure/main.tf.json"))
        let plan = try OutputWriter(directory: out).write([root[0]], scope: scope)
        #expect(plan.entries(.remove).map(\.path) == ["infra/old.tf.json"])
        #expect(exists("infra/modules/net/main.tf.json", in: out))
    }

    @Test("writing nothing removes every file synth wrote and nothing else")
    func writeNothing() throws {
        let out = try outputFolder()
        try OutputWriter(directory: out).write(dev)
        try place(["terraform/dev/terraform.tfstate": "{}"], in: out)
        try OutputWriter(directory: out).write([])
        #expect(try FolderSnapshot(out).files == [OutputRecord.fileName, "terraform/dev/terraform.tfstate"])
    }

    @Test("a write that changes nothing changes nothing on disk")
    func noOp() throws {
        let out = try outputFolder()
        try OutputWriter(directory: out).write(dev)
        let before = try FolderSnapshot(out)
        let times =
            try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(dev[0].path).path)[
                .modificationDate] as? Date
        let plan = try OutputWriter(directory: out).write(dev)
        let after = try FolderSnapshot(out)
        #expect(after == before)
        #expect(after.inodes == before.inodes)
        #expect(plan.entries.allSatisfy { $0.action == .unchanged })
        #expect(
            try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(dev[0].path).path)[
                .modificationDate] as? Date == times)
    }

    @Test("a replaced file keeps the permissions the user gave it")
    func permissionsKept() throws {
        let out = try outputFolder()
        try OutputWriter(directory: out).write(dev)
        let path = out.appendingPathComponent(dev[0].path).path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try OutputWriter(directory: out).write([artifact(dev[0].path, "{\"v\": 3}\n"), dev[1]])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }
}
