// Runs an external program without blocking a thread of Swift's cooperative pool: each output stream is read by a
// thread of its own (plain blocking reads, off the pool; Foundation's readability handlers lost the end of the output
// when several programs ran at once), the exit is seen by a termination handler, and the caller awaits a
// continuation. A time limit and task cancellation terminate the program (SIGTERM, then SIGKILL after a grace
// period); output beyond a size limit does too. Used by `credential_process`.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of a finished program.
struct ChildProcessOutput: Sendable {
    /// The exit status (or 128 + signal when it was killed by one).
    var status: Int32
    /// Standard output.
    var stdout: [UInt8]
    /// Standard error.
    var stderr: [UInt8]
}

/// Why a program did not finish normally.
enum ChildProcessFailure: Error, Sendable {
    /// It could not be started.
    case launch(String)
    /// It ran longer than the limit and was terminated.
    case timedOut
    /// It printed more than the limit and was terminated.
    case outputTooLarge
}

/// Runs programs asynchronously.
enum ChildProcess {
    /// Runs `executable` with `arguments` and `environment`; standard input is the null device.
    static func run(
        executable: String, arguments: [String], environment: [String: String], timeout: Duration,
        outputLimit: Int = 1 << 20
    ) async throws -> ChildProcessOutput {
        let run = Run(outputLimit: outputLimit)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                run.start(
                    executable: executable, arguments: arguments, environment: environment, timeout: timeout,
                    continuation: continuation)
            }
        } onCancel: {
            run.cancel()
        }
    }

    /// One running program and the state its handlers share (all behind `lock`).
    private final class Run: @unchecked Sendable {
        private let lock = NSLock()
        private let outputLimit: Int
        private let process = Process()
        private let out = Pipe()
        private let err = Pipe()
        private var stdout: [UInt8] = []
        private var stderr: [UInt8] = []
        private var openStreams = 2
        private var exited = false
        private var started = false
        private var cancelled = false
        private var continuation: CheckedContinuation<ChildProcessOutput, any Error>?

        init(outputLimit: Int) { self.outputLimit = outputLimit }

        func start(
            executable: String, arguments: [String], environment: [String: String], timeout: Duration,
            continuation: CheckedContinuation<ChildProcessOutput, any Error>
        ) {
            let alreadyCancelled = lock.withLock { () -> Bool in
                self.continuation = continuation
                return cancelled
            }
            if alreadyCancelled { return abort(CancellationError()) }
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = out
            process.standardError = err
            process.terminationHandler = { [self] _ in
                lock.withLock { exited = true }
                completeIfDone()
            }
            do {
                try process.run()
            } catch {
                return abort(ChildProcessFailure.launch(error.localizedDescription))
            }
            lock.withLock { started = true }
            // Process.run closed our copies of the write ends, so the readers see the end of the output.
            startReader(out.fileHandleForReading.fileDescriptor, isStdout: true)
            startReader(err.fileHandleForReading.fileDescriptor, isStdout: false)
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.interval(timeout)) { [self] in
                abort(ChildProcessFailure.timedOut)
            }
        }

        func cancel() {
            lock.withLock { cancelled = true }
            abort(CancellationError())
        }

        /// Reads `fd` to its end on a thread of its own, keeping what arrives (stdout up to the limit, stderr capped).
        private func startReader(_ fd: Int32, isStdout: Bool) {
            let thread = Thread { [self] in
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = read(fd, &buffer, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { break }
                    var tooLarge = false
                    lock.withLock {
                        if isStdout {
                            stdout.append(contentsOf: buffer[0..<count])
                            tooLarge = stdout.count > outputLimit
                        } else if stderr.count < outputLimit {
                            stderr.append(contentsOf: buffer[0..<min(count, outputLimit - stderr.count)])
                        }
                    }
                    if tooLarge { abort(ChildProcessFailure.outputTooLarge) }
                }
                lock.withLock { openStreams -= 1 }
                completeIfDone()
            }
            thread.start()
        }

        /// Resumes the caller once the program exited and both of its streams ended.
        private func completeIfDone() {
            let done = lock.withLock {
                () -> (CheckedContinuation<ChildProcessOutput, any Error>, ChildProcessOutput)? in
                guard exited, openStreams == 0, let continuation else { return nil }
                self.continuation = nil
                return (
                    continuation, ChildProcessOutput(status: process.terminationStatus, stdout: stdout, stderr: stderr)
                )
            }
            if let (continuation, output) = done { continuation.resume(returning: output) }
        }

        /// Gives up on the program for `reason` (time limit, output limit, cancellation, launch failure): the caller
        /// is resumed at once — not when some grandchild finally closes the output (its reader thread ends then) —
        /// and a running program gets SIGTERM, then SIGKILL two seconds later.
        private func abort(_ reason: any Error) {
            let state = lock.withLock { () -> (CheckedContinuation<ChildProcessOutput, any Error>, Bool)? in
                guard let continuation else { return nil }
                self.continuation = nil
                return (continuation, started && !exited)
            }
            guard let (continuation, running) = state else { return }
            if running {
                let pid = process.processIdentifier
                kill(pid, SIGTERM)
                DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in
                    if !lock.withLock({ exited }) { kill(pid, SIGKILL) }
                }
            }
            continuation.resume(throwing: reason)
        }

        private static func interval(_ duration: Duration) -> DispatchTimeInterval {
            let (seconds, attoseconds) = duration.components
            return .nanoseconds(Int(min(Int64(Int32.max), seconds) * 1_000_000_000 + attoseconds / 1_000_000_000))
        }
    }
}
