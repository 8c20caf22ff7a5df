// Everything in a folder tree, read without following links: each entry's kind, bytes or link
// target, permissions, and the identity (device and inode) of files. Tests compare snapshots to
// show that a refused or failed write left a folder byte for byte as it was, and that files synth
// did not need to rewrite were not rewritten.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The contents of a folder tree, by path relative to it; equal snapshots hold the same entries
/// with the same bytes (inodes are compared separately).
///
/// ```swift
/// let before = try FolderSnapshot(out)
/// #expect(throws: (any Error).self) { try refusedWrite() }
/// #expect(try FolderSnapshot(out) == before)
/// ```
public struct FolderSnapshot: Equatable, CustomStringConvertible {
    /// One entry, as `lstat` sees it.
    public enum Entry: Equatable {
        /// A regular file: its bytes and permission bits.
        case file(bytes: [UInt8], permissions: mode_t)
        /// A folder and its permission bits.
        case folder(permissions: mode_t)
        /// A symbolic link and its target.
        case link(target: String)
    }

    /// Entries by relative path.
    public var entries: [String: Entry] = [:]
    /// The inode of each file: the same number after a write means the file was not replaced.
    public var inodes: [String: UInt64] = [:]

    /// Reads the tree at `url` (the folder itself is not an entry).
    public init(_ url: URL) throws {
        try read(url.path, relative: "")
    }

    private mutating func read(_ path: String, relative: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() {
            let full = "\(path)/\(name)"
            let key = relative.isEmpty ? name : "\(relative)/\(name)"
            var info = stat()
            guard lstat(full, &info) == 0 else { throw POSIXError(.EIO) }
            switch info.st_mode & 0o170000 {
            case 0o040000:
                entries[key] = .folder(permissions: info.st_mode & 0o7777)
                try read(full, relative: key)
            case 0o120000:
                entries[key] = .link(target: try FileManager.default.destinationOfSymbolicLink(atPath: full))
            default:
                entries[key] = .file(
                    bytes: Array(try Data(contentsOf: URL(fileURLWithPath: full))), permissions: info.st_mode & 0o7777)
                inodes[key] = UInt64(info.st_ino)
            }
        }
    }

    /// The text of the file at `path`, or `nil`.
    public func text(_ path: String) -> String? {
        guard case .file(let bytes, _)? = entries[path] else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The paths of files, sorted.
    public var files: [String] {
        entries.compactMap { if case .file = $0.value { $0.key } else { nil } }.sorted()
    }

    /// Whether both trees hold the same entries (inodes are not compared).
    public static func == (lhs: FolderSnapshot, rhs: FolderSnapshot) -> Bool { lhs.entries == rhs.entries }

    /// One line per entry.
    public var description: String {
        entries.keys.sorted().map { path in
            switch entries[path] {
            case .file(let bytes, let permissions)?:
                "\(path) file \(bytes.count) bytes \(String(permissions, radix: 8))"
            case .folder?: "\(path)/"
            case .link(let target)?: "\(path) -> \(target)"
            case nil: path
            }
        }.joined(separator: "\n")
    }
}
