// An open folder inside the output folder, and the few system calls the writer makes in it.
// Every call names one entry of this folder relative to its descriptor (`openat`, `renameat`,
// `unlinkat`, …) and none follows a symbolic link, so a link inside the output folder can never
// send a write or a delete somewhere else, even one swapped in while synth runs.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder, held open by its descriptor; closed when the handle goes away.
final class FolderHandle {
    /// What an entry of a folder is, seen without following links.
    enum Kind: Equatable {
        /// A regular file, with its permission bits.
        case file(permissions: mode_t)
        /// A folder.
        case folder
        /// A symbolic link.
        case symlink
        /// A device, pipe or socket.
        case other

        /// How the kind is named in messages.
        var name: String {
            switch self {
            case .file: "file"
            case .folder: "folder"
            case .symlink: "symbolic link"
            case .other: "special file"
            }
        }
    }

    /// How a path of folders below this one turned out.
    enum Walk {
        /// Every folder exists: the last one, open.
        case opened(FolderHandle)
        /// The folders from `missingFrom` (an index into the path's segments) on do not exist yet.
        case missing(from: Int)
        /// The segment at `index` exists but is not a real folder (a file or a link).
        case blocked(at: Int, kind: Kind)
    }

    /// The descriptor.
    let descriptor: Int32
    /// The folder's path relative to the output folder (`""` for the output folder), for messages.
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens the output folder itself (a link there is followed: the user chose that path), or
    /// `nil` when it does not exist.
    static func openRoot(_ url: URL) throws -> FolderHandle? {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw OutputError.system("open the output folder", url.path, errno)
        }
        return FolderHandle(descriptor: descriptor, path: "")
    }

    /// Opens the folder `segments` below this one without following links, or says where it stops.
    func walk(_ segments: ArraySlice<Substring>) throws -> Walk {
        var current = self
        for (offset, segment) in segments.enumerated() {
            let name = String(segment)
            switch try current.kind(of: name) {
            case nil: return .missing(from: offset)
            case .folder?: current = try current.openFolder(name)
            case let kind?: return .blocked(at: offset, kind: kind)
            }
        }
        return .opened(current)
    }

    /// Opens the sub-folder `name`; a link there fails instead of being followed.
    func openFolder(_ name: String) throws -> FolderHandle {
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { throw OutputError.system("open the folder", join(name), errno) }
        return FolderHandle(descriptor: child, path: join(name))
    }

    /// What `name` is, or `nil` when there is nothing by that name.
    func kind(of name: String) throws -> Kind? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw OutputError.system("inspect", join(name), errno)
        }
        switch info.st_mode & FileType.mask {
        case FileType.regular: return .file(permissions: info.st_mode & 0o7777)
        case FileType.folder: return .folder
        case FileType.symlink: return .symlink
        default: return .other
        }
    }

    /// The names in this folder, without `.` and `..`.
    func names() throws -> [String] {
        // fdopendir takes over a descriptor of its own, so the handle's stays open.
        let copy = dup(descriptor)
        guard copy >= 0 else { throw OutputError.system("list", path.isEmpty ? "." : path, errno) }
        guard let stream = fdopendir(copy) else {
            let code = errno
            close(copy)
            throw OutputError.system("list", path.isEmpty ? "." : path, code)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The bytes of the regular file `name` (a link there fails instead of being followed).
    func read(_ name: String) throws -> [UInt8] {
        try withOpenFile(name) { file, size in
            // Sized from the length (plus one byte to see the end in the same call), grown if the file grows.
            var buffer = [UInt8](repeating: 0, count: size + 1)
            var filled = 0
            while true {
                if filled == buffer.count { buffer += repeatElement(0, count: max(4096, buffer.count)) }
                let count = try readSome(file, into: &buffer, at: filled, name: name)
                if count == 0 { break }
                filled += count
            }
            buffer.removeSubrange(filled...)
            return buffer
        }
    }

    /// Whether the file `name` holds exactly `chunks`, one after another: its size first, then its
    /// bytes read 64 KiB at a time, so an unchanged file is never in memory whole beside the new one.
    func holds(_ name: String, exactly chunks: [[UInt8]]) throws -> Bool {
        try withOpenFile(name) { file, size in
            let total = chunks.reduce(0) { $0 + $1.count }
            guard size == total else { return false }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var chunk = 0
            var offset = 0
            var matched = 0
            while true {
                let count = try readSome(file, into: &buffer, at: 0, name: name)
                if count == 0 { break }
                var position = 0
                while position < count {
                    guard chunk < chunks.count else { return false }
                    let length = min(count - position, chunks[chunk].count - offset)
                    let equal = buffer.withUnsafeBytes { read in
                        chunks[chunk].withUnsafeBytes { expected in
                            guard length > 0, let x = read.baseAddress, let y = expected.baseAddress else {
                                return true
                            }
                            return memcmp(x + position, y + offset, length) == 0
                        }
                    }
                    guard equal else { return false }
                    position += length
                    offset += length
                    if offset == chunks[chunk].count {
                        chunk += 1
                        offset = 0
                    }
                }
                matched += count
            }
            return matched == total
        }
    }

    /// Runs `body` with the regular file `name` open for reading (a link there fails instead of being
    /// followed) and its size when opened; closes it afterwards.
    private func withOpenFile<T>(_ name: String, _ body: (_ file: Int32, _ size: Int) throws -> T) throws -> T {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { throw OutputError.system("read", join(name), errno) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw OutputError.system("read", join(name), errno) }
        return try body(file, max(0, Int(info.st_size)))
    }

    /// One `read(2)` of `file` into `buffer` from `offset` to its end, retried when interrupted; 0 at
    /// the end of the file.
    private func readSome(_ file: Int32, into buffer: inout [UInt8], at offset: Int, name: String) throws -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return systemRead(file, base + offset, raw.count - offset)
            }
            if count >= 0 { return count }
            if errno != EINTR { throw OutputError.system("read", join(name), errno) }
        }
    }

    /// Writes `chunks`, one after another, to a new file with a fresh hidden name and returns the name.
    func writeTemporary(_ chunks: [[UInt8]], permissions: mode_t?) throws -> String {
        while true {
            let name = Self.freshName(suffix: "tmp")
            let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if file < 0 {
                if errno == EEXIST { continue }
                throw OutputError.system("create a temporary file in", path.isEmpty ? "." : path, errno)
            }
            do {
                defer { close(file) }
                if let permissions, fchmod(file, permissions) != 0 {
                    throw OutputError.system("set the permissions of", join(name), errno)
                }
                for chunk in chunks { try Self.writeAll(chunk, to: file, path: join(name)) }
            } catch {
                unlinkat(descriptor, name, 0)
                throw error
            }
            return name
        }
    }

    /// A second name for the file `name` (a hard link), so its old version outlives a rename over it.
    func link(_ name: String, as newName: String) throws {
        guard linkat(descriptor, name, descriptor, newName, 0) == 0 else {
            throw OutputError.system("keep the previous version of", join(name), errno)
        }
    }

    /// Renames `name` to `newName` in this folder, replacing whatever file `newName` was.
    func rename(_ name: String, to newName: String) throws {
        guard renameat(descriptor, name, descriptor, newName) == 0 else {
            throw OutputError.system("rename \(join(name)) to", join(newName), errno)
        }
    }

    /// Removes the file (or link) `name`.
    func remove(_ name: String) throws {
        guard unlinkat(descriptor, name, 0) == 0 else { throw OutputError.system("remove", join(name), errno) }
    }

    /// Creates the sub-folder `name`.
    func createFolder(_ name: String) throws {
        guard mkdirat(descriptor, name, 0o777) == 0 else {
            throw OutputError.system("create the folder", join(name), errno)
        }
    }

    /// Removes the empty sub-folder `name`.
    func removeFolder(_ name: String) throws {
        guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 else {
            throw OutputError.system("remove the folder", join(name), errno)
        }
    }

    /// Takes the folder's advisory lock, so two writers never work in one output folder at once.
    func lock() throws {
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { throw OutputError.busy(path) }
            throw OutputError.system("lock", path.isEmpty ? "." : path, errno)
        }
    }

    /// Releases the folder's lock. Closing the descriptor would too, but only once no copy of it
    /// is left: a child process that another thread starts shares every descriptor until it runs
    /// its program, and would hold the lock that long.
    func unlock() {
        flock(descriptor, LOCK_UN)
    }

    /// `name` relative to the output folder.
    func join(_ name: String) -> String { path.isEmpty ? name : "\(path)/\(name)" }

    /// A hidden name no synthesized file uses: `.swift-infra-<16 hex digits>.<suffix>`.
    static func freshName(suffix: String) -> String {
        let digits = String(UInt64.random(in: .min ... .max), radix: 16)
        return ".swift-infra-\(String(repeating: "0", count: 16 - digits.count))\(digits).\(suffix)"
    }

    /// Writes all of `bytes` with `write(2)` straight from the array.
    private static func writeAll(_ bytes: [UInt8], to file: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            guard var next = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = systemWrite(file, next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.system("write", path, errno)
                }
                next += written
                remaining -= written
            }
        }
    }
}

/// The file-type bits of `st_mode` (POSIX values, the same on Linux and Darwin).
private enum FileType {
    static let mask: mode_t = 0o170000
    static let regular: mode_t = 0o100000
    static let folder: mode_t = 0o040000
    static let symlink: mode_t = 0o120000
}

/// `write(2)`, named apart from the writer's own methods.
private func systemWrite(_ file: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(file, bytes, count)
}

/// `read(2)`, named apart from the handle's own `read(_:)`.
private func systemRead(_ file: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(file, bytes, count)
}
