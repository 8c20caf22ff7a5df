// The record synth keeps: byte-deterministic (two folders written from the same artifacts are
// identical, as CI's `diff -r` requires), hashes that `sha256sum` agrees with, and a reader that
// refuses anything it did not write.

import Foundation
import InfraCore
import InfraOutput
import InfraTestSupport
import Testing

@Suite("Output record")
struct RecordTests {
    let files = artifacts([
        "terraform/dev/main.tf.json": "{\"v\": 1}\n", "kubernetes/dev/app.yaml": "kind: A\n", "top.txt": "",
    ])

    // The hashes below are what `printf '…' | sha256sum` prints for each file's contents.
    @Test("two writes of the same artifacts give identical folders, record included")
    func deterministic() throws {
        let first = try outputFolder()
        let second = try outputFolder()
        try OutputWriter(directory: first).write(files)
        try OutputWriter(directory: second).write(files.reversed())
        #expect(try FolderSnapshot(first) == FolderSnapshot(second))
        let record = try text(OutputRecord.fileName, in: first)
        #expect(
            record == """
                {
                  "about": "\(OutputRecord.about)",
                  "folders": [
                    "kubernetes",
                    "kubernetes/dev",
                    "terraform",
                    "terraform/dev"
                  ],
                  "sha256": {
                    "kubernetes/dev/app.yaml": "7484dcdfb548dc36cb6cd1f2e55c294ae93e8806da968f3a3fe0397340cd200a",
                    "terraform/dev/main.tf.json": "4a48c7348d7982e297f57d640574d85d03aade6d7d7cd6c6ae2d0806bff62219",
                    "top.txt": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                  },
                  "version": 1
                }

                """)
    }

    @Test("sha256sum checks every file against the record")
    func sha256sumAgrees() throws {
        let tool = ExternalTools.which("sha256sum")
        guard ExternalTools.require("sha256sum", at: tool), let tool else { return }
        let out = try outputFolder()
        try OutputWriter(directory: out).write(files)
        let record = try #require(try OutputRecord.read(in: out))
        let list = record.files.sorted { $0.key < $1.key }.map { "\($0.value)  \($0.key)\n" }.joined()
        let check = try ExternalTools.run(tool, ["--check", "--strict", "-"], in: out, stdin: list)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.split(separator: "\n").count == 3)
    }

    @Test(
        "a record that is not one synth wrote is refused",
        arguments: [
            ("not json", "is not a record synth wrote"),
            (#"{"version": 2, "folders": [], "sha256": {}}"#, "has format version 2"),
            (#"{"version": 1, "folders": ["/etc"], "sha256": {}}"#, "lists \"/etc\", which is absolute"),
            (#"{"version": 1, "folders": [], "sha256": {"a": "xyz"}}"#, "has no SHA-256 for a"),
        ])
    func refusedRecords(json: String, problem: String) throws {
        let error = #expect(throws: OutputError.self) { try OutputRecord(decoding: Array(json.utf8)) }
        #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
    }

    @Test("a record that is a link is not read through")
    func linkedRecord() throws {
        let parent = try ExternalTools.temporaryDirectory("output")
        let out = parent.appendingPathComponent("infra.out")
        try OutputWriter(directory: parent.appendingPathComponent("other")).write(files)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent(OutputRecord.fileName).path,
            withDestinationPath: parent.appendingPathComponent("other/\(OutputRecord.fileName)").path)
        #expect(throws: OutputError.unreadableRecord("\(OutputRecord.fileName) is a symbolic link, not a file")) {
            try OutputRecord.read(in: out)
        }
    }

    @Test("a record round-trips through its bytes")
    func roundTrip() throws {
        let record = OutputRecord(files: ["a/b.json": String(repeating: "0", count: 64)], folders: ["a"])
        #expect(try OutputRecord(decoding: record.encoded()) == record)
    }

}
