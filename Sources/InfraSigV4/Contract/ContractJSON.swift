// Writes the JSON of the signing contract's results: string literals escaped per RFC 8259, in runs, so the
// long canonical requests of a `sign --batch` are copied rather than appended byte by byte.

/// JSON output helpers for the signing contract (input is read by `ContractDecoder`).
enum ContractJSON {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

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
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
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
