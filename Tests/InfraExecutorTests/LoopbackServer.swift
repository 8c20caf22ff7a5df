// A small HTTP/1.1 server on 127.0.0.1 for transport tests: a thread per connection, one request per connection
// (`Connection: close`), answers decided by a closure — which may also drop the connection, hold it open without
// answering (a timeout for the client), or, in raw mode, write bytes that are not HTTP (a broken TLS peer).

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request as the loopback server saw it.
struct LoopbackRequest: Sendable {
    var method: String
    var path: String
    var headers: [String: String]
    var body: String
}

/// What the server does with a request.
enum LoopbackAnswer: Sendable {
    /// An HTTP response.
    case respond(status: Int, headers: [(String, String)], body: String)
    /// Close the connection without answering.
    case dropConnection
    /// Keep the connection open without answering until the client closes it (or the server stops).
    case hang
}

/// The server.
final class LoopbackServer: @unchecked Sendable {
    private let socketFD: Int32
    private let handler: @Sendable (Int, LoopbackRequest) -> LoopbackAnswer
    private let rawReply: [UInt8]?
    private let lock = NSLock()
    private var received: [LoopbackRequest] = []
    private var connections: Set<Int32> = []
    private var accepted = 0
    private var running = true
    /// The port it listens on.
    let port: Int

    /// Every request received so far.
    var requests: [LoopbackRequest] { lock.withLock { received } }

    /// Connections accepted so far (raw mode counts these: there are no HTTP requests).
    var connectionCount: Int { lock.withLock { accepted } }

    /// `http://127.0.0.1:<port>`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// A server answering each request with `handler(index, request)` (index from 1); with `rawReply`, every
    /// connection instead gets those bytes as soon as the client has sent anything, and is closed.
    init(
        rawReply: [UInt8]? = nil,
        handler: @escaping @Sendable (Int, LoopbackRequest) -> LoopbackAnswer = { _, _ in
            .dropConnection
        }
    ) throws {
        self.handler = handler
        self.rawReply = rawReply
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw TestFailure("bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        socketFD = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting and closes every open connection.
    func stop() {
        let open = lock.withLock { () -> Set<Int32> in
            running = false
            return connections
        }
        for client in open { shutdown(client, Int32(SHUT_RDWR)) }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private func acceptLoop() {
        while lock.withLock({ running }) {
            let client = accept(socketFD, nil, nil)
            if client < 0 { return }
            lock.withLock {
                connections.insert(client)
                accepted += 1
            }
            let thread = Thread { [self] in
                serve(client)
                lock.withLock { _ = connections.remove(client) }
                close(client)
            }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        if let rawReply {
            guard read(client, &buffer, buffer.count) > 0 else { return }
            _ = rawReply.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            return
        }
        var data = [UInt8]()
        var headerEnd: Int?
        var contentLength = 0
        while true {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            data.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let range = findHeaderEnd(data) {
                headerEnd = range
                let head = String(decoding: data[0..<range], as: UTF8.self)
                for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let end = headerEnd, data.count >= end + 4 + contentLength { break }
        }
        let end = headerEnd ?? 0
        let head = String(decoding: data[0..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n").map(String.init)
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        var headers = [String: String]()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let request = LoopbackRequest(
            method: requestLine.first ?? "", path: requestLine.count > 1 ? requestLine[1] : "", headers: headers,
            body: String(decoding: data[(end + 4)...], as: UTF8.self))
        let index = lock.withLock { () -> Int in
            received.append(request)
            return received.count
        }
        switch handler(index, request) {
        case .dropConnection:
            return
        case .hang:
            while read(client, &buffer, buffer.count) > 0 {}
        case .respond(let status, let extraHeaders, let body):
            var text = "HTTP/1.1 \(status) X\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
            for (name, value) in extraHeaders { text += "\(name): \(value)\r\n" }
            text += "\r\n" + body
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
        }
    }

    private func findHeaderEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for index in 0...(data.count - 4)
        where data[index] == 13 && data[index + 1] == 10 && data[index + 2] == 13 && data[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed).
    static func closedPort() throws -> Int {
        let server = try LoopbackServer()
        let port = server.port
        server.stop()
        return port
    }
}

/// A plain test failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
