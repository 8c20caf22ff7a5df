// Writing a converted target into a folder the user may share with their own files: every
// file `convert` writes starts with the same marker line, so a later run replaces and removes
// only those, and a file in the way that is not one of them stops the run before anything
// is written.

import Foundation

/// Writes converted files into a target folder without touching files it did not write.
public struct ConvertedTargetWriter: Sendable {
    /// The first line of every file `convert` writes.
    public static let marker = "// Converted by `infra-manifest convert`"

    /// The target folder.
    public var directory: URL

    /// Creates a writer for `directory` (created when missing).
    public init(directory: URL) {
        self.directory = directory
    }

    /// A file in the way that `convert` did not write.
    public struct ForeignFile: Error, CustomStringConvertible {
        /// The file's path.
        public var path: String
        /// What to do about it.
        public var description: String {
            "\(path) exists and was not written by convert; move it away or choose another --output"
        }
    }

    /// Writes `files`, replacing and removing only files an earlier conversion wrote; refuses
    /// (writing nothing) when a file of the same name was not written by `convert`.
    public func write(_ files: [ConvertedFile]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let existing = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        let ours = Set(
            existing.filter { name in name.hasSuffix(".swift") && isOurs(directory.appendingPathComponent(name)) })
        // Refuse before writing anything.
        for file in files where existing.contains(file.name) && !ours.contains(file.name) {
            throw ForeignFile(path: directory.appendingPathComponent(file.name).path)
        }
        for file in files {
            try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name), options: .atomic)
        }
        for stale in ours.subtracting(files.map(\.name)) {
            try manager.removeItem(at: directory.appendingPathComponent(stale))
        }
    }

    private func isOurs(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: Self.marker.utf8.count)) ?? Data()
        return String(decoding: head, as: UTF8.self) == Self.marker
    }
}
