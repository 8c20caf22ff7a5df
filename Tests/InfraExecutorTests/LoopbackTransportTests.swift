// The real async-http-client transport against a loopback server that throttles, fails, drops connections and
// runs its clock two hours ahead: the client retries with backoff and corrects its clock, then succeeds.

import Foundation
import InfraExecutor
import Testing

@Suite("Loopback transport", .serialized)
struct LoopbackTransportTests {
    static func amzDate(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }

    @Test("throttling, a 500, a dropped connection and a skewed clock are all survived")
    func survivesThrottlingFailuresAndSkew() async throws {
        let skew: TimeInterval = 7200
        let server = try LoopbackServer { index, request in
            switch index {
            case 1:
                return .respond(
                    status: 400, headers: [("Content-Type", "text/xml")],
                    body:
                        "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t-1</RequestId></ErrorResponse>"
                )
            case 2:
                return .respond(status: 500, headers: [], body: "")
            case 3:
                return .dropConnection
            default:
                let serverNow = Date().addingTimeInterval(skew)
                let signed = Self.amzDate(request.headers["x-amz-date"]) ?? .distantPast
                if abs(signed.timeIntervalSince(serverNow)) > 900 {
                    return .respond(
                        status: 403, headers: [("Date", TransportTests.httpDate(serverNow))],
                        body:
                            "<ErrorResponse><Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error></ErrorResponse>"
                    )
                }
                return .respond(
                    status: 200, headers: [],
                    body:
                        "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::222233334444:user/loop</Arn><UserId>U</UserId><Account>222233334444</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
                )
            }
        }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport()
        let logs = LogCapture()
        let client = AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "us-east-1",
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(server.port)"],
            retryPolicy: RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50)),
            timeout: .seconds(5), logger: logs.logger())
        let result: Result<CallerIdentity, any Error>
        do {
            result = .success(try await STSClient(client: client).getCallerIdentity())
        } catch {
            result = .failure(error)
        }
        try? await transport.shutdown()
        let identity = try result.get()
        #expect(identity.account == "222233334444")
        let requests = server.requests
        #expect(requests.count == 5, "throttle, 500, drop, skewed, corrected")
        #expect(abs(client.clockSkew.offset - skew) < 120)
        let lastSigned = try #require(Self.amzDate(requests.last?.headers["x-amz-date"]))
        #expect(abs(lastSigned.timeIntervalSinceNow - skew) < 120, "the last request is signed with the server's clock")
        #expect(logs.lines.contains { $0.contains("clock skew") })
        #expect(!logs.lines.joined().contains(TransportTests.credentials.value.secretAccessKey))
    }

    @Test("a server that never answers gives a transport error after the bounded attempts")
    func connectionFailuresAreBounded() async throws {
        let server = try LoopbackServer { _, _ in .dropConnection }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport()
        let client = AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "us-east-1",
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(server.port)"],
            retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
            timeout: .seconds(5))
        var caught: (any Error)?
        do {
            _ = try await STSClient(client: client).getCallerIdentity()
        } catch {
            caught = error
        }
        try? await transport.shutdown()
        #expect(caught is TransportError)
        #expect(server.requests.count == 3)
    }
}
