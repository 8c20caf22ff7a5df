// Snapshots: recording, matching, and failures that show a readable diff and list added or
// removed files. Uses a temporary folder so the real golden files are never touched.

import Foundation
import InfraCore
import InfraTesting
import Testing

@Suite("Snapshot")
struct SnapshotTests {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("infra-snapshot-\(UUID().uuidString)").path

    let artifacts = [
        Artifact(path: "terraform/main.tf.json", bytes: Array("{\n  \"a\": 1,\n  \"b\": 2\n}\n".utf8)),
        Artifact(path: "kubernetes/app.yaml", bytes: Array("kind: Namespace\n".utf8)),
    ]

    @Test func recordedSnapshotMatchesTheSameOutput() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Snapshot.verify(artifacts, directory: directory, record: true)
        try Snapshot.verify(artifacts, directory: directory, record: false)
    }

    @Test func changedFileFailsWithALineDiff() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Snapshot.verify(artifacts, directory: directory, record: true)
        var changed = artifacts
        changed[0].bytes = Array("{\n  \"a\": 1,\n  \"b\": 3\n}\n".utf8)
        let failure = #expect(throws: AssertionFailure.self) {
            try Snapshot.verify(changed, directory: directory, record: false)
        }
        #expect(
            failure?.details == [
                "changed: terraform/main.tf.json\n@@ line 1 @@\n {\n   \"a\": 1,\n-  \"b\": 2\n+  \"b\": 3\n }\n "
            ])
        #expect(failure?.summary.hasSuffix("re-record with INFRA_RECORD_SNAPSHOTS=1") == true)
    }

    @Test func addedAndRemovedFilesAreListed() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Snapshot.verify(artifacts, directory: directory, record: true)
        let next = [artifacts[0], Artifact(path: "kubernetes/new.yaml", bytes: [])]
        let failure = #expect(throws: AssertionFailure.self) {
            try Snapshot.verify(next, directory: directory, record: false)
        }
        #expect(
            failure?.details == [
                "new file not in the snapshot: kubernetes/new.yaml",
                "snapshot file no longer produced: kubernetes/app.yaml",
            ])
    }

    @Test func missingSnapshotExplainsHowToRecord() {
        let failure = #expect(throws: AssertionFailure.self) {
            try Snapshot.verify(artifacts, directory: directory, record: false)
        }
        #expect(failure?.summary == "no snapshot at \(directory); run with INFRA_RECORD_SNAPSHOTS=1 to record it")
    }

    @Test func singleTextSnapshotsDiffToo() throws {
        let file = directory + "/help.txt"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Snapshot.verify("one\ntwo\n", file: file, record: true)
        try Snapshot.verify("one\ntwo\n", file: file, record: false)
        let failure = #expect(throws: AssertionFailure.self) {
            try Snapshot.verify("one\n2\n", file: file, record: false)
        }
        #expect(failure?.details == ["@@ line 1 @@\n one\n-two\n+2\n "])
    }

    @Test func committedGoldenFolderMatches() throws {
        // Golden folders live outside test targets here (SwiftPM would warn about unhandled files).
        let golden = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InfraTestingFixtures/snapshots/namespace").path
        try Snapshot.verify([artifacts[1]], directory: golden)
    }

    @Test func defaultGoldenFolderSitsNextToTheTestFile() {
        #expect(
            Snapshot.directory(named: "dev", filePath: "/repo/Tests/AppTests/StackTests.swift")
                == "/repo/Tests/AppTests/__Snapshots__/StackTests/dev")
    }

    @Test func lineDiffShowsContextAroundChangesOnly() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "\n10\n", with: "\nten\n")
        #expect(LineDiff.render(old: old, new: new) == "@@ line 7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13")
        #expect(LineDiff.render(old: "same", new: "same") == "")
    }
}

@Suite("Snapshot recording")
struct SnapshotRecordingTests {
    @Test func recordingRemovesFilesNoLongerProducedAndKeepsOthersUntouched() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "infra-record-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Snapshot.verify(
            [Artifact(path: "a.txt", bytes: Array("a".utf8)), Artifact(path: "old/b.txt", bytes: [])],
            directory: directory, record: true)
        try Snapshot.verify([Artifact(path: "a.txt", bytes: Array("a2".utf8))], directory: directory, record: true)
        #expect(!FileManager.default.fileExists(atPath: directory + "/old/b.txt"))
        try Snapshot.verify([Artifact(path: "a.txt", bytes: Array("a2".utf8))], directory: directory, record: false)
    }
}
