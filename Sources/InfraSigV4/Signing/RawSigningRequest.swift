// The signer's inputs as UTF-8 byte spans: what `SigV4ByteSigner` works on. The public `SigV4Request` API and
// the signing contract's decoder both lower their inputs to this form, so there is one signing code path,
// and batch callers can sign straight from the bytes they read (no `String` per field).

/// One header as byte spans (name as written, raw value).
struct RawHeader {
    /// The header name, in any case.
    var name: UnsafeBufferPointer<UInt8>
    /// The raw value.
    var value: UnsafeBufferPointer<UInt8>
}

/// The payload of a raw request.
enum RawPayload {
    /// The body bytes, hashed by the signer.
    case bytes(UnsafeBufferPointer<UInt8>)
    /// The caller's lowercase hex SHA-256 of the body.
    case precomputedHash(UnsafeBufferPointer<UInt8>)
    /// `UNSIGNED-PAYLOAD`.
    case unsigned
}

/// Everything the signer reads, as byte spans; the memory behind the spans must outlive the signing call.
struct RawSigningRequest {
    /// The HTTP method.
    var method: UnsafeBufferPointer<UInt8>
    /// The wire path.
    var path: UnsafeBufferPointer<UInt8>
    /// The raw query string without `?`.
    var query: UnsafeBufferPointer<UInt8>
    /// The headers in original order.
    var headers: [RawHeader]
    /// The payload.
    var payload: RawPayload
    /// The access key id.
    var accessKeyId: UnsafeBufferPointer<UInt8>
    /// The session token, if any.
    var sessionToken: UnsafeBufferPointer<UInt8>?
    /// The region of the scope.
    var region: UnsafeBufferPointer<UInt8>
    /// The service of the scope.
    var service: UnsafeBufferPointer<UInt8>
    /// `YYYYMMDD'T'HHMMSS'Z'` (16 bytes); its first eight bytes are the date stamp.
    var amzDate: UnsafeBufferPointer<UInt8>
    /// Header or query signing and the S3 switches.
    var options: SigV4Options

    /// The `YYYYMMDD` date stamp of the scope.
    var dateStamp: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: amzDate.prefix(8))
    }
}
