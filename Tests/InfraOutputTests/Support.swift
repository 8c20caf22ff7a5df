// Small helpers for the output tests: artifacts from text, a user's files written the way a user
// (or terraform) would, and a fresh output folder.

import Foundation
import InfraCore
import InfraTestSupport

/// An artifact holding `text`.
func artifact(_ path: String, _ text: String) -> Artifact {
    Artifact(path: path, bytes: Array(text.utf8))
}

/// Artifacts from `path: text` pairs.
func artifacts(_ files: KeyValuePairs<String, String>) -> [Artifact] {
    files.map { artifact($0.key, $0.value) }
}

/// A fresh, not yet existing output folder inside a fresh temporary folder.
func outputFolder() throws -> URL {
    try ExternalTools.temporaryDirectory("output").appendingPathComponent("infra.out")
}

/// Writes files the way a user or another tool would (not through the writer).
func place(_ files: KeyValuePairs<String, String>, in folder: URL) throws {
    for (path, text) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// The text of the file at `path` below `folder`.
func text(_ path: String, in folder: URL) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
}

/// Whether something (a file, folder or link, not followed) is at `path` below `folder`.
func exists(_ path: String, in folder: URL) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)) != nil
}
