// The production transport: async-http-client with a shared event loop group and per-request deadlines.
// Redirects are never followed (an Authorization header must not travel to another host), and failures are
// classified for the retry policy: timeouts and connection failures are transient, TLS failures are not, and a
// cancelled task gets `CancellationError` rather than an error that looks retryable.

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// `HTTPTransport` over async-http-client.
///
/// ```swift
/// let transport = AsyncHTTPClientTransport()
/// defer { try? await transport.shutdown() }
/// ```
public final class AsyncHTTPClientTransport: HTTPTransport, Sendable {
    private let client: HTTPClient

    /// Creates a transport with its own client on the shared event loop group.
    public init() {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        configuration.decompression = .disabled
        configuration.redirectConfiguration = .disallow
        // One attempt is one connection try: the retry policy decides what to retry. (Left on, the pool would retry
        // a refused connection or a failed TLS handshake itself until the connect timeout, 10 s per attempt.)
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Shuts the client down; call once when done.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sends `request` with a deadline of `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try Task.checkCancellation()
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if !request.body.isEmpty || request.method == "PUT" || request.method == "POST" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let seconds = timeout.components.seconds
        let nanoseconds = Int64(timeout.components.attoseconds / 1_000_000_000)
        let deadline = TimeAmount.seconds(seconds) + .nanoseconds(nanoseconds)
        do {
            let response = try await client.execute(outgoing, timeout: deadline)
            var body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            let bytes = body.readBytes(length: body.readableBytes) ?? []
            return HTTPResponse(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                body: bytes)
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            if let error = error as? TransportError { throw error }
            throw TransportError(
                message: "\(request.method) \(Self.redactedURL(request.url)): \(error)", kind: Self.kind(of: error))
        }
    }

    /// How the retry policy should see `error` (anything not recognised is a connection failure, as the SDKs
    /// treat their HTTP client's connection errors).
    static func kind(of error: any Error) -> TransportError.Kind {
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError
            || error is NIOTLSUnwrappingError
        {
            return .tls
        }
        if let error = error as? HTTPClientError {
            if timeoutErrors.contains(error) { return .timeout }
            if invalidRequestErrors.contains(error) { return .invalidRequest }
            return .connection
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return .timeout }
        return .connection
    }

    private static let timeoutErrors: [HTTPClientError] = [
        .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
        .getConnectionFromPoolTimeout,
    ]

    private static let invalidRequestErrors: [HTTPClientError] = [
        .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath, .invalidRedirectConfiguration,
        .invalidProxyConfiguration, .traceRequestWithBody,
    ]

    /// The URL without its query (presigned queries carry signatures and tokens).
    static func redactedURL(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}
