// YAML that YAML 1.1 readers (kubectl, PyYAML) read back exactly as written.
// YAML 1.1 turns plain scalars such as `on`, `no`, `y`, `~`, `012`, `1_000`, `0x1F`,
// `.inf` and `2024-01-01` into booleans, numbers, null or dates, so a string is written
// plain only when it cannot be mistaken for anything else, and double-quoted otherwise.

/// Writes ``Value``s as YAML block documents that round-trip through YAML 1.1 parsers.
///
/// ```swift
/// let yaml = YAMLWriter().string(["enabled": "on", "replicas": 2])
/// // enabled: "on"
/// // replicas: 2
/// ```
public struct YAMLWriter: Sendable {
    /// Whether object members are written sorted by key instead of in insertion order.
    public var sortKeys: Bool

    /// Creates a writer. Kubernetes manifests keep insertion order (apiVersion, kind, …).
    public init(sortKeys: Bool = false) {
        self.sortKeys = sortKeys
    }

    /// One YAML document (no `---` marker), ending with a newline.
    public func string(_ value: Value) -> String {
        String(decoding: write(value), as: UTF8.self)
    }

    /// One YAML document as UTF-8 bytes.
    public func write(_ value: Value) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        appendDocument(value, to: &out)
        return out
    }

    /// Several documents separated by `---` lines, as `kubectl apply -f` reads them.
    public func writeStream(_ documents: [Value]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024 * documents.count)
        for (index, document) in documents.enumerated() {
            if index > 0 { out.append(contentsOf: "---\n".utf8) }
            appendDocument(document, to: &out)
        }
        return out
    }

    /// Appends one document to `out`.
    public func appendDocument(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .object(let o) where !o.isEmpty:
            appendMapping(o, indent: 0, to: &out)
        case .array(let a) where !a.isEmpty:
            appendSequence(a, indent: 0, to: &out)
        default:
            appendScalar(value, indent: 0, to: &out)
            out.append(0x0A)
        }
    }

    /// Appends `value` where its first line's column is already reached: a non-empty object's
    /// members or a non-empty array's items at `indent` (the first one on the current line), or
    /// the scalar (`{}` and `[]` for empty ones) without the line break that follows it.
    ///
    /// Writers that emit typed values directly use it for the free-form parts, so their
    /// output is byte for byte what ``appendDocument(_:to:)`` writes for the whole value.
    public func appendBody(_ value: Value, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .object(let o) where !o.isEmpty: appendMapping(o, indent: indent, to: &out)
        case .array(let a) where !a.isEmpty: appendSequence(a, indent: indent, to: &out)
        default: appendScalar(value, indent: indent, to: &out)
        }
    }

    private func members(_ o: ValueObject) -> [ValueObject.Member] {
        sortKeys ? o.sortedByKey().members : o.members
    }

    private func appendMapping(_ o: ValueObject, indent: Int, to out: inout [UInt8]) {
        for (index, member) in members(o).enumerated() {
            if index > 0 { spaces(indent, &out) }
            YAMLWriter.appendString(member.key, indent: indent, allowBlock: false, to: &out)
            out.append(0x3A)
            appendNested(member.value, indent: indent, to: &out)
        }
    }

    private func appendSequence(_ a: [Value], indent: Int, to out: inout [UInt8]) {
        for (index, element) in a.enumerated() {
            if index > 0 { spaces(indent, &out) }
            out.append(0x2D)
            out.append(0x20)
            switch element {
            case .object(let o) where !o.isEmpty:
                appendMapping(o, indent: indent + 2, to: &out)
            case .array(let inner) where !inner.isEmpty:
                appendSequence(inner, indent: indent + 2, to: &out)
            default:
                appendScalar(element, indent: indent + 2, to: &out)
                out.append(0x0A)
            }
        }
    }

    /// Writes what follows `key:` — a scalar on the same line or a nested block below.
    private func appendNested(_ value: Value, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .object(let o) where !o.isEmpty:
            out.append(0x0A)
            spaces(indent + 2, &out)
            appendMapping(o, indent: indent + 2, to: &out)
        case .array(let a) where !a.isEmpty:
            out.append(0x0A)
            spaces(indent + 2, &out)
            appendSequence(a, indent: indent + 2, to: &out)
        default:
            out.append(0x20)
            appendScalar(value, indent: indent + 2, to: &out)
            out.append(0x0A)
        }
    }

    private func appendScalar(_ value: Value, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): YAMLWriter.appendNumber(d, to: &out)
        case .string(let s): YAMLWriter.appendString(s, indent: indent, allowBlock: true, to: &out)
        case .array: out.append(contentsOf: [0x5B, 0x5D])
        case .object: out.append(contentsOf: [0x7B, 0x7D])
        }
    }

    @inline(__always)
    private func spaces(_ n: Int, _ out: inout [UInt8]) {
        for _ in 0..<n { out.append(0x20) }
    }

    /// Appends a floating-point number as YAML 1.1 reads it back (`.nan`, `.inf`, `1.0e-07`).
    public static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        if d.isNaN {
            out.append(contentsOf: Array(".nan".utf8))
        } else if d.isInfinite {
            out.append(contentsOf: Array((d < 0 ? "-.inf" : ".inf").utf8))
        } else if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            out.append(contentsOf: String(Int64(d)).utf8)
        } else {
            // YAML 1.1's float pattern needs a dot in the mantissa ("1.0e-07", not "1e-07").
            var text = d.description
            if !text.contains("."), let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                text.insert(contentsOf: ".0", at: e)
            }
            out.append(contentsOf: text.utf8)
        }
    }

    // MARK: Strings

    /// Words that YAML 1.1 resolves to booleans or null when written plain (any case).
    private static let reservedWords: Set<String> = [
        "y", "yes", "n", "no", "true", "false", "on", "off", "null",
    ]

    /// Whether `s` can be written as a plain scalar and still read back as this string:
    /// it starts with a letter, contains only letters, digits and `-._/`, and is not a
    /// YAML 1.1 boolean or null word. Everything that might be a number, date, null,
    /// anchor, tag, comment or indicator fails the first-letter test.
    static func isPlainSafe(_ s: String) -> Bool {
        let utf8 = s.utf8
        guard let first = utf8.first, isASCIILetter(first) else { return false }
        func isPlainByte(_ byte: UInt8) -> Bool {
            isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F
                || byte == 0x2F
        }
        let allPlain =
            utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPlainByte) } ?? utf8.allSatisfy(isPlainByte)
        if !allPlain { return false }
        // Every reserved word starts with y, n, t, f or o (either case); other strings skip the lookup.
        switch first | 0x20 {
        case 0x66, 0x6E, 0x6F, 0x74, 0x79:
            if utf8.count <= 5 && reservedWords.contains(s.lowercased()) { return false }
        default:
            break
        }
        return true
    }

    @inline(__always)
    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

    /// Whether a character must be escaped inside a double-quoted scalar: control
    /// characters, YAML line breaks other than `\n` (NEL, LS, PS), the BOM, and what
    /// YAML 1.1 readers refuse as non-printable (C1 controls, U+FFFE, U+FFFF).
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF
    }

    /// Whether `s` can be written as a literal block (`|`): multi-line text without
    /// characters that need escaping, no carriage returns, no indentation on the first non-empty line
    /// (which would need an indentation indicator) and no whitespace-only or trailing
    /// whitespace lines (which some readers fold away).
    private static func canUseLiteralBlock(_ s: String) -> Bool {
        if let ascii = s.utf8.withContiguousStorageIfAvailable(asciiCanUseLiteralBlock), let answer = ascii {
            return answer
        }
        guard s.utf8.contains(0x0A) else { return false }
        // The first non-empty line fixes the block's indentation (leading empty lines do not),
        // so it must not start with a space or tab.
        let firstContentLine = s.split(separator: "\n").first ?? ""
        if firstContentLine.hasPrefix(" ") || firstContentLine.hasPrefix("\t") || s.hasSuffix("\n\n") { return false }
        for scalar in s.unicodeScalars where scalar != "\n" && (needsEscape(scalar) || scalar == "\t") {
            return false
        }
        let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
        if body.isEmpty { return false }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { continue }
            if line.last == " " { return false }
            if line.allSatisfy({ $0 == " " }) { return false }
        }
        return true
    }

    /// `canUseLiteralBlock` on the bytes of an ASCII string, in one pass without `Character`s (the
    /// vendored CRDs' descriptions are most of the YAML a synth writes); nil when a byte is not ASCII,
    /// where grapheme rules (a space followed by a combining mark is no space) need the general path.
    private static func asciiCanUseLiteralBlock(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var sawNewline = false
        var refused = false
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if byte == 0x0A {
                sawNewline = true
            } else if byte < 0x20 || byte == 0x7F {
                refused = true  // escapes, tabs and carriage returns need a quoted scalar
            } else if byte == 0x20 && !refused {
                // A line ending in a space (the body's last line too; the block's last line break is
                // not part of the body).
                let next = index + 1
                if next == bytes.count || bytes[next] == 0x0A { refused = true }
            }
        }
        guard sawNewline, !refused else { return false }
        // Leading empty lines do not fix the indentation; the first non-empty line does.
        if let first = bytes.firstIndex(where: { $0 != 0x0A }), bytes[first] == 0x20 { return false }
        let count = bytes.count
        if count >= 2 && bytes[count - 1] == 0x0A && bytes[count - 2] == 0x0A { return false }
        // The body (without one final line break) must not be empty.
        return !(count == 1 && bytes[0] == 0x0A)
    }

    /// Appends `s` as a plain, literal-block or double-quoted scalar, whichever reads back exactly.
    ///
    /// `indent` is the column of a literal block's lines; keys pass `allowBlock: false`.
    public static func appendString(_ s: String, indent: Int, allowBlock: Bool, to out: inout [UInt8]) {
        if isPlainSafe(s) {
            appendUTF8(s, to: &out)
            return
        }
        if allowBlock && canUseLiteralBlock(s) {
            out.append(0x7C)
            if !s.hasSuffix("\n") { out.append(0x2D) }
            out.append(0x0A)
            // By bytes: the text has no carriage return (`canUseLiteralBlock`), so each line feed is
            // a grapheme of its own and the lines are the same as `Character`s would split them.
            var utf8 = Array(s.utf8)
            if utf8.last == 0x0A { utf8.removeLast() }
            for line in utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if !line.isEmpty {
                    for _ in 0..<max(indent, 2) { out.append(0x20) }
                    out.append(contentsOf: line)
                }
                out.append(0x0A)
            }
            // The caller appends the line break after a scalar; a block already ended with one.
            out.removeLast()
            return
        }
        appendDoubleQuoted(s, to: &out)
    }

    /// Appends the UTF-8 bytes of `s` with one copy (the generic `append(contentsOf: s.utf8)`
    /// goes byte by byte).
    @inline(__always)
    static func appendUTF8(_ s: String, to out: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) != nil { return }
        out.append(contentsOf: s.utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `s` in double quotes with YAML escapes; printable Unicode is kept as UTF-8.
    static func appendDoubleQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        // Printable ASCII without `"` or `\\` is written as it is (the common case).
        if s.utf8.allSatisfy({ (0x20...0x7E).contains($0) && $0 != 0x22 && $0 != 0x5C }) {
            appendUTF8(s, to: &out)
            out.append(0x22)
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: [0x5C, 0x22])
            case "\\": out.append(contentsOf: [0x5C, 0x5C])
            case "\n": out.append(contentsOf: [0x5C, 0x6E])
            case "\t": out.append(contentsOf: [0x5C, 0x74])
            case "\r": out.append(contentsOf: [0x5C, 0x72])
            default:
                if needsEscape(scalar) {
                    let v = scalar.value
                    if v <= 0xFF {
                        out.append(contentsOf: [0x5C, 0x78, hexDigits[Int(v >> 4)], hexDigits[Int(v & 0xF)]])
                    } else {
                        out.append(contentsOf: [0x5C, 0x75])
                        for shift in stride(from: 12, through: 0, by: -4) {
                            out.append(hexDigits[Int((v >> UInt32(shift)) & 0xF)])
                        }
                    }
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(0x22)
    }
}
