// The standard retry mode through the production transport (URLSession) and a loopback server: throttling, 5xx,
// timeouts, dropped connections, clock skew, TLS failures, client errors, the retry quota and cancellation. The
// client's sleeper is injected (it records the backoff and returns at once), so nothing here waits for a backoff and
// no assertion depends on how long anything took.

import Foundation
import InfraExecutor
import Testing

// The time limit guards against a hang, not a speed: other suites' external programs (terraform,
// swift build) can hold the cooperative pool's two threads here for minutes.
@Suite("Retries against a loopback server", .serialized, .timeLimit(.minutes(10)))
struct RetryLoopbackTests {
    static let identity =
        "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::222233334444:user/loop</Arn><UserId>U</UserId><Account>222233334444</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"

    static func error(_ code: String) -> String {
        "<ErrorResponse><Error><Code>\(code)</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>"
    }

    /// A client on the server with the standard policy (unless given), an injected sleeper and a fixed jitter of 0.5.
    static func client(
        _ transport: URLSessionTransport, url: String, policy: RetryPolicy = .standard,
        quota: RetryQuota? = nil, sleeper: SleepRecorder, timeout: Duration = .seconds(10), logs: LogCapture? = nil
    ) -> AWSClient {
        AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "us-east-1",
            environment: ["AWS_ENDPOINT_URL": url], retryPolicy: policy, retryQuota: quota, timeout: timeout,
            logger: (logs ?? LogCapture()).logger(), sleep: sleeper.sleep, jitter: { 0.5 })
    }

    /// Runs `body` with a fresh transport and the server, stopping both afterwards.
    static func withServer<T: Sendable>(
        _ server: LoopbackServer, _ body: (URLSessionTransport) async throws -> T
    ) async throws -> T {
        defer { server.stop() }
        return try await withTransport(body)
    }

    @Test("a throttled call is retried after a full-jitter backoff from a 1 s base, and the quota is refunded")
    func throttlingIsRetried() async throws {
        let server = try LoopbackServer { index, _ in
            index == 1
                ? .respond(status: 400, headers: [], body: Self.error("ThrottlingException"))
                : .respond(status: 200, headers: [], body: Self.identity)
        }
        let sleeper = SleepRecorder()
        let quota = RetryQuota(capacity: 500)
        let identity = try await Self.withServer(server) { transport in
            try await STSClient(client: Self.client(transport, url: server.url, quota: quota, sleeper: sleeper))
                .getCallerIdentity()
        }
        #expect(identity.account == "222233334444")
        #expect(server.requests.count == 2)
        #expect(sleeper.delays == [.milliseconds(500)], "0.5 × min(1 s · 2^0, 20 s)")
        #expect(quota.available == 500, "5 tokens taken for the retry, given back by the success")
    }

    @Test(
        "HTTP 500, 502, 503 and 504 are retried; the backoff ceiling doubles per retry",
        arguments: [500, 502, 503, 504])
    func transientStatusesAreRetried(status: Int) async throws {
        let server = try LoopbackServer { index, _ in
            index < 3
                ? .respond(status: status, headers: [], body: "")
                : .respond(status: 200, headers: [], body: Self.identity)
        }
        let sleeper = SleepRecorder()
        _ = try await Self.withServer(server) { transport in
            try await STSClient(client: Self.client(transport, url: server.url, sleeper: sleeper)).getCallerIdentity()
        }
        #expect(server.requests.count == 3)
        #expect(sleeper.delays == [.milliseconds(500), .seconds(1)])
    }

    @Test("three 5xx answers fail after exactly 3 attempts, keeping the retry cost out of the quota")
    func attemptsAreBounded() async throws {
        let server = try LoopbackServer { _, _ in .respond(status: 503, headers: [], body: Self.error("SlowDown")) }
        let sleeper = SleepRecorder()
        let quota = RetryQuota(capacity: 500)
        await #expect(throws: AWSServiceError.self) {
            try await Self.withServer(server) { transport in
                try await STSClient(client: Self.client(transport, url: server.url, quota: quota, sleeper: sleeper))
                    .getCallerIdentity()
            }
        }
        #expect(server.requests.count == 3)
        #expect(sleeper.delays.count == 2)
        #expect(quota.available == 490)
    }

    @Test(
        "4xx client errors and 501 are final: one attempt, no backoff",
        arguments: [
            (403, "AccessDenied"), (400, "ValidationError"), (404, "NoSuchEntity"), (501, "NotImplemented"),
        ])
    func clientErrorsAreFinal(status: Int, code: String) async throws {
        let server = try LoopbackServer { _, _ in .respond(status: status, headers: [], body: Self.error(code)) }
        let sleeper = SleepRecorder()
        do {
            _ = try await Self.withServer(server) { transport in
                try await STSClient(client: Self.client(transport, url: server.url, sleeper: sleeper))
                    .getCallerIdentity()
            }
            Issue.record("expected \(code)")
        } catch let error as AWSServiceError {
            #expect(error.code == code)
            #expect(error.status == status)
        }
        #expect(server.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
    }

    @Test("a timed-out attempt is retried at the timeout cost of 10 tokens, refunded by the success")
    func timeoutIsRetried() async throws {
        let server = try LoopbackServer { index, _ in
            index == 1 ? .hang : .respond(status: 200, headers: [], body: Self.identity)
        }
        let quota = RetryQuota(capacity: 500)
        let seenDuringBackoff = LockedValue<Int?>(nil)
        let sleeper = SleepRecorder { _ in seenDuringBackoff.set(quota.available) }
        _ = try await Self.withServer(server) { transport in
            try await STSClient(
                client: Self.client(
                    transport, url: server.url, quota: quota, sleeper: sleeper, timeout: .seconds(2))
            ).getCallerIdentity()
        }
        #expect(server.requests.count == 2)
        #expect(seenDuringBackoff.value == 490)
        #expect(quota.available == 500)
    }

    @Test("a server that never answers gives a timeout error after 3 attempts")
    func timeoutsAreBounded() async throws {
        let server = try LoopbackServer { _, _ in .hang }
        let sleeper = SleepRecorder()
        let quota = RetryQuota(capacity: 500)
        do {
            _ = try await Self.withServer(server) { transport in
                try await STSClient(
                    client: Self.client(
                        transport, url: server.url, quota: quota, sleeper: sleeper, timeout: .milliseconds(200))
                ).getCallerIdentity()
            }
            Issue.record("expected a timeout")
        } catch let error as TransportError {
            #expect(error.kind == .timeout)
        }
        #expect(server.requests.count == 3)
        #expect(quota.available == 480)
    }

    @Test("dropped connections and refused connections are transient")
    func connectionFailuresAreRetried() async throws {
        let server = try LoopbackServer { index, _ in
            index == 1 ? .dropConnection : .respond(status: 200, headers: [], body: Self.identity)
        }
        let sleeper = SleepRecorder()
        _ = try await Self.withServer(server) { transport in
            try await STSClient(client: Self.client(transport, url: server.url, sleeper: sleeper)).getCallerIdentity()
        }
        #expect(server.requests.count == 2)

        let refused = SleepRecorder()
        let port = try LoopbackServer.closedPort()
        do {
            _ = try await withTransport { transport in
                try await STSClient(
                    client: Self.client(transport, url: "http://127.0.0.1:\(port)", sleeper: refused)
                ).getCallerIdentity()
            }
            Issue.record("nothing listens there")
        } catch let error as TransportError {
            #expect(error.kind == .connection)
        }
        #expect(refused.delays.count == 2, "3 attempts")
    }

    @Test("a TLS failure is not retried")
    func tlsFailureIsFinal() async throws {
        let server = try LoopbackServer(rawReply: Array("HTTP/1.1 400 Not TLS\r\nContent-Length: 0\r\n\r\n".utf8))
        let sleeper = SleepRecorder()
        do {
            _ = try await Self.withServer(server) { transport in
                try await STSClient(
                    client: Self.client(transport, url: "https://127.0.0.1:\(server.port)", sleeper: sleeper)
                ).getCallerIdentity()
            }
            Issue.record("the handshake must fail")
        } catch let error as TransportError {
            #expect(error.kind == .tls, "\(error)")
        }
        #expect(server.connectionCount == 1, "one attempt, one connection")
        #expect(sleeper.delays.isEmpty)
    }

    @Test("a skewed clock is corrected once from the server's Date and the call re-signed at once")
    func clockSkewIsCorrected() async throws {
        let skew: TimeInterval = 7200
        let server = try LoopbackServer { _, request in
            let serverNow = Date().addingTimeInterval(skew)
            let signed = RetryLoopbackTests.amzDate(request.headers["x-amz-date"]) ?? .distantPast
            if abs(signed.timeIntervalSince(serverNow)) > 900 {
                return .respond(
                    status: 403, headers: [("Date", TransportTests.httpDate(serverNow))],
                    body: Self.error("RequestTimeTooSkewed"))
            }
            return .respond(status: 200, headers: [], body: Self.identity)
        }
        let sleeper = SleepRecorder()
        let logs = LogCapture()
        let client = try await Self.withServer(server) { transport in
            let client = Self.client(transport, url: server.url, sleeper: sleeper, logs: logs)
            _ = try await STSClient(client: client).getCallerIdentity()
            _ = try await STSClient(client: client).getCallerIdentity()
            return client
        }
        #expect(server.requests.count == 3, "skewed, corrected, then the next call signed right the first time")
        #expect(sleeper.delays.isEmpty)
        #expect(abs(client.clockSkew.offset - skew) < 120)
        #expect(logs.lines.contains { $0.contains("clock skew") })
    }

    @Test("a skew error whose server time agrees with ours is not retried")
    func skewWithoutEvidenceIsFinal() async throws {
        let server = try LoopbackServer { _, _ in
            .respond(
                status: 403, headers: [("Date", TransportTests.httpDate(Date()))],
                body: Self.error("SignatureDoesNotMatch"))
        }
        let sleeper = SleepRecorder()
        await #expect(throws: AWSServiceError.self) {
            try await Self.withServer(server) { transport in
                try await STSClient(client: Self.client(transport, url: server.url, sleeper: sleeper))
                    .getCallerIdentity()
            }
        }
        #expect(server.requests.count == 1)
    }

    @Test("an empty retry quota stops retries across calls of the same client")
    func quotaStopsRetries() async throws {
        let server = try LoopbackServer { _, _ in .respond(status: 503, headers: [], body: "") }
        let sleeper = SleepRecorder()
        let quota = RetryQuota(capacity: 10)
        try await Self.withServer(server) { transport in
            let client = Self.client(transport, url: server.url, quota: quota, sleeper: sleeper)
            for _ in 0..<2 {
                await #expect(throws: AWSServiceError.self) {
                    _ = try await STSClient(client: client).getCallerIdentity()
                }
            }
        }
        #expect(server.requests.count == 4, "3 attempts, then 1: the quota had no tokens left for a retry")
        #expect(sleeper.delays.count == 2)
        #expect(quota.available == 0)
    }

    @Test("cancellation during the backoff sleep stops the call at once, with no further attempt")
    func cancellationDuringBackoff() async throws {
        let server = try LoopbackServer { _, _ in .respond(status: 400, headers: [], body: Self.error("Throttling")) }
        let sleeping = Signal()
        let sleeper = SleepRecorder { duration in
            sleeping.fire()
            try await Task.sleep(for: .seconds(3600))
        }
        try await Self.withServer(server) { transport in
            let client = Self.client(transport, url: server.url, sleeper: sleeper)
            let call = Task { try await STSClient(client: client).getCallerIdentity() }
            await sleeping.wait()
            call.cancel()
            let result = await call.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
        #expect(server.requests.count == 1)
    }

    @Test("cancellation while waiting for a response stops the call at once and is not retried")
    func cancellationDuringRequest() async throws {
        let server = try LoopbackServer { _, _ in .hang }
        let sleeper = SleepRecorder()
        try await Self.withServer(server) { transport in
            let client = Self.client(transport, url: server.url, sleeper: sleeper, timeout: .seconds(60))
            let call = Task { try await STSClient(client: client).getCallerIdentity() }
            try await eventually { server.requests.count == 1 }
            call.cancel()
            let result = await call.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
        #expect(server.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
    }

    static func amzDate(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}

/// A value guarded by a lock, for closures that report to the test.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func set(_ value: Value) { lock.withLock { stored = value } }
}
