// Lowercase hexadecimal, the form SigV4 uses for hashes and signatures (task 1 step 6, task 4).
// Digests are read through their raw bytes: iterating a swift-crypto digest as a `Sequence` costs a closure
// call per byte.

import Crypto

/// Lowercase hex encoding of digests and signatures.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the lowercase hex form of `bytes` to `output`.
    static func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        let text = [UInt8](unsafeUninitializedCapacity: bytes.count * 2) { text, count in
            digits.withUnsafeBufferPointer { digits in
                for (index, byte) in bytes.enumerated() {
                    text[2 * index] = digits[Int(byte >> 4)]
                    text[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
            }
            count = bytes.count * 2
        }
        output.append(contentsOf: text)
    }

    /// Appends the lowercase hex form of a SHA-256 digest to `output`.
    static func append(_ digest: SHA256.Digest, to output: inout [UInt8]) {
        digest.withUnsafeBytes { append($0, to: &output) }
    }

    /// The lowercase hex form of a SHA-256 digest as a string.
    static func string(_ digest: SHA256.Digest) -> String {
        var output = [UInt8]()
        output.reserveCapacity(64)
        append(digest, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
