// The in-memory test double of `HTTPTransport`: answers from a closure and records what was sent. It lives in
// the InfraExecutorTesting product so that code which ships with InfraExecutor cannot reach for it.

import Foundation
import InfraExecutor

/// A transport that never touches the network; `handler` produces each response.
///
/// ```swift
/// let transport = InMemoryTransport { request in HTTPResponse(status: 200, body: Array("{}".utf8)) }
/// ```
public final class InMemoryTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let handler: @Sendable (HTTPRequest) throws -> HTTPResponse

    /// Creates a transport answering with `handler` (which may throw `TransportError` to simulate failures).
    public init(handler: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.handler = handler
    }

    /// Every request sent so far, in order.
    public var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    private func record(_ request: HTTPRequest) {
        lock.withLock { recorded.append(request) }
    }

    /// Records `request` and answers with the handler.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        record(request)
        return try handler(request)
    }
}
