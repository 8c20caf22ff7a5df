// SHA-256 and HMAC-SHA256 (RFC 2104) over swift-crypto's BoringSSL-backed `SHA256`, fed through raw buffers.
// An HMAC key keeps the hash states that have already absorbed its inner and outer pads: SigV4 signs many
// strings with one signing key, so each signature skips `HMAC.init`'s key padding and two block compressions,
// and raw buffers skip the generic `DataProtocol` path.

import Crypto

/// SHA-256 of byte buffers through swift-crypto's raw-buffer entry point.
enum SHA256Bytes {
    /// The SHA-256 digest of `bytes`.
    static func digest(_ bytes: [UInt8]) -> SHA256.Digest {
        bytes.withUnsafeBytes { digest($0) }
    }

    /// The SHA-256 digest of `bytes`.
    static func digest(_ bytes: UnsafeRawBufferPointer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize()
    }
}

/// An HMAC-SHA256 key with its inner and outer pads already absorbed.
///
/// `@unchecked Sendable`: the two states are never mutated in place. `SHA256` is a copy-on-write value (its
/// `update` copies the shared context first), so every ``code(_:)`` works on its own copy.
package struct HMACSHA256Key: @unchecked Sendable {
    /// The hash state after `key ^ 0x36` padded to the 64-byte block.
    private let inner: SHA256
    /// The hash state after `key ^ 0x5c` padded to the 64-byte block.
    private let outer: SHA256

    /// Prepares `key` (keys longer than one block are hashed first, as RFC 2104 says).
    init(_ key: UnsafeRawBufferPointer) {
        (inner, outer) = Self.padStates(key)
    }

    /// The hash states after absorbing `key ^ 0x36` and `key ^ 0x5c`, each padded to the 64-byte block.
    private static func padStates(_ key: UnsafeRawBufferPointer) -> (SHA256, SHA256) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { pads in
            pads.initialize(repeating: 0)
            if key.count > 64 {
                SHA256Bytes.digest(key).withUnsafeBytes { digest in
                    for index in 0..<digest.count { pads[index] = digest[index] }
                }
            } else {
                for index in 0..<key.count { pads[index] = key[index] }
            }
            for index in 0..<64 {
                pads[64 + index] = pads[index] ^ 0x5c
                pads[index] ^= 0x36
            }
            var inner = SHA256()
            var outer = SHA256()
            inner.update(bufferPointer: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(pads)[0..<64]))
            outer.update(bufferPointer: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(pads)[64..<128]))
            return (inner, outer)
        }
    }

    /// The HMAC-SHA256 of `message` under `key`, for a key used once (task 3's chain): the states are
    /// updated in place rather than copied.
    static func code(key: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer) -> SHA256.Digest {
        var (inner, outer) = padStates(key)
        inner.update(bufferPointer: message)
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }

    /// Prepares a key that is itself a digest (the chained keys of task 3).
    init(_ key: SHA256.Digest) {
        self = key.withUnsafeBytes { HMACSHA256Key($0) }
    }

    /// The HMAC-SHA256 of `message`.
    func code(_ message: UnsafeRawBufferPointer) -> SHA256.Digest {
        var inner = self.inner
        inner.update(bufferPointer: message)
        let innerDigest = inner.finalize()
        var outer = self.outer
        innerDigest.withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }

    /// The HMAC-SHA256 of `message`.
    func code(_ message: [UInt8]) -> SHA256.Digest {
        message.withUnsafeBytes { code($0) }
    }

    /// The HMAC-SHA256 of `message`.
    func code(_ message: UnsafeBufferPointer<UInt8>) -> SHA256.Digest {
        code(UnsafeRawBufferPointer(message))
    }
}
