// Writing files that hold credentials (the SSO token cache) or point at them (kubeconfig): created with mode 0600
// from the start — the temporary file is opened with that mode, never chmod-ed afterwards, so there is no moment in
// which another user can open it — written in full, flushed, then renamed over the target. A symbolic link at the
// target is followed (its destination is replaced, the link is kept), so a user's link to a shared file survives.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic, owner-only file writes.
///
/// ```swift
/// try PrivateFile.write(Array(json.utf8), to: "/home/me/.aws/sso/cache/abc.json")
/// ```
public enum PrivateFile {
    /// Replaces (or creates) the file at `path` with `bytes`, mode `mode` (0600), atomically; creates missing parent
    /// directories with mode 0700. Returns the path actually written (the destination of a symbolic link).
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws -> String {
        let target = resolvingLink(path)
        let directory = (target as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let temporary =
            (directory.isEmpty ? "." : directory) + "/." + (target as NSString).lastPathComponent + ".tmp-"
            + UUID().uuidString.prefix(8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw CredentialError("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(temporary) }
        }
        // The umask may have cleared bits of `mode` at open; it can only have removed permissions, never added any.
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes {
                systemWrite(fd, $0.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw CredentialError("cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
            written += result
        }
        guard fsync(fd) == 0 else {
            throw CredentialError("cannot flush \(temporary): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, target) == 0 else {
            throw CredentialError("cannot replace \(target): \(String(cString: strerror(errno)))")
        }
        ok = true
        return target
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// The final destination of `path` when it is a symbolic link (relative links resolved against its directory).
    static func resolvingLink(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return current
            }
            current =
                destination.hasPrefix("/")
                ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                    destination)
        }
        return current
    }
}
