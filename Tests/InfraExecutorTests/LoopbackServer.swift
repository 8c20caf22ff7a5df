// A tiny HTTP/1.1 server on 127.0.0.1 for transport tests: one thread, one request per connection
// (`Connection: close`), answers decided by a closure — which may also drop the connection without answering.

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
    case respond(status: Int, headers: [(String, String)], body: String)
    case dropConnection
}

/// The server.
final class LoopbackServer: @unchecked Sendable {
    private let socketFD: Int32
    private let handler: @Sendable (Int, LoopbackRequest) -> LoopbackAnswer
    private let lock = NSLock()
    private var received: [LoopbackRequest] = []
    private var running = true
    /// The port it listens on.
    let port: Int

    /// Every request received so far.
    var requests: [LoopbackRequest] { lock.withLock { received } }

    init(handler: @escaping @Sendable (Int, LoopbackRequest) -> LoopbackAnswer) throws {
        self.handler = handler
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

    func stop() {
        lock.withLock { running = false }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private func acceptLoop() {
        while lock.withLock({ running }) {
            let client = accept(socketFD, nil, nil)
            if client < 0 { return }
            serve(client)
            close(client)
        }
    }

    private func serve(_ client: Int32) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
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
}

/// A plain test failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
