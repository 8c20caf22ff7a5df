// The content hash the record keeps for each file: SHA-256 (swift-crypto, BoringSSL on Linux,
// CryptoKit on Apple platforms) as 64 lowercase hex digits, the form `sha256sum` prints.

import Crypto

/// SHA-256 of file contents, as lowercase hex.
enum ContentHash {
    /// The SHA-256 of `bytes` as 64 lowercase hex digits.
    static func sha256(_ bytes: [UInt8]) -> String {
        sha256(chunks: [bytes])
    }

    /// The SHA-256 of `chunks` one after another (an ``Artifact``'s contents), as 64 lowercase hex digits.
    static func sha256(chunks: [[UInt8]]) -> String {
        var hasher = SHA256()
        for chunk in chunks { chunk.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
        let digest = hasher.finalize()
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `text` has the form ``sha256(_:)`` gives.
    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { hexDigits.contains($0) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
