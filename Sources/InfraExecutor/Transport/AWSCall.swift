// One AWS API call before signing: service, method, encoded path and query, headers and body.
// Service clients build these; `AWSClient` turns them into signed HTTP requests.

/// A service call to send through `AWSClient`.
///
/// ```swift
/// let call = AWSCall(service: .eks, action: "ListClusters", method: "GET", path: "/clusters")
/// ```
public struct AWSCall: Sendable {
    /// The target service.
    public var service: AWSService
    /// The API operation name (for logs and errors).
    public var action: String
    /// The HTTP method.
    public var method: String
    /// The percent-encoded path, starting with `/` (for S3, the key path after the bucket).
    public var path: String
    /// The percent-encoded query string without `?`.
    public var query: String
    /// Extra headers (content type, targets, S3 headers).
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]
    /// The S3 bucket the call addresses, if any.
    public var bucket: String?
    /// `true` for calls that must not be signed (AssumeRoleWithWebIdentity).
    public var unsigned: Bool

    /// Creates a call.
    public init(
        service: AWSService, action: String, method: String, path: String = "/", query: String = "",
        headers: [(String, String)] = [], body: [UInt8] = [], bucket: String? = nil, unsigned: Bool = false
    ) {
        self.service = service
        self.action = action
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.bucket = bucket
        self.unsigned = unsigned
    }
}

/// `application/x-www-form-urlencoded` and query-string encoding with SigV4's unreserved set.
///
/// ```swift
/// FormEncoding.encode([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")])
/// ```
public enum FormEncoding {
    /// Encodes pairs as `k=v&k=v` (RFC 3986, uppercase hex, `~` literal).
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes everything but `A-Z a-z 0-9 - _ . ~` (and `/` when `keepSlash`).
    public static func escape(_ text: String, keepSlash: Bool = false) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.append(byte)
            case UInt8(ascii: "/") where keepSlash:
                output.append(byte)
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
