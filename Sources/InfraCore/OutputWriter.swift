// Writes synthesized files so that a folder is replaced whole or not at all:
// everything goes into a temporary sibling folder first, which then takes the
// place of the old one. A failed or refused synthesis never leaves half a tree.

import Foundation

/// Writes ``Artifact``s into an output folder atomically.
///
/// ```swift
/// try OutputWriter(directory: URL(fileURLWithPath: "infra.out")).write(result.artifacts)
/// ```
public struct OutputWriter: Sendable {
    /// The folder that ends up holding exactly the artifacts.
    public var directory: URL

    /// Creates a writer for `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Replaces `directory` with a folder holding exactly `artifacts`.
    public func write(_ artifacts: [Artifact]) throws {
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).tmp-\(UUID().uuidString)")
        do {
            for artifact in artifacts {
                let url = staging.appendingPathComponent(artifact.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(artifact.bytes).write(to: url)
            }
            if artifacts.isEmpty { try fileManager.createDirectory(at: staging, withIntermediateDirectories: true) }
            if fileManager.fileExists(atPath: directory.path) {
                // Move the old tree aside first so the swap is two renames, then delete it.
                let old = parent.appendingPathComponent(".\(directory.lastPathComponent).old-\(UUID().uuidString)")
                try fileManager.moveItem(at: directory, to: old)
                do {
                    try fileManager.moveItem(at: staging, to: directory)
                } catch {
                    try? fileManager.moveItem(at: old, to: directory)
                    throw error
                }
                try? fileManager.removeItem(at: old)
            } else {
                try fileManager.moveItem(at: staging, to: directory)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }
}
