// The production transport on its own, against the loopback server: what goes out (method, headers, body) and what
// comes back (status, headers, a 3xx as it is), requests URLSession cannot send, and how libcurl's failures are
// classified for the retry policy. Retries through it are RetryLoopbackTests.

import Foundation
import Testing

@testable import InfraExecutor

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("URLSession transport", .serialized, .timeLimit(.minutes(10)))
struct URLSessionTransportTests {
    @Test("method, headers and body go out as given; status, headers and body come back")
    func roundTrip() async throws {
        let server = try LoopbackServer { _, request in
            .respond(
                status: 201, headers: [("X-Amz-Request-Id", "req-1"), ("Content-Type", "text/plain")],
                body: "\(request.method) \(request.path) \(request.body)")
        }
        defer { server.stop() }
        let response = try await withTransport { transport in
            try await transport.send(
                HTTPRequest(
                    method: "PUT", url: "\(server.url)/bucket/key%20one?x-id=PutObject",
                    headers: [("X-Amz-Date", "20261207T120000Z"), ("Content-Type", "application/json")],
                    body: Array(#"{"a":1}"#.utf8)),
                timeout: .seconds(10))
        }
        #expect(response.status == 201)
        #expect(response.header("x-amz-request-id") == "req-1")
        #expect(response.text == #"PUT /bucket/key%20one?x-id=PutObject {"a":1}"#)
        let seen = try #require(server.requests.first)
        #expect(seen.headers["x-amz-date"] == "20261207T120000Z")
        #expect(seen.headers["content-type"] == "application/json")
        #expect(seen.headers["host"] == "127.0.0.1:\(server.port)")
    }

    @Test("a PUT or POST without a body says Content-Length: 0")
    func emptyBodyHasLength() async throws {
        let server = try LoopbackServer { _, _ in .respond(status: 200, headers: [], body: "") }
        defer { server.stop() }
        _ = try await withTransport { transport in
            try await transport.send(HTTPRequest(method: "POST", url: server.url + "/"), timeout: .seconds(10))
        }
        #expect(server.requests.first?.headers["content-length"] == "0")
    }

    @Test("a 3xx is the response: its Location is not visited")
    func redirectIsReturned() async throws {
        let elsewhere = try LoopbackServer { _, _ in .respond(status: 200, headers: [], body: "stolen") }
        defer { elsewhere.stop() }
        let server = try LoopbackServer { _, _ in
            .respond(status: 307, headers: [("Location", "\(elsewhere.url)/x")], body: "moved")
        }
        defer { server.stop() }
        let response = try await withTransport { transport in
            try await transport.send(
                HTTPRequest(method: "GET", url: server.url + "/", headers: [("Authorization", "secret")]),
                timeout: .seconds(10))
        }
        #expect(response.status == 307)
        #expect(response.header("location") == "\(elsewhere.url)/x")
        #expect(elsewhere.requests.isEmpty)
    }

    @Test(
        "what URLSession cannot send is an invalid request, never sent",
        arguments: [
            HTTPRequest(method: "GET", url: "ftp://127.0.0.1/x"),
            HTTPRequest(method: "GET", url: "http:///no-host"),
            HTTPRequest(method: "GET", url: "http://127.0.0.1:1/", body: [1]),
        ])
    func unsendable(request: HTTPRequest) async throws {
        do {
            _ = try await withTransport { try await $0.send(request, timeout: .seconds(5)) }
            Issue.record("\(request) must not be sent")
        } catch let error as TransportError {
            #expect(error.kind == .invalidRequest, "\(error)")
        }
    }

    @Test(
        "libcurl's TLS messages are TLS failures; other messages, even naming an ssl host, are connection failures",
        arguments: [
            ("OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number", TransportError.Kind.tls),
            ("SSL certificate problem: self-signed certificate", .tls),
            ("SSL: no alternative certificate subject name matches target host name 'x'", .tls),
            ("gnutls_handshake() failed: An unexpected TLS packet was received.", .tls),
            ("Unknown SSL protocol error in connection to s3.amazonaws.com:443", .tls),
            ("Could not resolve host: ssl.example.com", .connection),
            ("Failed to connect to tls-proxy port 443 after 0 ms: Couldn't connect to server", .connection),
        ])
    func curlMessages(message: String, kind: TransportError.Kind) {
        let error = URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: message])
        #expect(URLSessionTransport.kind(of: error) == kind)
    }

    @Test(
        "URL error codes map to the retry policy's kinds",
        arguments: [
            (URLError.Code.timedOut, TransportError.Kind.timeout), (.cannotConnectToHost, .connection),
            (.networkConnectionLost, .connection), (.cannotFindHost, .connection), (.secureConnectionFailed, .tls),
            (.serverCertificateUntrusted, .tls), (.badURL, .invalidRequest), (.unsupportedURL, .invalidRequest),
        ])
    func urlErrorCodes(code: URLError.Code, kind: TransportError.Kind) {
        #expect(URLSessionTransport.kind(of: URLError(code)) == kind)
    }
}
