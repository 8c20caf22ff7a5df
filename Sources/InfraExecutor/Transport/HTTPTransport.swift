// The seam between the executor and the network: one async call. Production uses URLSession (`URLSessionTransport`);
// tests use `InMemoryTransport` (InfraExecutorTesting; like swift-nio's EmbeddedChannel) or a loopback server.

/// Sends one HTTP request and returns the response.
///
/// A transport never follows redirects (a 3xx is returned as it is, so no header — an `Authorization`
/// token, a signature — ever reaches a host the caller did not choose), throws `TransportError` when no
/// response arrived and `CancellationError` when the calling task was cancelled.
///
/// ```swift
/// let response = try await transport.send(request, timeout: .seconds(30))
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request`, giving up after `timeout`.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}
