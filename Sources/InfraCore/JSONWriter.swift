// Deterministic JSON (RFC 8259): the same Value always gives the same bytes.
// Written straight into a byte buffer; synthesis of 10,000 resources spends most of
// its time here, so the hot paths avoid String concatenation and Foundation.

/// Writes ``Value``s as deterministic JSON text.
///
/// ```swift
/// let bytes = JSONWriter(sortKeys: true).write(["b": 1, "a": [true, nil]])
/// // {"a": [true, null], "b": 1} (pretty-printed with two-space indentation)
/// ```
public struct JSONWriter: Sendable {
    /// Whether object members are written sorted by key instead of in insertion order.
    public var sortKeys: Bool
    /// Whether to indent with two spaces per level and put members on their own lines.
    public var pretty: Bool

    /// Creates a writer.
    public init(sortKeys: Bool = true, pretty: Bool = true) {
        self.sortKeys = sortKeys
        self.pretty = pretty
    }

    /// The JSON text of `value` as UTF-8 bytes, ending with a newline when pretty.
    public func write(_ value: Value) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        append(value, to: &out)
        if pretty { out.append(0x0A) }
        return out
    }

    /// The JSON text of `value` as a string.
    public func string(_ value: Value) -> String {
        String(decoding: write(value), as: UTF8.self)
    }

    /// Appends the JSON text of `value` to `out` without a trailing newline.
    public func append(_ value: Value, to out: inout [UInt8]) {
        appendValue(value, indent: 0, to: &out)
    }

    private func appendValue(_ value: Value, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: JSONWriter.nullBytes)
        case .bool(let b): out.append(contentsOf: b ? JSONWriter.trueBytes : JSONWriter.falseBytes)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): JSONWriter.appendNumber(d, to: &out)
        case .string(let s): JSONWriter.appendString(s, to: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: [0x5B, 0x5D])
                return
            }
            out.append(0x5B)
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(0x2C) }
                newline(indent + 1, &out)
                appendValue(element, indent: indent + 1, to: &out)
            }
            newline(indent, &out)
            out.append(0x5D)
        case .object(let object):
            if object.isEmpty {
                out.append(contentsOf: [0x7B, 0x7D])
                return
            }
            let members = sortKeys ? object.sortedByKey().members : object.members
            out.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(0x2C) }
                newline(indent + 1, &out)
                JSONWriter.appendString(member.key, to: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                appendValue(member.value, indent: indent + 1, to: &out)
            }
            newline(indent, &out)
            out.append(0x7D)
        }
    }

    @inline(__always)
    private func newline(_ indent: Int, _ out: inout [UInt8]) {
        guard pretty else { return }
        out.append(0x0A)
        for _ in 0..<indent { out.append(contentsOf: [0x20, 0x20]) }
    }

    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a number; integral values within 2^53 are written without a fraction so
    /// `3.0` and `3` give the same text. Non-finite numbers have no JSON form and become `null`.
    static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else {
            out.append(contentsOf: nullBytes)
            return
        }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            out.append(contentsOf: String(Int64(d)).utf8)
        } else {
            // Swift's description is the shortest text that reads back as the same Double,
            // and uses only JSON's number grammar for finite values ("1e-07", "0.1").
            out.append(contentsOf: d.description.utf8)
        }
    }

    /// Appends a quoted JSON string, escaping `"`, `\` and control characters (RFC 8259 §7).
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        let utf8 = s.utf8
        // Fast path: most strings need no escaping and are copied in one go.
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: utf8)
            out.append(0x22)
            return
        }
        for byte in utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
