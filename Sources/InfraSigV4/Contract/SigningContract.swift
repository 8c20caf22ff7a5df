// The JSON signing contract of `shared/testdata/sigv4/README.md`: a case object in, the canonical request,
// string to sign, signature and Authorization / signed query / EKS token out. `infra-manifest sign` wraps it.

/// Runs the signing contract on JSON input.
///
/// ```swift
/// let output = try SigningContract.run(input: Array(json.utf8), batch: false)
/// ```
public enum SigningContract {
    /// Signs one case object (or, with `batch`, an array of them) and returns the JSON result (newline-terminated).
    ///
    /// An array is always signed as a batch, so a batch-capable caller that forgets `--batch` still gets an array.
    public static func run(input: [UInt8], batch: Bool) throws(SigningContractError) -> [UInt8] {
        let document = try ContractJSONParser.parse(input)
        var output = [UInt8]()
        var keys = [String: SigV4SigningKey]()
        var isArray = false
        if case .array = document { isArray = true }
        if batch || isArray {
            guard case .array(let cases) = document else {
                throw SigningContractError("--batch expects a JSON array of request objects")
            }
            output.reserveCapacity(cases.count * 900)
            output.append(UInt8(ascii: "["))
            for (index, item) in cases.enumerated() {
                if index > 0 { output.append(contentsOf: Array(",\n".utf8)) }
                try sign(item, position: index, keys: &keys, to: &output)
            }
            output.append(contentsOf: Array("]\n".utf8))
        } else {
            guard case .object = document else {
                throw SigningContractError("expected one JSON request object (use --batch for an array)")
            }
            try sign(document, position: nil, keys: &keys, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }

    /// Decodes a case object into the signer's inputs.
    static func decode(
        _ item: ContractJSON, position: Int?
    ) throws(SigningContractError) -> (
        request: SigV4Request, credentials: SigV4Credentials, region: String, service: String,
        time: SigV4Timestamp, options: SigV4Options
    ) {
        let where_ = position.map { "request[\($0)]: " } ?? ""
        func fail(_ message: String) -> SigningContractError { SigningContractError(where_ + message) }
        guard case .object = item else { throw fail("expected an object") }
        guard let credentials = item["credentials"], let accessKeyId = credentials["accessKeyId"]?.string,
            let secret = credentials["secretAccessKey"]?.string
        else { throw fail("credentials.accessKeyId and credentials.secretAccessKey are required") }
        let token = credentials["sessionToken"]?.string
        guard let region = item["region"]?.string, let service = item["service"]?.string else {
            throw fail("region and service are required")
        }
        guard let timestampText = item["timestamp"]?.string, let time = SigV4Timestamp(amzDate: timestampText) else {
            throw fail("timestamp must look like 20150830T123600Z")
        }
        guard let requestObject = item["request"], let method = requestObject["method"]?.string else {
            throw fail("request.method is required")
        }
        let path = requestObject["path"]?.string ?? "/"
        let query = requestObject["query"]?.string ?? ""
        var headers = [SigV4Header]()
        if case .array(let pairs)? = requestObject["headers"] {
            for pair in pairs {
                guard case .array(let parts) = pair, parts.count == 2, let name = parts[0].string,
                    let value = parts[1].string
                else { throw fail("request.headers must be [name, value] pairs") }
                headers.append(SigV4Header(name, value))
            }
        }
        let bodyText = requestObject["bodyBase64"]?.string ?? ""
        guard let body = Base64URL.decode(bodyText) else { throw fail("request.bodyBase64 is not base64") }
        let optionObject = item["options"] ?? .object([:])
        var options = SigV4Options()
        options.normalizePath = optionObject["normalizePath"]?.bool ?? true
        options.doubleURIEncode = optionObject["doubleURIEncode"]?.bool ?? true
        options.signedBodyHeader = optionObject["signedBodyHeader"]?.bool ?? false
        options.omitSessionToken = optionObject["omitSessionToken"]?.bool ?? false
        let expiresIn = optionObject["expiresIn"]?.int
        switch optionObject["mode"]?.string ?? "header" {
        case "header": options.mode = .header
        case "query": options.mode = .query(expiresIn: expiresIn ?? 3600)
        case "eks-token": options.mode = .eksToken(expiresIn: expiresIn ?? 60)
        case let other: throw fail("unknown options.mode \"\(other)\" (header, query or eks-token)")
        }
        let unsigned = optionObject["unsignedPayload"]?.bool ?? false
        let request = SigV4Request(
            method: method, path: path, query: query, headers: headers, payload: unsigned ? .unsigned : .bytes(body))
        return (
            request, SigV4Credentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token),
            region, service, time, options
        )
    }

    private static func sign(
        _ item: ContractJSON, position: Int?, keys: inout [String: SigV4SigningKey], to output: inout [UInt8]
    ) throws(SigningContractError) {
        let input = try decode(item, position: position)
        let cacheKey =
            input.credentials.accessKeyId + "\u{0}" + input.credentials.secretAccessKey + "\u{0}"
            + input.time.dateStamp + "\u{0}" + input.region + "\u{0}" + input.service
        let key: SigV4SigningKey
        if let cached = keys[cacheKey] {
            key = cached
        } else {
            key = SigV4SigningKey(
                credentials: input.credentials, dateStamp: input.time.dateStamp, region: input.region,
                service: input.service)
            keys[cacheKey] = key
        }
        let signed = SigV4.sign(
            input.request, credentials: input.credentials, region: input.region, service: input.service,
            time: input.time, options: input.options, signingKey: key)
        var fields: [(String, String)] = [
            ("canonicalRequest", signed.canonicalRequest), ("stringToSign", signed.stringToSign),
            ("signature", signed.signature),
        ]
        if let authorization = signed.authorization { fields.append(("authorization", authorization)) }
        if let signedQuery = signed.signedQuery { fields.append(("signedQuery", signedQuery)) }
        if let eksToken = signed.eksToken { fields.append(("eksToken", eksToken)) }
        output.append(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            ContractJSON.appendString(field.0, to: &output)
            output.append(UInt8(ascii: ":"))
            ContractJSON.appendString(field.1, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}
