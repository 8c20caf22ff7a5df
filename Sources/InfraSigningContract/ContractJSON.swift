// Writes the JSON of the signing contract's results: string literals escaped per RFC 8259, in runs, so the
// long canonical requests of a `sign --batch` are copied rather than appended byte by byte.

import InfraSigV4

/// JSON output helpers for the signing contract (input is read by `ContractDecoder`).
enum ContractJSON {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// The index of the first byte at or after `start` that JSON must escape (a control character, `"` or `\\`),
    /// or `bytes.count`. Eight bytes at a time (SWAR): canonical requests are long and rarely need escapes other
    /// than their newlines.
    private static func nextSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes = ones &* UInt64(UInt8(ascii: "\""))
            let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
            while position + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let quote = word ^ quotes
                let backslash = word ^ backslashes
                // Bytes below 0x20, and zero bytes of `quote` / `backslash`; the first flagged byte is exact.
                let control = (word &- ones &* 0x20) & ~word
                let hits = (control | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
                if hits != 0 { return position + hits.trailingZeroBitCount / 8 }
                position += 8
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return position }
            position += 1
        }
        return position
    }

    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &output) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal.
    static func appendString(_ bytes: [UInt8], to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendString($0, to: &output) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < bytes.count {
            index = nextSpecial(in: bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): output.append(literal: "\\\"")
            case UInt8(ascii: "\\"): output.append(literal: "\\\\")
            case UInt8(ascii: "\n"): output.append(literal: "\\n")
            case UInt8(ascii: "\r"): output.append(literal: "\\r")
            case UInt8(ascii: "\t"): output.append(literal: "\\t")
            default:
                output.append(literal: "\\u00")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        output.append(UInt8(ascii: "\""))
    }
}

/// Why the contract input could not be read.
public struct SigningContractError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A human-readable explanation.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
