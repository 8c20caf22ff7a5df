// Task 1, step 3 of SigV4: the canonical query string.
// Each `key=value` pair is decoded and re-encoded with SigV4's encoding, then sorted by key and value (byte order).

/// A query parameter in canonical (encoded) form.
struct EncodedQueryParameter {
    /// The encoded name.
    var name: [UInt8]
    /// The encoded value (empty for `key` without `=`).
    var value: [UInt8]
}

/// Builds the CanonicalQueryString line of the canonical request.
enum CanonicalQuery {
    /// Splits `query` on `&`, decodes and re-encodes each name and value. Empty pieces are ignored.
    static func parameters(of query: String) -> [EncodedQueryParameter] {
        guard !query.isEmpty else { return [] }
        let bytes = Array(query.utf8)
        var result = [EncodedQueryParameter]()
        for piece in bytes.split(separator: UInt8(ascii: "&")) {
            let name: ArraySlice<UInt8>
            let value: ArraySlice<UInt8>
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                name = piece[piece.startIndex..<equals]
                value = piece[(equals + 1)...]
            } else {
                name = piece
                value = []
            }
            result.append(EncodedQueryParameter(name: reencode(name), value: reencode(value)))
        }
        return result
    }

    /// Sorts by encoded name, then encoded value, and appends `name=value&…` to `output`.
    static func append(_ parameters: [EncodedQueryParameter], to output: inout [UInt8]) {
        let sorted = parameters.sorted { left, right in
            if left.name != right.name { return left.name.lexicographicallyPrecedes(right.name) }
            return left.value.lexicographicallyPrecedes(right.value)
        }
        for (index, parameter) in sorted.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            output.append(contentsOf: parameter.name)
            output.append(UInt8(ascii: "="))
            output.append(contentsOf: parameter.value)
        }
    }

    private static func reencode(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var needsWork = false
        for byte in raw where !PercentEncoding.isUnreserved[Int(byte)] {
            needsWork = true
            break
        }
        guard needsWork else { return Array(raw) }
        var output = [UInt8]()
        output.reserveCapacity(raw.count * 3)
        PercentEncoding.encode(PercentEncoding.decode(raw), keepSlash: false, to: &output)
        return output
    }
}
