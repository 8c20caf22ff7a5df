// SigV4 as one pure function of (request, credentials, region, service, time, options).
// Follows the AWS "Create a signed AWS API request" steps: 1 canonical request, 2 string to sign,
// 3 signing key, 4 signature, 5 add it to the request (header or query string). The steps themselves run on
// bytes in `SigV4ByteSigner`; this entry point lowers the `String` request to byte spans and lifts the results.

/// The Signature Version 4 signer.
///
/// ```swift
/// let signed = SigV4.sign(
///     SigV4Request(method: "GET", path: "/", query: "Action=GetCallerIdentity&Version=2011-06-15",
///                  headers: [SigV4Header("Host", "sts.amazonaws.com")]),
///     credentials: credentials, region: "us-east-1", service: "sts",
///     time: SigV4Timestamp(secondsSince1970: 1_700_000_000))
/// ```
public enum SigV4 {
    /// The algorithm identifier.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The hex SHA-256 of the empty payload.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    /// The payload hash of unsigned payloads.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// The hex SHA-256 of `bytes`, the `HashedPayload` of task 1 step 6.
    ///
    /// ```swift
    /// SigV4.payloadHash(Array("{}".utf8))
    /// ```
    public static func payloadHash(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return emptyPayloadHash }
        return Hex.string(SHA256Bytes.digest(bytes))
    }

    /// Signs `request`; pass `signingKey` (derived once per day/region/service) to skip task 3.
    ///
    /// A key that does not match the credentials or scope is ignored and a fresh one derived.
    public static func sign(
        _ request: SigV4Request, credentials: SigV4Credentials, region: String, service: String,
        time: SigV4Timestamp, options: SigV4Options = SigV4Options(), signingKey: SigV4SigningKey? = nil
    ) -> SigV4Signature {
        let key =
            signingKey.flatMap {
                $0.matches(credentials: credentials, dateStamp: time.dateStamp, region: region, service: service)
                    ? $0 : nil
            }
            ?? SigV4SigningKey(credentials: credentials, dateStamp: time.dateStamp, region: region, service: service)

        // Every text field goes into one buffer; the spans are taken once it is complete.
        var text = [UInt8]()
        text.reserveCapacity(1024)
        func add(_ string: String) -> Range<Int> {
            let start = text.count
            text.append(contentsOf: string.utf8)
            return start..<text.count
        }
        let method = add(request.method)
        let path = add(request.path)
        let query = add(request.query)
        let headers = request.headers.map { (name: add($0.name), value: add($0.value)) }
        let accessKeyId = add(credentials.accessKeyId)
        let token = credentials.sessionToken.map(add)
        let regionRange = add(region)
        let serviceRange = add(service)
        let amzDate = add(time.amzDate)
        var precomputed: Range<Int>?
        if case .precomputedHash(let hash) = request.payload { precomputed = add(hash) }

        var signer = SigV4ByteSigner()
        text.withUnsafeBufferPointer { text in
            func span(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[range]) }
            func sign(_ payload: RawPayload) {
                let raw = RawSigningRequest(
                    method: span(method), path: span(path), query: span(query),
                    headers: headers.map { RawHeader(name: span($0.name), value: span($0.value)) }, payload: payload,
                    accessKeyId: span(accessKeyId), sessionToken: token.map(span), region: span(regionRange),
                    service: span(serviceRange), amzDate: span(amzDate), options: options)
                signer.sign(raw, key: key.mac, details: true)
            }
            switch request.payload {
            case .bytes(let bytes): bytes.withUnsafeBufferPointer { sign(.bytes($0)) }
            case .precomputedHash: sign(.precomputedHash(precomputed.map(span) ?? Bytes.empty))
            case .unsigned: sign(.unsigned)
            }
        }

        func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        let signature = string(signer.signature)
        var result = SigV4Signature(
            canonicalRequest: string(signer.canonicalRequest), stringToSign: string(signer.stringToSign),
            signature: signature, authorization: nil, headers: [], signedQuery: nil, eksToken: nil)
        switch options.mode {
        case .header:
            let authorization = string(signer.authorization)
            result.authorization = authorization
            result.headers.append(SigV4Header("X-Amz-Date", time.amzDate))
            if let token = credentials.sessionToken {
                result.headers.append(SigV4Header("X-Amz-Security-Token", token))
            }
            if options.signedBodyHeader {
                result.headers.append(SigV4Header("x-amz-content-sha256", string(signer.payloadHash)))
            }
            result.headers.append(SigV4Header("Authorization", authorization))
        case .query:
            result.signedQuery = string(signer.signedQuery)
        case .eksToken:
            result.signedQuery = string(signer.signedQuery)
            result.eksToken = string(signer.eksToken)
        }
        return result
    }
}
