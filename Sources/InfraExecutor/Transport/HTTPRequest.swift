// The executor's own HTTP message types, independent of any HTTP client so tests can use an in-memory transport.
// Requests carry signatures, session tokens and bearer tokens; responses carry credentials. So printing, `dump()`
// and debuggers show the method, the URL without its query, the names of all headers but the values of a few
// harmless ones only, and the body's size — never a header value, query or body that could hold a secret.

/// An HTTP request as the executor sends it.
///
/// ```swift
/// let request = HTTPRequest(method: "GET", url: "https://sts.amazonaws.com/?Action=GetCallerIdentity")
/// ```
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
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

    /// `METHOD url-without-query (headers …, body n bytes)`, secrets redacted.
    public var description: String {
        "\(method) \(HTTPRedaction.url(url)) (\(HTTPRedaction.headers(headers)), body \(body.count) bytes)"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Method, redacted URL, redacted headers and the body size.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": method, "url": HTTPRedaction.url(url), "headers": HTTPRedaction.headers(headers),
                "body": "\(body.count) bytes",
            ], displayStyle: .struct)
    }
}

/// An HTTP response.
///
/// ```swift
/// let response = HTTPResponse(status: 200, body: Array("<ok/>".utf8))
/// ```
public struct HTTPResponse: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
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

    /// `HTTP status (headers …, body n bytes)`, secrets redacted.
    public var description: String {
        "HTTP \(status) (\(HTTPRedaction.headers(headers)), body \(body.count) bytes)"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Status, redacted headers and the body size.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["status": status, "headers": HTTPRedaction.headers(headers), "body": "\(body.count) bytes"],
            displayStyle: .struct)
    }
}

/// What of an HTTP message may be shown.
enum HTTPRedaction {
    /// Headers whose values never hold secrets.
    static let shownHeaders: Set<String> = [
        "host", "content-type", "content-length", "user-agent", "x-amz-date", "x-amz-target", "x-amz-content-sha256",
        "x-amz-checksum-sha256", "x-amzn-requestid", "x-amz-request-id", "date", "x-amzn-errortype",
        "x-amz-bucket-region", "location",
    ]

    /// The URL without its query (presigned queries hold signatures and tokens).
    static func url(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        return String(url[..<question]) + "?<query redacted>"
    }

    /// `Name: value` for harmless headers, `Name: <redacted>` for all others.
    static func headers(_ headers: [(String, String)]) -> String {
        let shown = headers.map { name, value in
            shownHeaders.contains(name.lowercased()) ? "\(name): \(value)" : "\(name): <redacted>"
        }
        return "headers: [" + shown.joined(separator: ", ") + "]"
    }
}
