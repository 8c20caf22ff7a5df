// The JSON signing contract of `shared/testdata/sigv4/README.md`: a case object in, the canonical request,
// string to sign, signature and Authorization / signed query / EKS token out. `infra-manifest sign` wraps it.

import InfraSigV4

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
        var keys = SigningKeyTable()
        var signer = SigV4ByteSigner()
        var output = [UInt8]()
        output.reserveCapacity(input.count + 16)
        if isArray { output.append(UInt8(ascii: "[")) }
        // Each case is signed as soon as it is read; on an error the partial output is dropped.
        var count = 0
        let result: Result<Bool, SigningContractError> = input.withUnsafeBufferPointer { buffer in
            do throws(SigningContractError) {
                return .success(
                    try ContractDecoder.decodeRaw(buffer) { item in
                        if count > 0 { output.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                        let key = keys.key(for: item.request, secret: item.secretAccessKey)
                        signer.sign(item.request, key: key, details: true)
                        appendResult(of: signer, mode: item.request.options.mode, to: &output)
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

    /// Signs every case of `input` and appends each lowercase hex signature and a newline to `output` — the
    /// signature-only batch path: the cases are signed straight from the input bytes, and no canonical request or
    /// string-to-sign text is kept. `input` is a JSON array of case objects, one object, or a comma-separated run
    /// of objects (one of the ``batchParts(of:count:)`` of an array).
    ///
    /// `reuseSigningKeys: false` derives the signing key for every request instead of once per credentials
    /// and scope (what signers without a key cache, such as botocore, do; for comparisons).
    ///
    /// ```swift
    /// var lines = [UInt8]()
    /// try SigningContract.appendSignatures(of: UnsafeRawBufferPointer(start: mapped, count: size), to: &lines)
    /// ```
    public static func appendSignatures(
        of input: UnsafeRawBufferPointer, to output: inout [UInt8], reuseSigningKeys: Bool = true
    ) throws(SigningContractError) {
        var keys = SigningKeyTable(reuse: reuseSigningKeys)
        var signer = SigV4ByteSigner()
        let bytes = input.assumingMemoryBound(to: UInt8.self)
        func sign(_ item: RawSigningCase) {
            let key = keys.key(for: item.request, secret: item.secretAccessKey)
            signer.sign(item.request, key: key, details: false)
            output.append(contentsOf: signer.signature)
            output.append(UInt8(ascii: "\n"))
        }
        if bytes.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 }) == UInt8(ascii: "[") {
            _ = try ContractDecoder.decodeRaw(bytes, each: sign)
        } else {
            try ContractDecoder.decodeRawElements(bytes, each: sign)
        }
    }

    /// Splits a JSON array of case objects into up to `count` parts of whole cases and similar size, in order,
    /// so that several threads can each sign one part with ``appendSignatures(of:to:reuseSigningKeys:)`` and
    /// the outputs, concatenated in order, equal a single-threaded run. Only the array's structure is read
    /// (strings are skipped, not decoded).
    ///
    /// ```swift
    /// let parts = try SigningContract.batchParts(of: bytes, count: 2)
    /// // thread i: try SigningContract.appendSignatures(of: UnsafeRawBufferPointer(rebasing: bytes[parts[i]]), to: &out[i])
    /// ```
    public static func batchParts(
        of input: UnsafeRawBufferPointer, count: Int
    ) throws(SigningContractError)
        -> [Range<Int>]
    {
        guard let runs = ContractBatchSplit.elementRuns(of: input.assumingMemoryBound(to: UInt8.self), parts: count)
        else { throw SigningContractError("batchParts expects a JSON array of request objects") }
        return runs
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
    private static func appendResult(of signer: SigV4ByteSigner, mode: SigV4Mode, to output: inout [UInt8]) {
        output.append(literal: #"{"canonicalRequest":"#)
        ContractJSON.appendString(signer.canonicalRequest, to: &output)
        output.append(literal: #","stringToSign":"#)
        ContractJSON.appendString(signer.stringToSign, to: &output)
        output.append(literal: #","signature":"#)
        ContractJSON.appendString(signer.signature, to: &output)
        switch mode {
        case .header:
            output.append(literal: #","authorization":"#)
            ContractJSON.appendString(signer.authorization, to: &output)
        case .query:
            output.append(literal: #","signedQuery":"#)
            ContractJSON.appendString(signer.signedQuery, to: &output)
        case .eksToken:
            output.append(literal: #","signedQuery":"#)
            ContractJSON.appendString(signer.signedQuery, to: &output)
            output.append(literal: #","eksToken":"#)
            ContractJSON.appendString(signer.eksToken, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}
