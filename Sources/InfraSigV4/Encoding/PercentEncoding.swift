// RFC 3986 percent-encoding as SigV4 defines it: only A-Z a-z 0-9 - _ . ~ stay literal, hex is uppercase.
// Used for the canonical URI (task 1 step 2) and canonical query string (task 1 step 3).

/// Byte-level percent-encoding and decoding for canonical URIs and query strings.
enum PercentEncoding {
    /// `true` for bytes SigV4 leaves unencoded.
    static let isUnreserved: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `bytes` percent-encoded; `keepSlash` leaves `/` literal (paths).
    static func encode<Bytes: Sequence>(_ bytes: Bytes, keepSlash: Bool, to output: inout [UInt8])
    where Bytes.Element == UInt8 {
        for byte in bytes {
            if isUnreserved[Int(byte)] || (keepSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(upperDigits[Int(byte >> 4)])
                output.append(upperDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// Percent-encodes a string (everything but unreserved characters).
    static func encode(_ text: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count * 3)
        encode(text.utf8, keepSlash: false, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `%XY` escapes; a `%` not followed by two hex digits stays literal. `+` is not a space.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "%")) else { return Array(bytes) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
