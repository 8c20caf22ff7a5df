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
    /// Signing keys are derived once per credentials and scope within the input.
    public static func run(input: [UInt8], batch: Bool) throws(SigningContractError) -> [UInt8] {
        let isArray = input.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 }) == UInt8(ascii: "[")
        if batch && !isArray { throw SigningContractError("--batch expects a JSON array of request objects") }
        var keys = SigV4SigningKeyCache()
        var output = [UInt8]()
        output.reserveCapacity(input.count + 16)
        if isArray { output.append(UInt8(ascii: "[")) }
        // Each case is signed as soon as it is read; on an error the partial output is dropped.
        var count = 0
        let result: Result<Bool, SigningContractError> = input.withUnsafeBufferPointer { buffer in
            do throws(SigningContractError) {
                return .success(
                    try ContractDecoder.decode(buffer) { item in
                        if count > 0 { output.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                        append(item.sign(cache: &keys), to: &output)
                        count += 1
                    })
            } catch {
                return .failure(error)
            }
        }
        _ = try result.get()
        if isArray { output.append(UInt8(ascii: "]")) }
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// Decodes a JSON array of case objects (or one object) into the signer's inputs, without signing.
    ///
    /// ```swift
    /// let cases = try SigningContract.cases(in: Array(json.utf8))
    /// ```
    public static func cases(in input: [UInt8]) throws(SigningContractError) -> [SigningCase] {
        try ContractDecoder.decode(input).cases
    }

    /// Decodes cases straight from memory the caller owns, e.g. a memory-mapped file (no copy of the input).
    ///
    /// ```swift
    /// let cases = try SigningContract.cases(in: UnsafeRawBufferPointer(start: mapped, count: size))
    /// ```
    public static func cases(in input: UnsafeRawBufferPointer) throws(SigningContractError) -> [SigningCase] {
        try ContractDecoder.decode(input.assumingMemoryBound(to: UInt8.self)).cases
    }

    /// Decodes cases one at a time and hands each to `body` as soon as it is read, so a large batch is signed
    /// while it is parsed without holding every request in memory. Cases before an invalid one have already
    /// been handed to `body` when the error is thrown.
    ///
    /// ```swift
    /// var cache = SigV4SigningKeyCache()
    /// try SigningContract.forEachCase(in: bytes) { item in print(item.sign(cache: &cache).signature) }
    /// ```
    public static func forEachCase(
        in input: UnsafeRawBufferPointer, _ body: (SigningCase) -> Void
    ) throws(SigningContractError) {
        _ = try ContractDecoder.decode(input.assumingMemoryBound(to: UInt8.self), each: body)
    }

    /// Appends one result object: canonicalRequest, stringToSign, signature and the mode's own fields.
    private static func append(_ signed: SigV4Signature, to output: inout [UInt8]) {
        output.append(contentsOf: #"{"canonicalRequest":"#.utf8)
        ContractJSON.appendString(signed.canonicalRequest, to: &output)
        output.append(contentsOf: #","stringToSign":"#.utf8)
        ContractJSON.appendString(signed.stringToSign, to: &output)
        output.append(contentsOf: #","signature":"#.utf8)
        ContractJSON.appendString(signed.signature, to: &output)
        if let authorization = signed.authorization {
            output.append(contentsOf: #","authorization":"#.utf8)
            ContractJSON.appendString(authorization, to: &output)
        }
        if let signedQuery = signed.signedQuery {
            output.append(contentsOf: #","signedQuery":"#.utf8)
            ContractJSON.appendString(signedQuery, to: &output)
        }
        if let eksToken = signed.eksToken {
            output.append(contentsOf: #","eksToken":"#.utf8)
            ContractJSON.appendString(eksToken, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}
