// The seam between the executor and the network: one async call. Production uses async-http-client;
// tests use `InMemoryTransport` (like swift-nio's EmbeddedChannel) or a loopback server.

/// Sends one HTTP request and returns the response; throws `TransportError` when no response arrived.
///
/// ```swift
/// let response = try await transport.send(request, timeout: .seconds(30))
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request`, giving up after `timeout`.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

/// A failure to get any HTTP response (connection refused, reset, timeout). Retried by `AWSClient`.
///
/// ```swift
/// throw TransportError(message: "connection refused", isTimeout: false)
/// ```
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// `true` when the request timed out.
    public var isTimeout: Bool

    /// Creates a transport error.
    public init(message: String, isTimeout: Bool = false) {
        self.message = message
        self.isTimeout = isTimeout
    }

    /// The message.
    public var description: String { isTimeout ? "request timed out: \(message)" : "connection failed: \(message)" }
}
