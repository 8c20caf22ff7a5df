// The production transport: async-http-client with a shared event loop group and per-request deadlines.

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Shuts the client down; call once when done.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sends `request` with a deadline of `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
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
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout
        {
            throw TransportError(message: "\(request.method) \(Self.redactedURL(request.url))", isTimeout: true)
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportError(message: "\(request.method) \(Self.redactedURL(request.url)): \(error)")
        }
    }

    /// The URL without its query (presigned queries carry signatures and tokens).
    static func redactedURL(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}
