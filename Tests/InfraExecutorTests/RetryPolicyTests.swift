// The standard retry mode's rules without a network: the numbers (3 attempts, 1 s base, 20 s cap, quota 500/5/10),
// the full-jitter formula, which errors are retryable, the quota's costs and refunds, and the retry settings users
// configure. The loopback suite drives the same rules through the real transport.

import Foundation
import InfraExecutor
import InfraExecutorTesting
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("the standard mode is 3 attempts, 1 s base, 20 s cap and a 500-token quota costing 5, or 10 after a timeout")
    func standardNumbers() {
        let policy = RetryPolicy.standard
        #expect(policy.maxAttempts == 3)
        #expect(policy.baseDelay == .seconds(1))
        #expect(policy.maxDelay == .seconds(20))
        #expect(policy.quotaCapacity == 500)
        #expect(policy.cost(afterTimeout: false) == 5)
        #expect(policy.cost(afterTimeout: true) == 10)
        #expect(policy.noRetryIncrement == 1)
    }

    @Test("the backoff is random × min(1 s · 2^retry, 20 s)")
    func fullJitter() {
        let policy = RetryPolicy.standard
        #expect(policy.ceiling(retry: 0) == .seconds(1))
        #expect(policy.ceiling(retry: 3) == .seconds(8))
        #expect(policy.ceiling(retry: 4) == .seconds(16))
        #expect(policy.ceiling(retry: 5) == .seconds(20))
        #expect(policy.ceiling(retry: 60) == .seconds(20))
        #expect(policy.delay(retry: 0, random: 0) == .zero)
        #expect(policy.delay(retry: 2, random: 0.25) == .seconds(1))
        #expect(policy.delay(retry: 9, random: 0.5) == .seconds(10))
        var generator = SystemRandomNumberGenerator()
        for retry in 0..<8 {
            for _ in 0..<50 {
                let delay = policy.delay(retry: retry, using: &generator)
                #expect(delay >= .zero && delay < policy.ceiling(retry: retry))
            }
        }
    }

    @Test("throttling codes, HTTP 429 and 500/502/503/504 are retryable; other 4xx, 501 and 505 are not")
    func classification() {
        func error(_ code: String, _ status: Int, service: String = "s3") -> AWSServiceError {
            AWSServiceError(code: code, message: "", requestId: nil, status: status, service: service)
        }
        for code in [
            "Throttling", "ThrottlingException", "SlowDown", "RequestLimitExceeded",
            "ProvisionedThroughputExceededException", "TooManyRequestsException", "EC2ThrottledException",
        ] {
            #expect(error(code, 400).isThrottling, "\(code)")
            #expect(error(code, 400).isRetryable, "\(code)")
        }
        #expect(error("HTTP429", 429).isThrottling)
        for status in [500, 502, 503, 504] { #expect(error("InternalError", status).isTransient) }
        #expect(error("RequestTimeout", 400).isTransient)
        #expect(error("IDPCommunicationError", 400, service: "sts").isRetryable)
        #expect(!error("IDPCommunicationError", 400, service: "s3").isRetryable)
        for (code, status) in [
            ("AccessDenied", 403), ("ValidationException", 400), ("NotImplemented", 501),
            ("HTTPVersionNotSupported", 505), ("NoSuchBucket", 404), ("ResourceInUseException", 400),
        ] {
            #expect(!error(code, status).isRetryable, "\(code) \(status)")
        }
        #expect(error("RequestTimeTooSkewed", 403).isClockSkew)
        #expect(TransportError(message: "x", kind: .connection).isTransient)
        #expect(TransportError(message: "x", kind: .timeout).isTransient)
        #expect(!TransportError(message: "x", kind: .tls).isTransient)
        #expect(!TransportError(message: "x", kind: .invalidRequest).isTransient)
    }

    static func client(
        _ transport: any HTTPTransport, quota: RetryQuota, sleeper: SleepRecorder, attempts: Int = 3
    ) -> AWSClient {
        AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "us-east-1", environment: [:],
            retryPolicy: RetryPolicy(maxAttempts: attempts), retryQuota: quota, sleep: sleeper.sleep, jitter: { 0 })
    }

    @Test(
        "TLS failures and unusable requests are thrown at once; connection failures are retried",
        arguments: [
            (TransportError.Kind.tls, 1), (.invalidRequest, 1), (.connection, 3), (.timeout, 3),
        ])
    func transportKinds(kind: TransportError.Kind, attempts: Int) async {
        let transport = InMemoryTransport { _ in throw TransportError(message: "failed", kind: kind) }
        let sleeper = SleepRecorder()
        await #expect(throws: TransportError.self) {
            _ = try await STSClient(client: Self.client(transport, quota: RetryQuota(), sleeper: sleeper))
                .getCallerIdentity()
        }
        #expect(transport.requests.count == attempts)
        #expect(sleeper.delays.count == attempts - 1)
    }

    @Test(
        "the quota is charged 10 after a timeout and 5 otherwise, refunded by a success, and grows by 1 per clean call")
    func quotaAccounting() async throws {
        let counter = Counter()
        let transport = InMemoryTransport { _ in
            switch counter.next() {
            case 1: throw TransportError(message: "slow", kind: .timeout)
            case 2: return Canned.xml("<Error><Code>SlowDown</Code></Error>", status: 503)
            default: return Canned.callerIdentity()
            }
        }
        let quota = RetryQuota(capacity: 500)
        let seen = LockedValue<[Int]>([])
        let sleeper = SleepRecorder { _ in seen.set(seen.value + [quota.available]) }
        let client = Self.client(transport, quota: quota, sleeper: sleeper)
        _ = try await STSClient(client: client).getCallerIdentity()
        #expect(seen.value == [490, 485])
        #expect(quota.available == 490, "the success gives back what its last retry took (5)")
        _ = try await STSClient(client: client).getCallerIdentity()
        #expect(quota.available == 491, "a call without retries adds 1")
    }

    @Test("the quota never grows past its capacity")
    func quotaCapacity() {
        let quota = RetryQuota(capacity: 10)
        #expect(quota.acquire(10))
        #expect(!quota.acquire(1))
        quota.release(50)
        #expect(quota.available == 10)
    }

    @Test("AWS_MAX_ATTEMPTS and max_attempts set the attempts; bad values and unknown modes are errors")
    func settings() throws {
        #expect(try RetrySettings.policy(environment: ["AWS_MAX_ATTEMPTS": "5"], profile: [:]).maxAttempts == 5)
        #expect(
            try RetrySettings.policy(environment: [:], profile: ["max_attempts": "2", "retry_mode": "standard"])
                .maxAttempts == 2)
        #expect(
            try RetrySettings.policy(environment: ["AWS_MAX_ATTEMPTS": "4"], profile: ["max_attempts": "2"])
                .maxAttempts == 4, "the environment wins")
        #expect(try RetrySettings.policy(environment: ["AWS_RETRY_MODE": "adaptive"], profile: [:]) == .standard)
        for environment in [["AWS_MAX_ATTEMPTS": "0"], ["AWS_MAX_ATTEMPTS": "three"], ["AWS_RETRY_MODE": "fast"]] {
            #expect(throws: ConfigurationError.self) {
                try RetrySettings.policy(environment: environment, profile: [:])
            }
        }
    }

    @Test("a session reads AWS_MAX_ATTEMPTS; a bad value fails before any request")
    func sessionSettings() throws {
        let transport = InMemoryTransport { _ in Canned.callerIdentity() }
        var environment = [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": "/nonexistent/config", "AWS_MAX_ATTEMPTS": "7",
        ]
        #expect(try ExecutorSession(environment: environment, transport: transport).client.retryPolicy.maxAttempts == 7)
        environment["AWS_MAX_ATTEMPTS"] = "-1"
        #expect(throws: ConfigurationError.self) {
            _ = try ExecutorSession(environment: environment, transport: transport)
        }
        #expect(transport.requests.isEmpty)
    }
}
