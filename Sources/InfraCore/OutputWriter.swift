// Writes synthesized files so that a folder is replaced whole or not at all:
// everything goes into a temporary sibling folder first, which then takes the
// place of the old one. A failed or refused synthesis never leaves half a tree.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
                try Self.writeFile(artifact.bytes, to: url)
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

    /// Writes `bytes` to a new file with `write(2)` straight from the array: going through `Data`
    /// copied every byte first and synced each file to disk, which the folder swap does not need
    /// (it is what makes the output all or nothing).
    private static func writeFile(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            guard var next = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = systemWrite(descriptor, next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                next += written
                remaining -= written
            }
        }
    }
}

/// `write(2)`; inside `OutputWriter` the name is its own `write(_:)`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
