// The one JSON reader of the package: RFC 8259 text into `Value`, object members in document
// order (Foundation's reader loses it), errors with line and column. Every place that reads
// JSON — files on disk for `diff`, AWS responses, credential helpers' output — uses it.

/// Reads JSON text into a ``Value``, keeping object members in the order the text has them.
///
/// ```swift
/// let value = try JSONReader.read(#"{"bucket": "logs", "versioned": true}"#)
/// value["bucket"]   // .string("logs")
/// ```
///
/// Integers that fit in `Int` (no fraction, no exponent) become ``Value/int(_:)``, other numbers
/// ``Value/double(_:)``. A key that appears twice keeps its first position and its last value.
/// Invalid UTF-8, unpaired surrogate escapes, control characters in strings, trailing commas
/// and text after the value are errors.
public enum JSONReader {
    /// How deeply arrays and objects may nest before the text is refused (protects the stack).
    public static let maximumDepth = 512

    /// Reads `bytes` (UTF-8) as one JSON value.
    ///
    /// ```swift
    /// let document = try JSONReader.read(Array(data))
    /// ```
    public static func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> Value {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    /// Reads `text` as one JSON value.
    ///
    /// ```swift
    /// let tags = try JSONReader.read(#"{"env": "prod"}"#)
    /// ```
    public static func read(_ text: String) throws(JSONSyntaxError) -> Value {
        try read(Array(text.utf8))
    }

    /// A recursive-descent parser over the bytes; `index` is the next byte to read.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        /// An error at the current position (or at `offset`).
        func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(bytes: bytes, offset: min(offset ?? index, bytes.count), reason: reason)
        }

        /// What the byte at the current position is, for messages.
        func found() -> String {
            guard index < bytes.count else { return "the end of the text" }
            let byte = bytes[index]
            return byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(byte))"
        }

        private func hex(_ byte: UInt8) -> String {
            let text = String(byte, radix: 16, uppercase: true)
            return text.count == 1 ? "0" + text : text
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) -> Value {
            guard index < bytes.count else { throw error("expected a value, found the end of the text") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("expected a value, found \(found())")
            }
        }

        mutating func literal(_ word: StaticString, _ value: Value) throws(JSONSyntaxError) -> Value {
            let start = word.utf8Start
            for offset in 0..<word.utf8CodeUnitCount {
                guard index < bytes.count, bytes[index] == start[offset] else {
                    throw error("expected \(word), found \(found())")
                }
                index += 1
            }
            return value
        }

        mutating func object(depth: Int) throws(JSONSyntaxError) -> Value {
            guard depth <= JSONReader.maximumDepth else {
                throw error("nesting deeper than \(JSONReader.maximumDepth)")
            }
            index += 1
            var members: [ValueObject.Member] = []
            // Positions of keys already read; objects from Terraform files hold thousands of members.
            var positions: [String: Int] = [:]
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(ValueObject())
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("expected a key in quotes, found \(found())")
                }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw error("expected ':' after the key \"\(key)\", found \(found())")
                }
                index += 1
                skipWhitespace()
                let member = try value(depth: depth)
                if let position = positions[key] {
                    members[position].value = member
                } else {
                    positions[key] = members.count
                    members.append(ValueObject.Member(key: key, value: member))
                }
                skipWhitespace()
                guard index < bytes.count else { throw error("expected ',' or '}', found the end of the text") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(ValueObject(uniqueMembers: members))
                default: throw error("expected ',' or '}', found \(found())")
                }
            }
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) -> Value {
            guard depth <= JSONReader.maximumDepth else {
                throw error("nesting deeper than \(JSONReader.maximumDepth)")
            }
            index += 1
            var elements: [Value] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth))
                skipWhitespace()
                guard index < bytes.count else { throw error("expected ',' or ']', found the end of the text") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(elements)
                default: throw error("expected ',' or ']', found \(found())")
                }
            }
        }

        /// A number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        mutating func number() throws(JSONSyntaxError) -> Value {
            let start = index
            var integral = true
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit, found \(found())") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { throw error("a number cannot start with 0") }
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                integral = false
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw error("expected a digit after '.', found \(found())")
                }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                integral = false
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw error("expected a digit in the exponent, found \(found())")
                }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if integral, let integer = Int(text) { return .int(integer) }
            guard let double = Double(text), double.isFinite else {
                throw error("the number \(text) is out of range", at: start)
            }
            return .double(double)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        /// A quoted string with its escapes decoded; the bytes between escapes must be valid UTF-8.
        mutating func string() throws(JSONSyntaxError) -> String {
            let opening = index
            index += 1
            var runStart = index
            // Fast path: no escapes, plain ASCII or UTF-8 copied in one go.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = try decoded(runStart..<index)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            var text = try decoded(runStart..<index)
            runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    text += try decoded(runStart..<index)
                    index += 1
                    return text
                case UInt8(ascii: "\\"):
                    text += try decoded(runStart..<index)
                    text.unicodeScalars.append(try escape())
                    runStart = index
                case 0..<0x20:
                    throw error("a control character (byte 0x\(hex(byte))) must be escaped in a string")
                default:
                    index += 1
                }
            }
            throw error("the string that starts here is not closed", at: opening)
        }

        /// The bytes of `range` as a string; refuses invalid UTF-8 instead of replacing it.
        private func decoded(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
            let slice = bytes[range]
            if slice.contains(where: { $0 >= 0x80 }) {
                // Checked scalar by scalar: `String(decoding:)` would replace bad bytes with U+FFFD.
                var parser = Unicode.UTF8.ForwardParser()
                var iterator = slice.makeIterator()
                var offset = range.lowerBound
                while true {
                    switch parser.parseScalar(from: &iterator) {
                    case .valid(let encoded): offset += encoded.count
                    case .emptyInput: return String(decoding: slice, as: UTF8.self)
                    case .error: throw error("the string is not valid UTF-8", at: offset)
                    }
                }
            }
            return String(decoding: slice, as: UTF8.self)
        }

        /// One escape after `\`: `\" \\ \/ \b \f \n \r \t` or `\uXXXX` (surrogate pairs joined).
        mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
            let start = index
            index += 1
            guard index < bytes.count else { throw error("the string is not closed", at: start) }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let unit = try hexUnit(start: start)
                if (0xD800..<0xDC00).contains(unit) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else {
                        throw error(
                            "the escape \\u\(hex4(unit)) starts a surrogate pair without its second half", at: start)
                    }
                    index += 2
                    let low = try hexUnit(start: start)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw error("the escape \\u\(hex4(unit)) is not followed by a low surrogate", at: start)
                    }
                    let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    guard let scalar = Unicode.Scalar(value) else { throw error("invalid escape", at: start) }
                    return scalar
                }
                guard let scalar = Unicode.Scalar(unit) else {
                    throw error("the escape \\u\(hex4(unit)) is half of a surrogate pair", at: start)
                }
                return scalar
            default:
                throw error("unknown escape \\\(Character(Unicode.Scalar(byte)))", at: start)
            }
        }

        /// Four hex digits after `\u`.
        private mutating func hexUnit(start: Int) throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("expected four hex digits after \\u", at: start) }
            var unit: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
                default: throw error("expected four hex digits after \\u", at: start)
                }
                unit = unit << 4 | digit
                index += 1
            }
            return unit
        }

        private func hex4(_ unit: UInt32) -> String {
            let text = String(unit, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - text.count)) + text
        }
    }
}

/// Why a text is not JSON, and where: line and column (both from 1, columns in characters) and
/// the byte offset.
///
/// ```swift
/// do { _ = try JSONReader.read("{\"a\" 1}") } catch { print(error) }
/// // line 1, column 6: expected ':' after the key "a", found '1'
/// ```
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the problem, from 1.
    public var line: Int
    /// The column of the problem, from 1, counted in Unicode scalars.
    public var column: Int
    /// The byte offset of the problem, from 0.
    public var offset: Int
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(line: Int, column: Int, offset: Int, reason: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.reason = reason
    }

    /// Finds line and column by counting the bytes before `offset` (only when an error is thrown).
    init(bytes: [UInt8], offset: Int, reason: String) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // A UTF-8 continuation byte belongs to the scalar already counted.
                column += 1
            }
        }
        self.init(line: line, column: column, offset: offset, reason: reason)
    }

    /// `line L, column C: reason`.
    public var description: String { "line \(line), column \(column): \(reason)" }
}
