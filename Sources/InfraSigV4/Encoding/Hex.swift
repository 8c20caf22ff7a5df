// Lowercase hexadecimal, the form SigV4 uses for hashes and signatures (task 1 step 6, task 4).

/// Lowercase hex encoding of digests and signatures.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the lowercase hex form of `bytes` to `output`.
    static func append<Bytes: Sequence>(_ bytes: Bytes, to output: inout [UInt8]) where Bytes.Element == UInt8 {
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
    }

    /// The lowercase hex form of `bytes` as a string.
    static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output = [UInt8]()
        output.reserveCapacity(64)
        append(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
