// How `infra-dev` tells that a file changed: its modification time and size as recorded when the
// build read it, compared for equality (as llbuild does), so a file put back with an older time
// (`cp -p`, `git stash pop`) counts as changed too.

import Foundation

/// A file's modification time and size, or its absence.
///
/// ```swift
/// let before = FileStamp(path: "Sources/MyInfra/MyInfra.swift")
/// // … edit …
/// FileStamp(path: "Sources/MyInfra/MyInfra.swift") != before   // true
/// ```
public struct FileStamp: Sendable, Hashable, Codable {
    /// Seconds since 1970 of the last modification (nanosecond resolution where the file system has it).
    public var modified: Double
    /// Size in bytes; -1 when the file does not exist.
    public var size: Int64

    /// A stamp that equals no file's: recorded for a file that changed while the build read it.
    public static let unknown = FileStamp(modified: -1, size: -2)

    /// A stamp as stated.
    public init(modified: Double, size: Int64) {
        self.modified = modified
        self.size = size
    }

    /// The stamp of the file or directory at `path` now (`size` -1 when there is none).
    public init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self.init(modified: 0, size: -1)
            return
        }
        self.init(
            modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int64(info.st_size))
    }

    /// Whether the file exists.
    public var exists: Bool { size >= 0 }
}

/// The entries of one folder, to tell a file added, removed or renamed from an edit in place.
public struct FolderStamp: Sendable, Hashable, Codable {
    /// The folder's own stamp: its time changes when an entry is added, removed or renamed
    /// (and with every atomic save of an editor, hence the entries).
    public var stamp: FileStamp
    /// The names in the folder, sorted.
    public var entries: [String]

    /// The folder at `path` now.
    public init(path: String) {
        stamp = FileStamp(path: path)
        entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Every folder under `root` (itself included), skipping `.git` and `.build` as SwiftPM does.
    public static func tree(at root: String) -> [String: FolderStamp] {
        var folders: [String: FolderStamp] = [:]
        var pending = [root.hasSuffix("/") ? String(root.dropLast()) : root]
        while let path = pending.popLast() {
            let folder = FolderStamp(path: path)
            guard folder.stamp.exists else { continue }
            folders[path] = folder
            for entry in folder.entries where entry != ".git" && entry != ".build" {
                var isDirectory: ObjCBool = false
                let child = path + "/" + entry
                if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                    pending.append(child)
                }
            }
        }
        return folders
    }
}
