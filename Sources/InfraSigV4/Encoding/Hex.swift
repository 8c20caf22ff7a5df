// Lowercase hexadecimal, the form SigV4 uses for hashes and signatures (task 1 step 6, task 4).
// Digests are read through their raw bytes (iterating a swift-crypto digest as a `Sequence` costs a closure
// call per byte) and written straight into the caller's buffer.

import Crypto

/// Lowercase hex encoding of digests and signatures.
enum Hex {
    /// The lowercase hex digit of a nibble.
    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ 48 : nibble &+ 87
    }

    /// Appends the lowercase hex form of `bytes` to `output` (written into a stack buffer, appended at once).
    static func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2) { text in
            for (index, byte) in bytes.enumerated() {
                text[2 * index] = digit(byte >> 4)
                text[2 * index + 1] = digit(byte & 0x0F)
            }
            output.append(contentsOf: UnsafeBufferPointer(text))
        }
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
