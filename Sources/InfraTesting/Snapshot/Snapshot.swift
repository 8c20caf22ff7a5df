// Golden-file snapshots of synthesized output. One switch re-records every snapshot:
// `INFRA_RECORD_SNAPSHOTS=1 swift test`. A mismatch fails with a line diff per file.

import Foundation
import InfraCore
import Testing

/// Compares synthesized artifacts with a committed golden folder.
///
/// ```swift
/// @Test func devEnvironmentIsUnchanged() throws {
///     Snapshot.assertMatches(result.artifacts, named: "dev")   // __Snapshots__/<TestFile>/dev/
/// }
/// ```
/// Re-record with `INFRA_RECORD_SNAPSHOTS=1 swift test`, then review the change in `git diff`.
public enum Snapshot {
    /// The environment variable that switches every snapshot assertion to recording.
    public static let recordVariable = "INFRA_RECORD_SNAPSHOTS"

    /// Whether snapshots are re-recorded in this run (`INFRA_RECORD_SNAPSHOTS` is `1` or `true`).
    public static var isRecording: Bool {
        let value = ProcessInfo.processInfo.environment[recordVariable]?.lowercased()
        return value == "1" || value == "true" || value == "yes"
    }

    /// The golden folder for `name` next to the calling test file: `__Snapshots__/<File>/<name>`.
    public static func directory(named name: String, filePath: String = #filePath) -> String {
        let file = URL(fileURLWithPath: filePath)
        let testName = file.deletingPathExtension().lastPathComponent
        return file.deletingLastPathComponent().appendingPathComponent("__Snapshots__")
            .appendingPathComponent(testName).appendingPathComponent(name).path
    }

    /// Asserts that `artifacts` equal the golden folder `__Snapshots__/<File>/<name>` (every file,
    /// no missing or extra ones); records an issue with a diff when they differ.
    @discardableResult
    public static func assertMatches(
        _ artifacts: [Artifact], named name: String, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try verify(artifacts, directory: directory(named: name, filePath: filePath))
        }
    }

    /// Asserts that `text` equals the golden file `__Snapshots__/<File>/<name>`.
    @discardableResult
    public static func assertMatches(
        _ text: String, named name: String, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try verify(text, file: directory(named: name, filePath: filePath))
        }
    }

    /// Compares `artifacts` with the golden folder at `directory` (or rewrites it when
    /// `record` is true); throws a failure listing missing, extra and changed files with diffs.
    public static func verify(
        _ artifacts: [Artifact], directory: String, record: Bool = isRecording
    ) throws(AssertionFailure) {
        let fileManager = FileManager.default
        if record {
            do {
                // Remove only golden files that are no longer produced, never the folder itself.
                let produced = Set(artifacts.map(\.path))
                for stale in files(under: directory) where !produced.contains(stale) {
                    try fileManager.removeItem(atPath: directory + "/" + stale)
                }
                for artifact in artifacts { try write(artifact.bytes, to: directory + "/" + artifact.path) }
            } catch {
                throw AssertionFailure(summary: "could not record snapshot \(directory): \(error)")
            }
            return
        }
        guard fileManager.fileExists(atPath: directory) else {
            throw AssertionFailure(
                summary: "no snapshot at \(directory); run with \(recordVariable)=1 to record it")
        }
        let golden = Set(files(under: directory))
        let produced = Set(artifacts.map(\.path))
        var details: [String] = []
        for path in produced.subtracting(golden).sorted() { details.append("new file not in the snapshot: \(path)") }
        for path in golden.subtracting(produced).sorted() {
            details.append("snapshot file no longer produced: \(path)")
        }
        for artifact in artifacts.sorted(by: { $0.path < $1.path }) where golden.contains(artifact.path) {
            let old =
                (try? Data(contentsOf: URL(fileURLWithPath: directory + "/" + artifact.path))).map { [UInt8]($0) } ?? []
            guard old != artifact.bytes else { continue }
            let diff = LineDiff.render(old: String(decoding: old, as: UTF8.self), new: artifact.text)
            details.append("changed: \(artifact.path)\n" + (diff.isEmpty ? "(bytes differ, text equal)" : diff))
        }
        guard !details.isEmpty else { return }
        throw AssertionFailure(
            summary: "output differs from snapshot \(directory) in \(details.count) file(s); "
                + "if the change is intended, re-record with \(recordVariable)=1",
            details: details
        )
    }

    /// Compares `text` with the golden file at `file` (or rewrites it when `record` is true).
    public static func verify(_ text: String, file: String, record: Bool = isRecording) throws(AssertionFailure) {
        if record {
            do { try write(Array(text.utf8), to: file) } catch {
                throw AssertionFailure(summary: "could not record snapshot \(file): \(error)")
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AssertionFailure(summary: "no snapshot at \(file); run with \(recordVariable)=1 to record it")
        }
        let old = String(decoding: data, as: UTF8.self)
        guard old != text else { return }
        throw AssertionFailure(
            summary:
                "output differs from snapshot \(file); if the change is intended, re-record with \(recordVariable)=1",
            details: [LineDiff.render(old: old, new: text)]
        )
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    }

    /// Relative paths of the regular files under `directory`, `/`-separated.
    private static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
