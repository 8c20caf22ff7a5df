// One root's log for one command: `<output>/.infra-logs/<root folder>/<command>.log`, replaced
// by each run, owner-only (plans print values). Every line the orchestration adds carries a UTC
// timestamp with milliseconds, so the logs show which roots ran side by side.

import Foundation

/// A log file that terraform and kubectl append to and the orchestration annotates.
final class RunLog: @unchecked Sendable {
    /// The file's path.
    let path: URL
    /// The open file (children write to it directly).
    let handle: FileHandle
    private let lock = NSLock()
    private let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    /// Creates (or empties) the log at `path`, creating its folders owner-only.
    init(path: URL) throws {
        try FileManager.default.createDirectory(
            at: path.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: path.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path.path])
        }
        self.path = path
        self.handle = try FileHandle(forWritingTo: path)
    }

    /// Appends `# <timestamp> text`.
    func line(_ text: String) {
        lock.withLock {
            let stamp = formatter.string(from: Date())
            handle.seekToEndOfFile()
            handle.write(Data("# \(stamp) \(text)\n".utf8))
        }
    }

    /// Everything in the log so far.
    func text() -> String {
        (try? String(contentsOf: path, encoding: .utf8)) ?? ""
    }

    /// Closes the file.
    func close() {
        try? handle.close()
    }
}
