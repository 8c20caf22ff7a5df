// Running terraform and kubectl with their whole output appended to a root's log file (the
// child writes to the file directly, so nothing is held in memory), or with standard output
// captured for the small JSON answers (`version -json`, `output -json`). The blocking wait runs
// on a Dispatch thread, never on a thread of Swift's cooperative pool.

import Foundation

/// Runs programs for the orchestration.
enum LoggedProcess {
    /// A finished program: exit status and (for ``capture(_:_:in:environment:log:)``) its standard output.
    struct Finished: Sendable {
        var status: Int32
        var stdout: Data
    }

    /// Runs `executable` in `directory` with standard output and error appended to `log`.
    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String], log: RunLog
    ) async throws -> Int32 {
        log.line("$ \(([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " "))")
        let status = try await blocking {
            let process = Self.process(executable, arguments, in: directory, environment: environment)
            process.standardOutput = log.handle
            process.standardError = log.handle
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        log.line("exit \(status)")
        return status
    }

    /// Runs `executable` and returns its standard output; standard error goes to `log` (or is discarded).
    static func capture(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String],
        log: RunLog? = nil
    ) async throws -> Finished {
        log?.line("$ \(([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " "))")
        let result = try await blocking {
            let process = Self.process(executable, arguments, in: directory, environment: environment)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = log?.handle ?? FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Finished(status: process.terminationStatus, stdout: data)
        }
        log?.line("exit \(result.status)")
        return result
    }

    private static func process(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]
    ) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        return process
    }

    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Swift.Result { try body() }) }
        }
    }
}
