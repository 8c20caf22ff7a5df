// The executor's request pipeline: resolve the endpoint → sign with SigV4 (clock-skew corrected) → send with a
// timeout → decode AWS errors → retry throttling, 5xx and connection failures with full-jitter backoff.
// Verbose logging shows method, host, path, action, status and request id — never headers, bodies or queries.

import Foundation
import InfraSigV4
import Logging

/// Sends signed AWS calls.
///
/// ```swift
/// let client = AWSClient(transport: transport, credentials: source, region: "us-east-1", environment: env)
/// let response = try await client.send(AWSCall(service: .sts, action: "GetCallerIdentity", method: "POST", …))
/// ```
public struct AWSClient: Sendable {
    /// The transport.
    public var transport: any HTTPTransport
    /// Where credentials come from (`nil` for anonymous calls).
    public var credentials: (any CredentialSource)?
    /// The region calls are signed for and sent to.
    public var region: String
    /// Environment variables (endpoint overrides).
    public var environment: [String: String]
    /// The retry policy.
    public var retryPolicy: RetryPolicy
    /// Timeout of one attempt.
    public var timeout: Duration
    /// The logger.
    public var logger: Logger
    /// The shared clock-skew correction.
    public var clockSkew: ClockSkew
    /// The local clock.
    public var now: @Sendable () -> Date

    /// Creates a client.
    public init(
        transport: any HTTPTransport, credentials: (any CredentialSource)?, region: String,
        environment: [String: String], retryPolicy: RetryPolicy = .standard, timeout: Duration = .seconds(30),
        logger: Logger = Logger(label: "infra.executor"), clockSkew: ClockSkew = ClockSkew(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.transport = transport
        self.credentials = credentials
        self.region = region
        self.environment = environment
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.logger = logger
        self.clockSkew = clockSkew
        self.now = now
    }

    /// A client for unsigned calls (AssumeRoleWithWebIdentity) built from a credential context.
    public static func anonymous(context: CredentialContext, region: String) -> AWSClient {
        AWSClient(
            transport: context.transport, credentials: nil, region: region, environment: context.environment,
            logger: context.logger, now: context.now)
    }

    /// The same client in another region (e.g. for S3 buckets elsewhere).
    public func inRegion(_ region: String) -> AWSClient {
        var copy = self
        copy.region = region
        return copy
    }

    /// Sends `call`; returns the 2xx response or throws `AWSServiceError`, `TransportError` or `CredentialError`.
    public func send(_ call: AWSCall) async throws -> HTTPResponse {
        var attempt = 0
        var skewCorrected = false
        var generator = SystemRandomNumberGenerator()
        while true {
            attempt += 1
            let request = try await signedRequest(for: call)
            let label = "\(call.service.rawValue) \(call.action)"
            logger.debug("→ \(call.method) \(Self.logURL(request.url)) (\(label), attempt \(attempt))")
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await transport.send(request, timeout: timeout)
            } catch let error as TransportError {
                logger.debug("✗ \(label): \(error)")
                if attempt < retryPolicy.maxAttempts {
                    try await backoff(retry: attempt - 1, label: label, generator: &generator)
                    continue
                }
                throw error
            }
            let elapsed = ContinuousClock.now - started
            let requestId =
                response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id") ?? "-"
            logger.debug(
                "← \(response.status) \(label) in \(elapsed.formatted(.units(allowed: [.milliseconds]))) request id \(requestId)"
            )
            if (200..<300).contains(response.status) { return response }
            let error = AWSServiceError.decode(response, service: call.service.rawValue)
            if AWSServiceError.clockSkewCodes.contains(error.code), !skewCorrected,
                let serverTime = ClockSkew.serverTime(of: response)
            {
                let difference = serverTime.timeIntervalSince(now())
                if abs(difference - clockSkew.offset) > 60 {
                    clockSkew.offset = difference
                    skewCorrected = true
                    logger.info(
                        "clock skew of \(Int(difference)) s detected (\(error.code)); re-signing with the server's time"
                    )
                    continue
                }
            }
            if error.isRetryable && attempt < retryPolicy.maxAttempts {
                logger.debug("retryable \(error.code) from \(label)")
                try await backoff(retry: attempt - 1, label: label, generator: &generator)
                continue
            }
            throw error
        }
    }

    private func backoff(retry: Int, label: String, generator: inout SystemRandomNumberGenerator) async throws {
        let delay = retryPolicy.delay(retry: retry, using: &generator)
        logger.debug("retrying \(label) after \(delay)")
        try await Task.sleep(for: delay)
    }

    /// Builds the HTTP request for `call` and signs it at the skew-corrected time.
    func signedRequest(for call: AWSCall) async throws -> HTTPRequest {
        let endpoint = Endpoint.resolve(service: call.service, region: region, environment: environment)
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
