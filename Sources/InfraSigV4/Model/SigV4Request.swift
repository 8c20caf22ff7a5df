// The HTTP request as SigV4 sees it: method, wire path, raw query, ordered headers and the payload.
// Headers keep their original order and duplicates, because canonicalisation depends on both.

/// One HTTP header as sent on the wire (name as written, raw value).
///
/// ```swift
/// SigV4Header("Host", "sts.amazonaws.com")
/// ```
public struct SigV4Header: Sendable, Hashable {
    /// The header name, in any case.
    public var name: String
    /// The raw value (whitespace is trimmed and collapsed only in the canonical form).
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The payload of a request, or how its hash is to be obtained.
///
/// ```swift
/// let payload = SigV4Payload.bytes(Array("Action=GetCallerIdentity".utf8))
/// ```
public enum SigV4Payload: Sendable, Hashable {
    /// The body bytes; the signer hashes them with SHA-256 (task 1, step 6 "HashedPayload").
    case bytes([UInt8])
    /// A body whose lowercase hex SHA-256 the caller already computed.
    case precomputedHash(String)
    /// The literal `UNSIGNED-PAYLOAD` (S3 streaming/unsigned uploads and all S3 presigned URLs).
    case unsigned

    /// An empty body.
    public static let empty = SigV4Payload.bytes([])
}

/// A request to sign: everything SigV4 reads from the HTTP message.
///
/// ```swift
/// let request = SigV4Request(method: "GET", path: "/", query: "Action=ListUsers&Version=2010-05-08",
///                            headers: [SigV4Header("Host", "iam.amazonaws.com")])
/// ```
public struct SigV4Request: Sendable, Hashable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The path exactly as on the wire (already percent-encoded where the caller encoded it).
    public var path: String
    /// The raw query string without `?`, or `""`.
    public var query: String
    /// The headers in original order; `Host` must be present.
    public var headers: [SigV4Header]
    /// The payload.
    public var payload: SigV4Payload

    /// Creates a request.
    public init(
        method: String, path: String, query: String = "", headers: [SigV4Header], payload: SigV4Payload = .empty
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }
}
