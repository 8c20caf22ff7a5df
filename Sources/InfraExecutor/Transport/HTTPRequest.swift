// The executor's own HTTP message types, independent of async-http-client so tests can use an in-memory transport.

/// An HTTP request as the executor sends it.
///
/// ```swift
/// let request = HTTPRequest(method: "GET", url: "https://sts.amazonaws.com/?Action=GetCallerIdentity")
/// ```
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP method.
    public var method: String
    /// The absolute URL (`scheme://host[:port]/path?query`).
    public var url: String
    /// Header name/value pairs in order.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, url: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    /// Equality compares method, URL, headers and body.
    public static func == (left: HTTPRequest, right: HTTPRequest) -> Bool {
        left.method == right.method && left.url == right.url && left.body == right.body
            && left.headers.map { [$0.0, $0.1] } == right.headers.map { [$0.0, $0.1] }
    }

    /// Hashes method, URL and body.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(url)
        hasher.combine(body)
    }
}

/// An HTTP response.
///
/// ```swift
/// let response = HTTPResponse(status: 200, body: Array("<ok/>".utf8))
/// ```
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header name/value pairs.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Equality compares status, headers and body.
    public static func == (left: HTTPResponse, right: HTTPResponse) -> Bool {
        left.status == right.status && left.body == right.body
            && left.headers.map { [$0.0, $0.1] } == right.headers.map { [$0.0, $0.1] }
    }

    /// Hashes status and body.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        hasher.combine(body)
    }
}
