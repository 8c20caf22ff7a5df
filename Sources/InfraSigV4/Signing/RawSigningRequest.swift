// The signer's inputs as UTF-8 byte spans: what `SigV4ByteSigner` works on. The public `SigV4Request` API and
// the signing contract's decoder both lower their inputs to this form, so there is one signing code path,
// and batch callers can sign straight from the bytes they read (no `String` per field).

/// One header as byte spans (name as written, raw value).
package struct RawHeader {
    /// The header name, in any case.
    package var name: UnsafeBufferPointer<UInt8>
    /// The raw value.
    package var value: UnsafeBufferPointer<UInt8>

    /// Creates a header from its name and value spans.
    @inlinable
    package init(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        self.name = name
        self.value = value
    }
}

/// The payload of a raw request.
package enum RawPayload {
    /// The body bytes, hashed by the signer.
    case bytes(UnsafeBufferPointer<UInt8>)
    /// The caller's lowercase hex SHA-256 of the body.
    case precomputedHash(UnsafeBufferPointer<UInt8>)
    /// `UNSIGNED-PAYLOAD`.
    case unsigned
}

/// Everything the signer reads, as byte spans; the memory behind the spans must outlive the signing call.
package struct RawSigningRequest {
    /// The HTTP method.
    package var method: UnsafeBufferPointer<UInt8>
    /// The wire path.
    package var path: UnsafeBufferPointer<UInt8>
    /// The raw query string without `?`.
    package var query: UnsafeBufferPointer<UInt8>
    /// The headers in original order.
    package var headers: [RawHeader]
    /// The payload.
    package var payload: RawPayload
    /// The access key id.
    package var accessKeyId: UnsafeBufferPointer<UInt8>
    /// The session token, if any.
    package var sessionToken: UnsafeBufferPointer<UInt8>?
    /// The region of the scope.
    package var region: UnsafeBufferPointer<UInt8>
    /// The service of the scope.
    package var service: UnsafeBufferPointer<UInt8>
    /// `YYYYMMDD'T'HHMMSS'Z'` (16 bytes); its first eight bytes are the date stamp.
    package var amzDate: UnsafeBufferPointer<UInt8>
    /// Header or query signing and the S3 switches.
    package var options: SigV4Options

    /// Creates a request from its spans (the memory behind them must outlive the signing call).
    @inlinable
    package init(
        method: UnsafeBufferPointer<UInt8>, path: UnsafeBufferPointer<UInt8>, query: UnsafeBufferPointer<UInt8>,
        headers: [RawHeader], payload: RawPayload, accessKeyId: UnsafeBufferPointer<UInt8>,
        sessionToken: UnsafeBufferPointer<UInt8>?, region: UnsafeBufferPointer<UInt8>,
        service: UnsafeBufferPointer<UInt8>, amzDate: UnsafeBufferPointer<UInt8>, options: SigV4Options
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
        self.accessKeyId = accessKeyId
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
        self.amzDate = amzDate
        self.options = options
    }

    /// The `YYYYMMDD` date stamp of the scope.
    @inlinable
    package var dateStamp: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: amzDate.prefix(8))
    }
}
