// Test helpers: a log handler that captures every line, and canned AWS responses for the in-memory
// transport (temporary folders and `../shared/tools` come from InfraTestSupport).

import Foundation
import InfraExecutor
import Logging
import Testing

/// Collects log lines (thread-safe) so tests can assert on them and scan them for secrets.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    /// Every captured line.
    var lines: [String] { lock.withLock { stored } }

    func append(_ line: String) { lock.withLock { stored.append(line) } }

    /// A debug-level logger writing into this capture.
    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .debug
        return logger
    }
}

/// The swift-log handler behind `LogCapture`.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append("\(event.level): \(event.message) \(event.metadata ?? [:])")
    }
}

/// Canned AWS answers.
enum Canned {
    static func xml(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    static func callerIdentity(account: String = "123456789012") -> HTTPResponse {
        xml(
            """
            <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::\(account):user/test</Arn>
            <UserId>AIDTEST</UserId><Account>\(account)</Account></GetCallerIdentityResult>
            <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>
            """)
    }

    static func assumedCredentials(
        result: String = "AssumeRoleResult", accessKey: String = "ASIAROLE", secret: String = "ROLE-SECRET",
        token: String = "ROLE-TOKEN", expiration: String = "2099-01-01T00:00:00Z"
    ) -> HTTPResponse {
        xml(
            """
            <Response><\(result)><Credentials><AccessKeyId>\(accessKey)</AccessKeyId>
            <SecretAccessKey>\(secret)</SecretAccessKey><SessionToken>\(token)</SessionToken>
            <Expiration>\(expiration)</Expiration></Credentials></\(result)></Response>
            """)
    }

    /// The form body of a request as a dictionary.
    static func form(_ request: HTTPRequest) -> [String: String] {
        var result = [String: String]()
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }
}

/// An injected sleeper: records every backoff the client asks for and returns at once, so retry tests never wait.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Duration] = []
    private let onSleep: @Sendable (Duration) async throws -> Void

    /// Creates a recorder; `onSleep` runs inside each sleep (e.g. to wait for cancellation).
    init(onSleep: @escaping @Sendable (Duration) async throws -> Void = { _ in }) { self.onSleep = onSleep }

    /// Every requested delay, in order.
    var delays: [Duration] { lock.withLock { stored } }

    /// The closure to give `AWSClient(sleep:)`.
    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in
            lock.withLock { stored.append(duration) }
            try await onSleep(duration)
        }
    }
}

/// A one-shot signal a test can await (e.g. "the client is now sleeping before its retry").
final class Signal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Fires the signal (later calls do nothing).
    func fire() {
        let pending = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            guard !fired else { return [] }
            fired = true
            defer { waiters = [] }
            return waiters
        }
        for waiter in pending { waiter.resume() }
    }

    /// Returns once the signal has fired.
    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = lock.withLock { () -> Bool in
                if fired { return true }
                waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

/// Polls `condition` (yielding between checks) until it holds; for waiting on another thread's progress.
func eventually(_ condition: @Sendable () -> Bool) async throws {
    while !condition() {
        try await Task.sleep(for: .milliseconds(5))
    }
}
