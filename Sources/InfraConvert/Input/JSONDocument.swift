// A small JSON reader that keeps what Terraform's JSON syntax needs and Foundation's
// `JSONSerialization` drops: object members in their written order (duplicates included, so
// they can be reported), numbers as written, and the line and column of every value for
// diagnostics. InfraCore's `JSONReader` (the package's reader for JSON it reads as values)
// keeps member order but not positions, duplicates or the number's text, which convert's
// diagnostics and exact literals need; everything goes through `JSONDocument.parse`.

import InfraHCL

/// A JSON value with its source position.
struct JSONNode: Sendable {
    indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        /// The number's text as written.
        case number(String)
        case string(String)
        case array([JSONNode])
        /// Members in source order.
        case object([(key: String, keyPosition: SourcePosition, value: JSONNode)])
    }

    var kind: Kind
    var position: SourcePosition

    /// The members of an object, or `nil`.
    var members: [(key: String, keyPosition: SourcePosition, value: JSONNode)]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The first member called `key`.
    subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }

    /// The string value, or `nil`.
    var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// Elements of an array, or the value itself as a one-element list.
    var asList: [JSONNode] {
        if case .array(let elements) = kind { return elements }
        return [self]
    }
}

/// Parses JSON text with positions.
enum JSONDocument {
    /// Parses a whole document; a syntax error is a diagnostic at its position.
    static func parse(_ bytes: [UInt8], file: String) -> Result<JSONNode, HCLDiagnostic> {
        var parser = JSONParser(bytes: bytes, file: file)
        do throws(HCLDiagnostic) {
            parser.skipWhitespace()
            let value = try parser.value()
            parser.skipWhitespace()
            if parser.index < bytes.count { throw parser.failure("Extra characters after the JSON value") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    var column = 1

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    var position: SourcePosition { SourcePosition(line: line, column: column, offset: index) }

    func failure(_ summary: String) -> HCLDiagnostic {
        HCLDiagnostic(
            summary: "Invalid JSON", detail: summary, range: SourceRange(file: file, start: position, end: position))
    }

    mutating func advance() {
        if bytes[index] == 0x0A {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(HCLDiagnostic) {
        guard index < bytes.count, bytes[index] == byte else { throw failure("Expected \(what)") }
        advance()
    }

    mutating func value() throws(HCLDiagnostic) -> JSONNode {
        guard index < bytes.count else { throw failure("Unexpected end of input") }
        let start = position
        switch bytes[index] {
        case UInt8(ascii: "{"):
            advance()
            var members: [(key: String, keyPosition: SourcePosition, value: JSONNode)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                advance()
                return JSONNode(kind: .object(members), position: start)
            }
            while true {
                skipWhitespace()
                let keyPosition = position
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw failure("Expected a quoted object key")
                }
                let key = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "\":\" after an object key")
                skipWhitespace()
                members.append((key, keyPosition, try value()))
                skipWhitespace()
                guard index < bytes.count else { throw failure("Unterminated object") }
                if bytes[index] == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                try expect(UInt8(ascii: "}"), "\",\" or \"}\" in an object")
                return JSONNode(kind: .object(members), position: start)
            }
        case UInt8(ascii: "["):
            advance()
            var elements: [JSONNode] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                advance()
                return JSONNode(kind: .array(elements), position: start)
            }
            while true {
                skipWhitespace()
                elements.append(try value())
                skipWhitespace()
                guard index < bytes.count else { throw failure("Unterminated array") }
                if bytes[index] == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                try expect(UInt8(ascii: "]"), "\",\" or \"]\" in an array")
                return JSONNode(kind: .array(elements), position: start)
            }
        case UInt8(ascii: "\""):
            return JSONNode(kind: .string(try string()), position: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONNode(kind: .bool(true), position: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONNode(kind: .bool(false), position: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONNode(kind: .null, position: start)
        default:
            return JSONNode(kind: .number(try number()), position: start)
        }
    }

    mutating func literal(_ word: String) throws(HCLDiagnostic) {
        for byte in word.utf8 { try expect(byte, "\"\(word)\"") }
    }

    mutating func number() throws(HCLDiagnostic) -> String {
        let start = index
        func digits() { while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { advance() } }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { advance() }
        let integerStart = index
        digits()
        guard index > integerStart else { throw failure("Invalid value") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            let fractionStart = index
            digits()
            guard index > fractionStart else { throw failure("Invalid number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { advance() }
            let exponentStart = index
            digits()
            guard index > exponentStart else { throw failure("Invalid number") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func string() throws(HCLDiagnostic) -> String {
        advance()  // opening quote
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard index < bytes.count else { throw failure("Unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(index)
                advance()
                return String(scalars)
            }
            if byte < 0x20 { throw failure("Control character in a string") }
            if byte != UInt8(ascii: "\\") {
                advance()
                continue
            }
            flush(index)
            advance()
            guard index < bytes.count else { throw failure("Unterminated string") }
            let escape = bytes[index]
            advance()
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    advance()
                    advance()
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("Invalid \\u escape") }
                scalars.append(scalar)
            default:
                throw failure("Invalid escape sequence")
            }
            run = index
        }
    }

    mutating func hex4() throws(HCLDiagnostic) -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw failure("Invalid \\u escape") }
        for _ in 0..<4 { advance() }
        return value
    }
}
