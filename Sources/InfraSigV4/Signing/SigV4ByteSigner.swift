// SigV4 on byte spans with reusable buffers: the one implementation behind `SigV4.sign` and the signing
// contract. Follows the AWS "Create a signed AWS API request" steps: 1 canonical request, 2 string to sign,
// (3 signing key: passed in), 4 signature, 5 what goes on the wire (Authorization, signed query, EKS token).
// Every buffer is kept between requests, so a batch signs with next to no allocation.

import Crypto

/// Signs ``RawSigningRequest`` values; keep one per thread and reuse it.
package struct SigV4ByteSigner {
    /// The canonical request of the last signing (task 1).
    package private(set) var canonicalRequest = [UInt8]()
    /// The string to sign of the last signing (task 2).
    package private(set) var stringToSign = [UInt8]()
    /// The lowercase hex signature of the last signing (task 4).
    package private(set) var signature = [UInt8]()
    /// The payload hash of the last signing (hex, `UNSIGNED-PAYLOAD` or the caller's hash).
    package private(set) var payloadHash = [UInt8]()
    /// `date/region/service/aws4_request` of the last signing.
    package private(set) var scope = [UInt8]()
    /// The `Authorization` value (header mode, when details were asked for).
    package private(set) var authorization = [UInt8]()
    /// The query string to send (query modes, when details were asked for).
    package private(set) var signedQuery = [UInt8]()
    /// The `k8s-aws-v1.` token (EKS-token mode, when details were asked for).
    package private(set) var eksToken = [UInt8]()

    private var headers = CanonicalHeaders()
    private var query = CanonicalQuery()
    private var uri = CanonicalURI()
    private var scratch = [UInt8]()

    /// Creates a signer with empty buffers.
    package init() {}

    /// `name;name;…` of the last signing.
    var signedHeaders: [UInt8] { headers.signed }

    /// Signs `request` with the derived signing `key`. With `details`, also builds the Authorization value,
    /// signed query or EKS token (a signature-only caller skips them).
    package mutating func sign(_ request: RawSigningRequest, key: HMACSHA256Key, details: Bool) {
        let options = request.options
        scope.removeAll(keepingCapacity: true)
        scope.append(contentsOf: request.dateStamp)
        scope.append(UInt8(ascii: "/"))
        scope.append(contentsOf: request.region)
        scope.append(UInt8(ascii: "/"))
        scope.append(contentsOf: request.service)
        scope.append(literal: "/aws4_request")

        payloadHash.removeAll(keepingCapacity: true)
        switch request.payload {
        case .bytes(let bytes):
            if bytes.isEmpty {
                payloadHash.append(literal: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            } else {
                Hex.append(SHA256Bytes.digest(UnsafeRawBufferPointer(bytes)), to: &payloadHash)
            }
        case .precomputedHash(let hash): payloadHash.append(contentsOf: hash)
        case .unsigned: payloadHash.append(literal: "UNSIGNED-PAYLOAD")
        }
        let signToken = request.sessionToken != nil && !options.omitSessionToken

        // Task 1: headers (plus the signer's own in header mode), then the query (plus the presign
        // parameters in the query modes, which name the signed headers).
        headers.reset()
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        var expiresIn: Int?
        switch options.mode {
        case .header:
            headers.addOwn(name: "x-amz-date", value: request.amzDate)
            if signToken, let token = request.sessionToken {
                headers.addOwn(name: "x-amz-security-token", value: token)
            }
            if options.signedBodyHeader {
                payloadHash.withUnsafeBufferPointer { headers.addOwn(name: "x-amz-content-sha256", value: $0) }
            }
        case .query(let seconds), .eksToken(let seconds):
            expiresIn = seconds
        }
        headers.finish()

        query.reset()
        query.add(query: request.query)
        if let expiresIn {
            let scope = self.scope
            let signed = headers.signed
            query.addEncoded(name: "X-Amz-Algorithm") { $0.append(literal: "AWS4-HMAC-SHA256") }
            query.addEncoded(name: "X-Amz-Credential") { Self.appendCredential(request, scope: scope, to: &$0) }
            query.addEncoded(name: "X-Amz-Date") { $0.append(contentsOf: request.amzDate) }
            query.addEncoded(name: "X-Amz-Expires") { $0.append(contentsOf: String(expiresIn).utf8) }
            query.addEncoded(name: "X-Amz-SignedHeaders") { PercentEncoding.encode(signed, keepSlash: false, to: &$0) }
            if signToken, let token = request.sessionToken {
                query.addEncoded(name: "X-Amz-Security-Token") {
                    PercentEncoding.encode(token, keepSlash: false, to: &$0)
                }
            }
        }

        canonicalRequest.removeAll(keepingCapacity: true)
        canonicalRequest.append(contentsOf: request.method)
        canonicalRequest.append(UInt8(ascii: "\n"))
        uri.append(
            path: request.path, normalize: options.normalizePath, doubleEncode: options.doubleURIEncode,
            to: &canonicalRequest)
        canonicalRequest.append(UInt8(ascii: "\n"))
        query.appendCanonical(to: &canonicalRequest)
        canonicalRequest.append(UInt8(ascii: "\n"))
        canonicalRequest.append(contentsOf: headers.canonical)
        canonicalRequest.append(UInt8(ascii: "\n"))
        canonicalRequest.append(contentsOf: headers.signed)
        canonicalRequest.append(UInt8(ascii: "\n"))
        canonicalRequest.append(contentsOf: payloadHash)

        // Task 2: the string to sign.
        stringToSign.removeAll(keepingCapacity: true)
        stringToSign.append(literal: "AWS4-HMAC-SHA256\n")
        stringToSign.append(contentsOf: request.amzDate)
        stringToSign.append(UInt8(ascii: "\n"))
        stringToSign.append(contentsOf: scope)
        stringToSign.append(UInt8(ascii: "\n"))
        Hex.append(canonicalRequest.withUnsafeBytes { SHA256Bytes.digest($0) }, to: &stringToSign)

        // Task 4: the signature.
        signature.removeAll(keepingCapacity: true)
        Hex.append(stringToSign.withUnsafeBytes { key.code($0) }, to: &signature)

        guard details else { return }
        // Task 5: what goes on the wire.
        switch options.mode {
        case .header:
            authorization.removeAll(keepingCapacity: true)
            authorization.append(literal: "AWS4-HMAC-SHA256 Credential=")
            authorization.append(contentsOf: request.accessKeyId)
            authorization.append(UInt8(ascii: "/"))
            authorization.append(contentsOf: scope)
            authorization.append(literal: ", SignedHeaders=")
            authorization.append(contentsOf: headers.signed)
            authorization.append(literal: ", Signature=")
            authorization.append(contentsOf: signature)
        case .query(let seconds), .eksToken(let seconds):
            appendSignedQuery(request, expiresIn: seconds)
            if case .eksToken = options.mode { makeEKSToken(request) }
        }
    }

    /// `accessKeyId/scope`, percent-encoded (the value of `X-Amz-Credential`).
    private static func appendCredential(_ request: RawSigningRequest, scope: [UInt8], to output: inout [UInt8]) {
        PercentEncoding.encode(request.accessKeyId, keepSlash: false, to: &output)
        output.append(literal: "%2F")
        PercentEncoding.encode(scope, keepSlash: false, to: &output)
    }

    /// The original query, the presign parameters and the signature, in the order they are sent.
    private mutating func appendSignedQuery(_ request: RawSigningRequest, expiresIn: Int) {
        signedQuery.removeAll(keepingCapacity: true)
        signedQuery.append(contentsOf: request.query)
        func parameter(_ name: StaticString) {
            if !signedQuery.isEmpty { signedQuery.append(UInt8(ascii: "&")) }
            signedQuery.append(literal: name)
        }
        parameter("X-Amz-Algorithm=AWS4-HMAC-SHA256")
        parameter("X-Amz-Credential=")
        Self.appendCredential(request, scope: scope, to: &signedQuery)
        parameter("X-Amz-Date=")
        signedQuery.append(contentsOf: request.amzDate)
        parameter("X-Amz-Expires=")
        signedQuery.append(contentsOf: String(expiresIn).utf8)
        parameter("X-Amz-SignedHeaders=")
        PercentEncoding.encode(headers.signed, keepSlash: false, to: &signedQuery)
        if let token = request.sessionToken {
            // Signed or not (`omitSessionToken`), the token follows the other presign parameters.
            signedQuery.append(literal: "&X-Amz-Security-Token=")
            PercentEncoding.encode(token, keepSlash: false, to: &signedQuery)
        }
        signedQuery.append(literal: "&X-Amz-Signature=")
        signedQuery.append(contentsOf: signature)
    }

    /// `k8s-aws-v1.` + base64url of `https://host/path?signedQuery`.
    private mutating func makeEKSToken(_ request: RawSigningRequest) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(literal: "https://")
        for header in request.headers where Self.isHost(header.name) {
            scratch.append(contentsOf: header.value)
            break
        }
        scratch.append(contentsOf: request.path)
        scratch.append(UInt8(ascii: "?"))
        scratch.append(contentsOf: signedQuery)
        eksToken.removeAll(keepingCapacity: true)
        eksToken.append(literal: "k8s-aws-v1.")
        scratch.withUnsafeBufferPointer { Base64URL.encode($0, to: &eksToken) }
    }

    /// `true` for `host` in any case.
    private static func isHost(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 4 && name[0] | 0x20 == UInt8(ascii: "h") && name[1] | 0x20 == UInt8(ascii: "o")
            && name[2] | 0x20 == UInt8(ascii: "s") && name[3] | 0x20 == UInt8(ascii: "t")
    }
}
