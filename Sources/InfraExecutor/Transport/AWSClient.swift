// The executor's request pipeline: resolve the endpoint → sign with SigV4 (clock-skew corrected) → send with a
// timeout → decode AWS errors → retry what the AWS SDKs' standard mode retries (`RetryPolicy`, `RetryQuota`).
// Cancellation stops the call at once, also during a backoff sleep. Verbose logging shows method, host, path,
// action, status and request id — never headers, bodies or query strings.

import Foundation
import InfraSigV4
import Logging

/// Sends signed AWS calls.
///
/// ```swift
/// let client = AWSClient(transport: transport, credentials: source, region: "us-east-1", environment: env)
/// let response = try await client.send(AWSCall(service: .sts, action: "GetCallerIdentity", method: "POST", …))
/// ```
public struct AWSClient: Sendable, CustomReflectable {
    /// The transport.
    public var transport: any HTTPTransport
    /// Where credentials come from (`nil` for anonymous calls).
    public var credentials: (any CredentialSource)?
    /// The region calls are signed for and sent to.
    public var region: String
    /// Environment variables the client was created with.
    public var environment: [String: String]
    /// Where each service's calls go (overrides from the environment and shared config, else the public endpoint).
    public var endpoints: EndpointResolver
    /// The retry policy.
    public var retryPolicy: RetryPolicy
    /// The retry quota, shared by every copy of this client (`inRegion` included).
    public var retryQuota: RetryQuota
    /// Timeout of one attempt.
    public var timeout: Duration
    /// The logger.
    public var logger: Logger
    /// The shared clock-skew correction.
    public var clockSkew: ClockSkew
    /// The local clock.
    public var now: @Sendable () -> Date
    /// Waits between attempts and polls (`Task.sleep`; tests inject one that returns at once). Throws
    /// `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A uniform draw in `0..<1` for the backoff jitter.
    public var jitter: @Sendable () -> Double

    /// Creates a client.
    public init(
        transport: any HTTPTransport, credentials: (any CredentialSource)?, region: String,
        environment: [String: String], endpoints: EndpointResolver? = nil, retryPolicy: RetryPolicy = .standard,
        retryQuota: RetryQuota? = nil, timeout: Duration = .seconds(30),
        logger: Logger = Logger(label: "infra.executor"), clockSkew: ClockSkew = ClockSkew(),
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.transport = transport
        self.credentials = credentials
        self.region = region
        self.environment = environment
        self.endpoints = endpoints ?? EndpointResolver(environment: environment)
        self.retryPolicy = retryPolicy
        self.retryQuota = retryQuota ?? RetryQuota(capacity: retryPolicy.quotaCapacity)
        self.timeout = timeout
        self.logger = logger
        self.clockSkew = clockSkew
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
    }

    /// A client for unsigned calls (AssumeRoleWithWebIdentity, SSO) built from a credential context.
    public static func anonymous(context: CredentialContext, region: String) throws -> AWSClient {
        AWSClient(
            transport: context.transport, credentials: nil, region: region, environment: context.environment,
            endpoints: try context.endpointResolver(), logger: context.logger, now: context.now)
    }

    /// The same client in another region (e.g. for S3 buckets elsewhere); it shares the retry quota and clock skew.
    public func inRegion(_ region: String) -> AWSClient {
        var copy = self
        copy.region = region
        return copy
    }

    /// Sends `call`; returns the 2xx response or throws `AWSServiceError`, `TransportError`, `CredentialError`,
    /// `ConfigurationError` or `CancellationError`.
    public func send(_ call: AWSCall) async throws -> HTTPResponse {
        let label = "\(call.service.rawValue) \(call.action)"
        var attempt = 0
        var skewCorrected = false
        var lastRetryCost: Int?
        while true {
            try Task.checkCancellation()
            attempt += 1
            let request = try await signedRequest(for: call)
            logger.debug("→ \(call.method) \(Self.logURL(request.url)) (\(label), attempt \(attempt))")
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await transport.send(request, timeout: timeout)
            } catch let error as TransportError {
                if Task.isCancelled { throw CancellationError() }
                logger.debug("✗ \(label): \(error)")
                guard error.isTransient,
                    let cost = try await prepareRetry(
                        attempt: attempt, cost: retryPolicy.cost(afterTimeout: error.isTimeout), label: label,
                        reason: error.isTimeout ? "timeout" : "connection failure")
                else { throw error }
                lastRetryCost = cost
                continue
            }
            let elapsed = ContinuousClock.now - started
            let requestId =
                response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id") ?? "-"
            logger.debug(
                "← \(response.status) \(label) in \(elapsed.formatted(.units(allowed: [.milliseconds]))) request id \(requestId)"
            )
            if (200..<300).contains(response.status) {
                retryQuota.release(lastRetryCost ?? retryPolicy.noRetryIncrement)
                return response
            }
            let error = AWSServiceError.decode(response, service: call.service.rawValue)
            if error.isClockSkew, !skewCorrected, let serverTime = ClockSkew.serverTime(of: response) {
                let difference = serverTime.timeIntervalSince(now())
                if abs(difference - clockSkew.offset) > 60 {
                    clockSkew.offset = difference
                    skewCorrected = true
                    logger.info(
                        "clock skew of \(Int(difference)) s detected (\(error.code)); re-signing with the server's time"
                    )
                    // Re-signed at once (the cause is known, not load), counted as an attempt and charged to the quota.
                    if attempt < retryPolicy.maxAttempts, retryQuota.acquire(retryPolicy.retryCost) {
                        lastRetryCost = retryPolicy.retryCost
                        continue
                    }
                }
            }
            if error.isRetryable,
                let cost = try await prepareRetry(
                    attempt: attempt, cost: retryPolicy.retryCost, label: label,
                    reason: error.isThrottling ? "throttled: \(error.code)" : "transient: \(error.code)")
            {
                lastRetryCost = cost
                continue
            }
            throw error
        }
    }

    /// Takes the retry's cost from the quota and waits the backoff; `nil` when no retry may happen (attempts used
    /// up or quota empty). Throws `CancellationError` when cancelled while waiting.
    private func prepareRetry(attempt: Int, cost: Int, label: String, reason: String) async throws -> Int? {
        guard attempt < retryPolicy.maxAttempts else {
            logger.debug("not retrying \(label): \(attempt) attempt(s) made, the most allowed")
            return nil
        }
        guard retryQuota.acquire(cost) else {
            logger.debug("not retrying \(label): the retry quota is used up (\(retryQuota.available) left)")
            return nil
        }
        let delay = retryPolicy.delay(retry: attempt - 1, random: jitter())
        logger.debug("retrying \(label) after \(delay) (\(reason))")
        try await sleep(delay)
        try Task.checkCancellation()
        return cost
    }

    /// Builds the HTTP request for `call` and signs it at the skew-corrected time.
    func signedRequest(for call: AWSCall) async throws -> HTTPRequest {
        let endpoint = try endpoints.endpoint(for: call.service, region: region)
        var host = endpoint.host
        var path = endpoint.basePath
        if let bucket = call.bucket {
            if !endpoint.isOverride && !bucket.contains(".") {
                host = bucket + "." + host
            } else {
                path += "/" + FormEncoding.escape(bucket)
            }
            path += call.path == "/" && host != endpoint.host ? "/" : (call.path == "/" ? "" : call.path)
            if path.isEmpty { path = "/" }
        } else {
            path += call.path
        }
        var headers: [(String, String)] = [("Host", host)]
        headers.append(contentsOf: call.headers)
        var url = endpoint.scheme + "://" + host + path
        if !call.query.isEmpty { url += "?" + call.query }
        var request = HTTPRequest(method: call.method, url: url, headers: headers, body: call.body)
        request.headers.append(("User-Agent", "infra-manifest/1.0 (swift-infra)"))
        guard !call.unsigned else { return request }
        guard let credentials else { throw CredentialError("no credentials configured for \(call.action)") }
        let resolved = try await credentials.credentials()
        let time = SigV4Timestamp(
            secondsSince1970: Int64((now().timeIntervalSince1970 + clockSkew.offset).rounded(.down)))
        let isS3 = call.service == .s3
        let signed = SigV4.sign(
            SigV4Request(
                method: call.method, path: path, query: call.query,
                headers: headers.map { SigV4Header($0.0, $0.1) }, payload: .bytes(call.body)),
            credentials: resolved.sigV4, region: region, service: call.service.signingName, time: time,
            options: isS3 ? .s3 : SigV4Options())
        request.headers.append(contentsOf: signed.headers.map { ($0.name, $0.value) })
        return request
    }

    /// The URL without its query string (query strings may carry presigned credentials).
    static func logURL(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}

extension AWSClient {
    /// Region, endpoints, retry settings and timeout — not the environment or the credentials.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "region": region, "endpoints": endpoints.overrides.mapValues(\.source), "retryPolicy": retryPolicy,
                "retryQuota": retryQuota.description, "timeout": timeout, "clockSkew": clockSkew.offset,
                "transport": "\(type(of: transport))", "credentials": credentials.map { "\(type(of: $0))" } ?? "nil",
            ], displayStyle: .struct)
    }
}
