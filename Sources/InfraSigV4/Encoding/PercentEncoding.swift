// RFC 3986 percent-encoding as SigV4 defines it: only A-Z a-z 0-9 - _ . ~ stay literal, hex is uppercase.
// Used for the canonical URI (task 1 step 2) and canonical query string (task 1 step 3). Works on raw bytes;
// text that is already canonical (the common case) is recognised and copied in one piece.

/// Byte-level percent-encoding and decoding for canonical URIs and query strings.
enum PercentEncoding {
    /// `true` for bytes SigV4 leaves unencoded (A-Z a-z 0-9 - _ . ~).
    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 97 < 26 || byte &- 48 < 10 || byte == 45 || byte == 95 || byte == 46 || byte == 126
    }

    /// The uppercase hex digit of a nibble.
    @inline(__always)
    private static func upperDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ 48 : nibble &+ 55
    }

    /// Appends `bytes` percent-encoded; `keepSlash` leaves `/` literal (paths).
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>, keepSlash: Bool, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                index += 1
                continue
            }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            output.append(UInt8(ascii: "%"))
            output.append(upperDigit(byte >> 4))
            output.append(upperDigit(byte & 0x0F))
            index += 1
            runStart = index
        }
        if runStart < bytes.count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// Appends `bytes` percent-encoded; `keepSlash` leaves `/` literal (paths).
    static func encode(_ bytes: [UInt8], keepSlash: Bool, to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { encode($0, keepSlash: keepSlash, to: &output) }
    }

    /// Percent-encodes a string (everything but unreserved characters).
    static func encode(_ text: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count * 3)
        encode(Array(text.utf8), keepSlash: false, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `true` when decoding `bytes` and encoding them again gives `bytes` back: every byte is unreserved or part
    /// of a `%XY` escape with uppercase hex for a byte that must stay escaped.
    static func isCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isUnreserved(byte) {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = upperHexValue(bytes[index + 1]), let low = upperHexValue(bytes[index + 2]),
                !isUnreserved(high << 4 | low)
            else { return false }
            index += 3
        }
        return true
    }

    /// Appends the decoded form of `bytes`: `%XY` escapes decoded, a `%` not followed by two hex digits kept
    /// literal; `+` is not a space.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func upperHexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
