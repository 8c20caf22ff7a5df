// SigV4 as one pure function of (request, credentials, region, service, time, options).
// Follows the AWS "Create a signed AWS API request" steps: 1 canonical request, 2 string to sign,
// 3 signing key, 4 signature, 5 add it to the request (header or query string).

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
        let amzDate = time.amzDate
        let dateStamp = time.dateStamp
        let scope = dateStamp + "/" + region + "/" + service + "/aws4_request"
        let payloadHash: String
        switch request.payload {
        case .bytes(let bytes): payloadHash = Self.payloadHash(bytes)
        case .precomputedHash(let hash): payloadHash = hash
        case .unsigned: payloadHash = unsignedPayload
        }
        let token = credentials.sessionToken
        let signToken = token != nil && !options.omitSessionToken

        // Task 1: the signer's own headers (header mode) or query parameters (query modes).
        var extraHeaders = [(name: String, value: String)]()
        var queryParameters = CanonicalQuery.parameters(of: request.query)
        var presignParameters = [(name: String, value: String)]()
        var expiresIn: Int?
        switch options.mode {
        case .header:
            extraHeaders.append(("x-amz-date", amzDate))
            if signToken, let token { extraHeaders.append(("x-amz-security-token", token)) }
            if options.signedBodyHeader { extraHeaders.append(("x-amz-content-sha256", payloadHash)) }
        case .query(let seconds), .eksToken(let seconds):
            expiresIn = seconds
        }
        let canonicalHeaders = CanonicalHeaders(headers: request.headers, extra: extraHeaders)
        var signedHeaderBytes = [UInt8]()
        canonicalHeaders.appendSignedHeaders(to: &signedHeaderBytes)
        if let expiresIn {
            let signedHeaders = String(decoding: signedHeaderBytes, as: UTF8.self)
            presignParameters = [
                ("X-Amz-Algorithm", algorithm),
                ("X-Amz-Credential", PercentEncoding.encode(credentials.accessKeyId + "/" + scope)),
                ("X-Amz-Date", amzDate),
                ("X-Amz-Expires", String(expiresIn)),
                ("X-Amz-SignedHeaders", PercentEncoding.encode(signedHeaders)),
            ]
            if signToken, let token {
                presignParameters.append(("X-Amz-Security-Token", PercentEncoding.encode(token)))
            }
            for parameter in presignParameters {
                queryParameters.append(
                    EncodedQueryParameter(name: Array(parameter.name.utf8), value: Array(parameter.value.utf8)))
            }
        }

        var canonical = [UInt8]()
        canonical.reserveCapacity(512)
        canonical.append(contentsOf: request.method.utf8)
        canonical.append(UInt8(ascii: "\n"))
        CanonicalURI.append(
            path: request.path, normalize: options.normalizePath, doubleEncode: options.doubleURIEncode,
            to: &canonical)
        canonical.append(UInt8(ascii: "\n"))
        CanonicalQuery.append(queryParameters, to: &canonical)
        canonical.append(UInt8(ascii: "\n"))
        canonicalHeaders.appendCanonical(to: &canonical)
        canonical.append(UInt8(ascii: "\n"))
        canonical.append(contentsOf: signedHeaderBytes)
        canonical.append(UInt8(ascii: "\n"))
        canonical.append(contentsOf: payloadHash.utf8)

        // Task 2: the string to sign.
        var stringToSign = [UInt8]()
        stringToSign.reserveCapacity(160)
        stringToSign.append(contentsOf: algorithm.utf8)
        stringToSign.append(UInt8(ascii: "\n"))
        stringToSign.append(contentsOf: amzDate.utf8)
        stringToSign.append(UInt8(ascii: "\n"))
        stringToSign.append(contentsOf: scope.utf8)
        stringToSign.append(UInt8(ascii: "\n"))
        Hex.append(SHA256Bytes.digest(canonical), to: &stringToSign)

        // Tasks 3 and 4: the signing key and the signature.
        let key =
            signingKey.flatMap {
                $0.matches(credentials: credentials, dateStamp: dateStamp, region: region, service: service) ? $0 : nil
            }
            ?? SigV4SigningKey(credentials: credentials, dateStamp: dateStamp, region: region, service: service)
        let signature = Hex.string(key.mac.code(stringToSign))

        // Task 5: add the signature to the request.
        var result = SigV4Signature(
            canonicalRequest: String(decoding: canonical, as: UTF8.self),
            stringToSign: String(decoding: stringToSign, as: UTF8.self),
            signature: signature, authorization: nil, headers: [], signedQuery: nil, eksToken: nil)
        switch options.mode {
        case .header:
            var authorizationBytes = [UInt8]()
            authorizationBytes.reserveCapacity(160 + signedHeaderBytes.count)
            authorizationBytes.append(contentsOf: algorithm.utf8)
            authorizationBytes.append(contentsOf: " Credential=".utf8)
            authorizationBytes.append(contentsOf: credentials.accessKeyId.utf8)
            authorizationBytes.append(UInt8(ascii: "/"))
            authorizationBytes.append(contentsOf: scope.utf8)
            authorizationBytes.append(contentsOf: ", SignedHeaders=".utf8)
            authorizationBytes.append(contentsOf: signedHeaderBytes)
            authorizationBytes.append(contentsOf: ", Signature=".utf8)
            authorizationBytes.append(contentsOf: signature.utf8)
            let authorization = String(decoding: authorizationBytes, as: UTF8.self)
            result.authorization = authorization
            result.headers.append(SigV4Header("X-Amz-Date", amzDate))
            if let token { result.headers.append(SigV4Header("X-Amz-Security-Token", token)) }
            if options.signedBodyHeader { result.headers.append(SigV4Header("x-amz-content-sha256", payloadHash)) }
            result.headers.append(SigV4Header("Authorization", authorization))
        case .query, .eksToken:
            var query = request.query
            for parameter in presignParameters {
                if !query.isEmpty { query += "&" }
                query += parameter.name + "=" + parameter.value
            }
            if !signToken, let token {
                query += "&X-Amz-Security-Token=" + PercentEncoding.encode(token)
            }
            query += "&X-Amz-Signature=" + signature
            result.signedQuery = query
            if case .eksToken = options.mode {
                let host = request.headers.first { $0.name.lowercased() == "host" }?.value ?? ""
                let url = "https://" + host + request.path + "?" + query
                result.eksToken = "k8s-aws-v1." + Base64URL.encode(Array(url.utf8))
            }
        }
        return result
    }
}
