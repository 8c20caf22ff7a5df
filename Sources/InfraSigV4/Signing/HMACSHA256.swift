// SHA-256 and HMAC-SHA256 (RFC 2104) over swift-crypto's BoringSSL-backed `SHA256`, fed through raw buffers.
// The HMAC key's inner and outer pads are computed once per key (SigV4 signs many strings with one signing key),
// which skips `HMAC.init`'s per-call key padding, and raw buffers skip the generic `DataProtocol` path.

import Crypto

/// SHA-256 of byte arrays through swift-crypto's raw-buffer entry point.
enum SHA256Bytes {
    /// The SHA-256 digest of `bytes`.
    static func digest(_ bytes: [UInt8]) -> SHA256.Digest {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize()
    }
}

/// An HMAC-SHA256 key with its inner and outer pads precomputed.
struct HMACSHA256Key: Sendable {
    /// `key ^ 0x36` padded to the 64-byte block.
    private let innerPad: [UInt8]
    /// `key ^ 0x5c` padded to the 64-byte block.
    private let outerPad: [UInt8]

    /// Prepares `key` (keys longer than one block are hashed first, as RFC 2104 says).
    init(_ key: [UInt8]) {
        var block = key.count > 64 ? Array(SHA256Bytes.digest(key)) : key
        block.append(contentsOf: repeatElement(0, count: 64 - block.count))
        innerPad = block.map { $0 ^ 0x36 }
        outerPad = block.map { $0 ^ 0x5c }
    }

    /// The HMAC-SHA256 of `message`.
    func code(_ message: [UInt8]) -> SHA256.Digest {
        var inner = SHA256()
        innerPad.withUnsafeBytes { inner.update(bufferPointer: $0) }
        message.withUnsafeBytes { inner.update(bufferPointer: $0) }
        let innerDigest = inner.finalize()
        var outer = SHA256()
        outerPad.withUnsafeBytes { outer.update(bufferPointer: $0) }
        innerDigest.withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }
}
