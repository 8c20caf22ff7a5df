// base64url without padding (RFC 4648 §5), the encoding of the EKS bearer token after `k8s-aws-v1.`.

/// base64url encoding without `=` padding, plus standard base64 decoding for the signing contract.
public enum Base64URL {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Encodes `bytes` as base64url without padding.
    ///
    /// ```swift
    /// Base64URL.encode(Array("hi?".utf8))  // "aGk_"
    /// ```
    public static func encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        bytes.withUnsafeBufferPointer { encode($0, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the base64url form of `bytes` (no padding) to `output`.
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + (bytes.count + 2) / 3 * 4)
        alphabet.withUnsafeBufferPointer { alphabet in
            var index = 0
            while index + 3 <= bytes.count {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                output.append(alphabet[Int(chunk >> 18 & 63)])
                output.append(alphabet[Int(chunk >> 12 & 63)])
                output.append(alphabet[Int(chunk >> 6 & 63)])
                output.append(alphabet[Int(chunk & 63)])
                index += 3
            }
            let rest = bytes.count - index
            if rest == 1 {
                let chunk = UInt32(bytes[index]) << 16
                output.append(alphabet[Int(chunk >> 18 & 63)])
                output.append(alphabet[Int(chunk >> 12 & 63)])
            } else if rest == 2 {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
                output.append(alphabet[Int(chunk >> 18 & 63)])
                output.append(alphabet[Int(chunk >> 12 & 63)])
                output.append(alphabet[Int(chunk >> 6 & 63)])
            }
        }
    }

    /// Decodes standard or url-safe base64 (padding optional, whitespace ignored); `nil` on invalid input.
    ///
    /// ```swift
    /// Base64URL.decode("aGk/")  // [104, 105, 63]
    /// ```
    public static func decode(_ text: String) -> [UInt8]? {
        decode(bytes: text.utf8)
    }

    /// Decodes base64 given as UTF-8 bytes (the signing contract decodes bodies straight from its input).
    static func decode<Bytes: Collection>(bytes text: Bytes) -> [UInt8]? where Bytes.Element == UInt8 {
        var output = [UInt8]()
        output.reserveCapacity(text.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in text {
            let value = decodeTable[Int(byte)]
            if value >= 64 {
                if value == skip { continue }
                return nil
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    /// Decodes base64 from a raw buffer into an output sized once (the signing contract's request bodies).
    static func decode(buffer text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output = [UInt8]()
        return decode(buffer: text, appendingTo: &output) ? output : nil
    }

    /// Decodes base64 from a raw buffer and appends the bytes to `output`; `false` (with `output` unchanged) if
    /// `text` is not base64.
    package static func decode(buffer text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Bool {
        let start = output.count
        let capacity = text.count / 4 * 3 + 3
        output.append(contentsOf: repeatElement(0, count: capacity))
        var valid = true
        var written = 0
        output.withUnsafeMutableBufferPointer { whole in
            let output = UnsafeMutableBufferPointer(rebasing: whole[start...])
            decodeTable.withUnsafeBufferPointer { table in
                var accumulator: UInt32 = 0
                var bits = 0
                // Four characters → three bytes while the input is plain base64; the rest (padding,
                // whitespace, an invalid byte) goes through the general loop below.
                var position = 0
                while position + 4 <= text.count {
                    let a = table[Int(text[position])]
                    let b = table[Int(text[position + 1])]
                    let c = table[Int(text[position + 2])]
                    let d = table[Int(text[position + 3])]
                    if (a | b | c | d) >= 64 { break }
                    let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    output[written] = UInt8(truncatingIfNeeded: group >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: group)
                    written += 3
                    position += 4
                }
                for byte in text[position...] {
                    let value = table[Int(byte)]
                    if value >= 64 {
                        if value == skip { continue }
                        valid = false
                        break
                    }
                    accumulator = accumulator << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        output[written] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                        written += 1
                    }
                }
            }
        }
        output.removeSubrange((valid ? start + written : start)...)
        return valid
    }

    /// Marks `=` padding and whitespace in ``decodeTable``.
    private static let skip: UInt8 = 64
    /// Marks bytes that are not base64 in ``decodeTable``.
    private static let invalid: UInt8 = 255

    /// The 6-bit value of each byte (standard and url-safe alphabets), ``skip`` or ``invalid``.
    private static let decodeTable: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): return 63
        case UInt8(ascii: "="), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return skip
        default: return invalid
        }
    }
}
