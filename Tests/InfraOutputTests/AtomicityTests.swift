// A write is all or nothing: a failure at any step before the commit point (injected at every
// single step in turn, or a real one from the file system) leaves the folder exactly as it was,
// with no temporary files behind; two writers never work in one folder at once.

import Foundation
import InfraCore
import InfraTestSupport
import Synchronization
import Testing

@testable import InfraOutput

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts the steps of a commit and fails the one at `failAt`.
final class StepCounter: Sendable {
    struct Injected: Error {}
    let failAt: Int?
    let steps = Mutex<[OutputStep]>([])

    init(failAt: Int?) { self.failAt = failAt }

    func check(_ step: OutputStep) throws {
        let index = steps.withLock { steps in
            steps.append(step)
            return steps.count - 1
        }
        if index == failAt { throw Injected() }
    }
}

@Suite("Output atomicity: all or nothing")
struct AtomicityTests {
    /// A folder with every kind of change pending: files to replace, create (in new folders),
    /// remove (emptying a folder), leave unchanged, plus files synth does not own.
    func prepared() throws -> (URL, [Artifact]) {
        let out = try outputFolder()
        try OutputWriter(directory: out).write(
            artifacts([
                "terraform/dev/main.tf.json": "{\"v\": 1}\n", "terraform/dev/variables.tf.json": "{}\n",
                "terraform/old/main.tf.json": "{}\n", "kubernetes/dev/app.yaml": "kind: A\n",
            ]))
        try place(["terraform/dev/terraform.tfstate": "{\"serial\": 7}", "NOTES.md": "mine"], in: out)
        let next = artifacts([
            "terraform/dev/main.tf.json": "{\"v\": 2}\n", "terraform/dev/variables.tf.json": "{}\n",
            "kubernetes/dev/app.yaml": "kind: B\n", "kubernetes/prod/app.yaml": "kind: B\n",
            "terraform/modules/vpc/main.tf.json": "{}\n",
        ])
        return (out, next)
    }

    @Test("a failure injected at any step of a write leaves the folder as it was")
    func everyStep() throws {
        let (probe, next) = try prepared()
        let counter = StepCounter(failAt: nil)
        var writer = OutputWriter(directory: probe)
        writer.beforeStep = { try counter.check($0) }
        try writer.write(next)
        let steps = counter.steps.withLock { $0 }
        // Three new folders, four temporaries, two replacements, two creations, one removal, the record.
        #expect(
            steps == [
                .createFolder("kubernetes/prod"), .createFolder("terraform/modules"),
                .createFolder("terraform/modules/vpc"), .writeTemporary("kubernetes/dev/app.yaml"),
                .writeTemporary("kubernetes/prod/app.yaml"), .writeTemporary("terraform/dev/main.tf.json"),
                .writeTemporary("terraform/modules/vpc/main.tf.json"), .replace("kubernetes/dev/app.yaml"),
                .create("kubernetes/prod/app.yaml"), .replace("terraform/dev/main.tf.json"),
                .create("terraform/modules/vpc/main.tf.json"), .remove("terraform/old/main.tf.json"), .writeRecord,
            ])
        let expected = try FolderSnapshot(probe)

        for failAt in steps.indices {
            let (out, next) = try prepared()
            let before = try FolderSnapshot(out)
            var writer = OutputWriter(directory: out)
            let failing = StepCounter(failAt: failAt)
            writer.beforeStep = { try failing.check($0) }
            #expect(throws: StepCounter.Injected.self, "step \(failAt): \(steps[failAt])") { try writer.write(next) }
            let after = try FolderSnapshot(out)
            #expect(after == before, "step \(failAt): \(steps[failAt])\n\(after)")
            #expect(after.inodes == before.inodes, "step \(failAt): files were replaced, not restored")
            // The same write, without the failure, then gives what it gives in one go.
            try OutputWriter(directory: out).write(next)
            #expect(try FolderSnapshot(out) == expected)
        }
    }

    @Test("a real file-system failure half way (a name too long) rolls back what was already replaced")
    func realFailure() throws {
        let (out, next) = try prepared()
        let before = try FolderSnapshot(out)
        // The long name fails at its rename, after main.tf.json (sorted before it) was replaced.
        let long = "zz/" + String(repeating: "n", count: 300) + ".json"
        let error = #expect(throws: OutputError.self) {
            try OutputWriter(directory: out).write(next + [artifact(long, "{}")])
        }
        guard case .system(_, let path, let code)? = error else {
            Issue.record("expected a failed system call, got \(String(describing: error))")
            return
        }
        #expect(code == ENAMETOOLONG)
        #expect(path == long)
        let after = try FolderSnapshot(out)
        #expect(after == before, "\(after)")
        #expect(after.inodes == before.inodes)
    }

    @Test("a second writer is refused while another holds the folder")
    func lock() throws {
        let out = try outputFolder()
        try OutputWriter(directory: out).write([])
        let descriptor = open(out.path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: OutputError.busy("")) { try OutputWriter(directory: out).write([artifact("a.json", "{}")]) }
        flock(descriptor, LOCK_UN)
        try OutputWriter(directory: out).write([artifact("a.json", "{}")])
    }

    #if os(Linux)
    @Test(
        "the lock ends with the write, also while a copy of the folder's descriptor lives on",
        arguments: [false, true])
    func lockEndsWithTheWrite(folderExists: Bool) throws {
        let out = try outputFolder()
        if folderExists { try OutputWriter(directory: out).write([artifact("a.json", "{}")]) }
        // What a child process that another thread starts holds until it runs its program: a copy
        // of every descriptor, the locked folder's included. Seen as "being written by another
        // synth" in a loaded test run, when the lock lasted as long as the last copy.
        let copies = Mutex<[Int32]>([])
        var writer = OutputWriter(directory: out)
        writer.beforeStep = { _ in
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
                guard let descriptor = Int32(name),
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")) == out.path
                else { continue }
                copies.withLock { $0.append(dup(descriptor)) }
            }
        }
        try writer.write([artifact("a.json", "{\"v\": 2}")])
        let held = copies.withLock { $0 }
        defer { for descriptor in held { close(descriptor) } }
        #expect(!held.isEmpty)
        try OutputWriter(directory: out).write([artifact("a.json", "{\"v\": 3}")])
    }
    #endif

    @Test("a new output folder and its parents are created, and removed again when the write fails")
    func newFolderRolledBack() throws {
        let parent = try ExternalTools.temporaryDirectory("output")
        let out = parent.appendingPathComponent("a/b/infra.out")
        var writer = OutputWriter(directory: out)
        let failing = StepCounter(failAt: 3)
        writer.beforeStep = { try failing.check($0) }
        #expect(throws: StepCounter.Injected.self) { try writer.write(artifacts(["x/y.json": "{}", "z.json": "{}"])) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
        try OutputWriter(directory: out).write(artifacts(["x/y.json": "{}", "z.json": "{}"]))
        #expect(try FolderSnapshot(out).files == [OutputRecord.fileName, "x/y.json", "z.json"])
    }
}
