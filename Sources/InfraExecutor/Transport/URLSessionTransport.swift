// The production transport: URLSession, which ships with the toolchain (FoundationNetworking over libcurl on
// Linux), so a build compiles no swift-nio, NIOSSL or second BoringSSL (issue 20: the clean build).
// Redirects are never followed (an Authorization header must not travel to another host), nothing is cached or
// stored (responses, cookies, credentials), every request has its own deadline, and failures are classified for
// the retry policy: timeouts and connection failures are transient, TLS failures are not, and a cancelled task
// gets `CancellationError` rather than an error that looks retryable.

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over `URLSession`.
///
/// ```swift
/// let transport = URLSessionTransport()
/// defer { transport.shutdown() }
/// ```
///
/// Proxies come from the environment as libcurl reads them (`https_proxy`, `no_proxy`); a compressed
/// response body is returned decompressed.
public final class URLSessionTransport: HTTPTransport, Sendable {
    /// The largest response body accepted (an S3 object read whole, a paginated EC2 answer).
    public static let maximumResponseBytes = 64 * 1024 * 1024

    private let session: URLSession

    /// Creates a transport with its own session: no cache, no cookies, no stored credentials, no redirects.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    /// Cancels what is still in flight and releases the session; call once when done.
    public func shutdown() {
        session.invalidateAndCancel()
    }

    /// Sends `request` with a deadline of `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let described = Self.described(request)
        let outgoing = try Self.urlRequest(for: request, timeout: timeout)
        let attempt = Attempt()
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                let task = session.dataTask(with: outgoing) { data, response, error in
                    attempt.end(.answered)
                    continuation.resume(returning: Outcome(data: data, response: response, error: error))
                }
                attempt.start(task, deadline: timeout)
            }
        } onCancel: {
            attempt.end(.cancelled)
        }
        // Cancelled before the answer came: the answer, if it came first, is still returned.
        if attempt.ending == .cancelled { throw CancellationError() }
        if attempt.ending == .deadline {
            throw TransportError(message: "\(described): no response within \(timeout)", kind: .timeout)
        }
        if let error = outcome.error {
            throw TransportError(message: "\(described): \(Self.reason(error))", kind: Self.kind(of: error))
        }
        guard let response = outcome.response as? HTTPURLResponse else {
            throw TransportError(message: "\(described): the answer was not HTTP", kind: .connection)
        }
        let body = outcome.data ?? Data()
        guard body.count <= Self.maximumResponseBytes else {
            throw TransportError(
                message: "\(described): response body over \(Self.maximumResponseBytes) bytes", kind: .connection)
        }
        return HTTPResponse(status: response.statusCode, headers: Self.headers(of: response), body: [UInt8](body))
    }

    /// The URLRequest for `request`, or `invalidRequest` for what URLSession cannot send.
    static func urlRequest(for request: HTTPRequest, timeout: Duration) throws -> URLRequest {
        let described = described(request)
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            throw TransportError(message: "\(described): not an http or https URL with a host", kind: .invalidRequest)
        }
        guard request.method != "GET" || request.body.isEmpty else {
            throw TransportError(message: "\(described): a GET cannot carry a body", kind: .invalidRequest)
        }
        var outgoing = URLRequest(url: url)
        outgoing.httpMethod = request.method
        // URLSession's own timer counts whole seconds; the attempt's deadline (below) is the real limit.
        outgoing.timeoutInterval = (Double(timeout.components.seconds) + 2).rounded(.up)
        for (name, value) in request.headers { outgoing.addValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty { outgoing.httpBody = Data(request.body) }
        return outgoing
    }

    /// The response's header fields as name–value pairs.
    static func headers(of response: HTTPURLResponse) -> [(String, String)] {
        response.allHeaderFields.compactMap { name, value in
            guard let name = name as? String else { return nil }
            return (name, (value as? String) ?? "\(value)")
        }
    }

    /// How the retry policy should see `error` (anything not recognised is a connection failure, as the SDKs
    /// treat their HTTP client's connection errors).
    static func kind(of error: any Error) -> TransportError.Kind {
        guard let error = error as? URLError else { return .connection }
        switch error.code {
        case .timedOut: return .timeout
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            return .tls
        case .badURL, .unsupportedURL, .dataLengthExceedsMaximum:
            return .invalidRequest
        case .unknown where isTLSFailure(error.localizedDescription):
            return .tls
        default: return .connection
        }
    }

    /// Whether libcurl's message names a TLS failure. FoundationNetworking reports libcurl's TLS errors
    /// (handshake, certificate) as `URLError.unknown` with libcurl's text, which then starts with the TLS library
    /// or "SSL" — "OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number", "SSL certificate problem:
    /// self-signed certificate" — while other messages start otherwise and may name a host such as `ssl.example.com`.
    static func isTLSFailure(_ message: String) -> Bool {
        tlsMessagePrefixes.contains { message.hasPrefix($0) } || message.contains("SSL protocol error")
    }

    /// How libcurl's TLS messages start, for each TLS library it can be built with.
    private static let tlsMessagePrefixes = [
        "SSL", "TLS", "OpenSSL", "BoringSSL", "LibreSSL", "GnuTLS", "gnutls", "wolfSSL", "mbedTLS", "rustls",
        "schannel",
    ]

    /// What went wrong, without the URL (it may carry a presigned query).
    static func reason(_ error: any Error) -> String {
        guard let error = error as? URLError else { return "\(type(of: error))" }
        return "\(error.localizedDescription) (URLError \(error.code.rawValue))"
    }

    /// The method and the URL without its query, which may carry presigned credentials (for messages).
    static func described(_ request: HTTPRequest) -> String {
        "\(request.method) \(AWSClient.logURL(request.url))"
    }
}

/// What the data task's completion handler received.
private struct Outcome: @unchecked Sendable {
    var data: Data?
    var response: URLResponse?
    var error: (any Error)?
}

/// One request in flight: its task, and what ended it first — the answer (or failure), the deadline, or the
/// caller's cancellation.
private final class Attempt: @unchecked Sendable {
    enum Ending { case answered, deadline, cancelled }

    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var endedBy: Ending?

    /// What ended the attempt first.
    var ending: Ending? { lock.withLock { endedBy } }

    /// Resumes `task`, unless the caller cancelled first, and arms the deadline.
    func start(_ task: URLSessionDataTask, deadline: Duration) {
        let cancelledAlready = lock.withLock {
            self.task = task
            return endedBy != nil
        }
        task.resume()
        if cancelledAlready {
            task.cancel()
            return
        }
        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in self?.end(.deadline) }
    }

    /// Records `reason` unless the attempt already ended; a deadline or cancellation also cancels the task (its
    /// completion handler then reports `cancelled`, read as what ended it).
    func end(_ reason: Ending) {
        let running: URLSessionDataTask? = lock.withLock {
            guard endedBy == nil else { return nil }
            endedBy = reason
            return task
        }
        if reason != .answered { running?.cancel() }
    }
}

/// Answers every redirect with "do not follow", so the 3xx itself is the response.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
