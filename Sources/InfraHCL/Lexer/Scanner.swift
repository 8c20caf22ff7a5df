// Splits HCL source into tokens. HCL's lexical grammar is modal: inside quotes and heredocs
// text is literal until `${`, `%{` or the closing delimiter, and a `}` either closes a brace
// or ends a template sequence, returning to the template it came from. A stack of open
// delimiters tracks which. Comments become newlines (`#`, `//`) or vanish (`/* */`).

/// Tokenizes HCL native syntax.
struct Scanner {
    private enum Frame {
        case brace
        case interpolation
        case quoted
        case heredoc(marker: [UInt8], flush: Bool, startOfLine: Bool)
    }

    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var stack: [Frame] = []
    private(set) var tokens: [Token] = []
    private(set) var diagnostics: [HCLDiagnostic] = []

    /// Scans a whole file; `templateOnly` scans a bare template (the body of a JSON string).
    init(bytes: [UInt8], file: String, start: SourcePosition = SourcePosition(line: 1, column: 1, offset: 0)) {
        self.bytes = bytes
        self.file = file
        self.line = start.line
        self.column = start.column
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column, offset: index) }

    /// Scans source in normal (configuration) mode.
    static func scan(_ bytes: [UInt8], file: String) -> (tokens: [Token], diagnostics: [HCLDiagnostic]) {
        var scanner = Scanner(bytes: bytes, file: file)
        scanner.run()
        return (scanner.tokens, scanner.diagnostics)
    }

    /// Scans a standalone template (no quotes): the text of a JSON string, for example.
    static func scanTemplate(
        _ bytes: [UInt8], file: String, start: SourcePosition
    ) -> (
        tokens: [Token], diagnostics: [HCLDiagnostic]
    ) {
        var scanner = Scanner(bytes: bytes, file: file, start: start)
        scanner.stack = [.heredoc(marker: [], flush: false, startOfLine: false)]
        scanner.run(standaloneTemplate: true)
        return (scanner.tokens, scanner.diagnostics)
    }

    // MARK: Driver

    private mutating func run(standaloneTemplate: Bool = false) {
        while index < bytes.count {
            switch stack.last {
            case .quoted: scanQuotedText()
            case .heredoc(let marker, let flush, let startOfLine):
                if standaloneTemplate && stack.count == 1 {
                    scanStandaloneText()
                } else {
                    scanHeredocText(marker: marker, flush: flush, startOfLine: startOfLine)
                }
            default: scanNormal()
            }
        }
        emit(.eof, from: position)
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func advance(_ count: Int) {
        for _ in 0..<count where index < bytes.count { advance() }
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func emit(_ kind: TokenKind, from start: SourcePosition, strip: Bool = false) {
        tokens.append(Token(kind: kind, start: start, end: position, strip: strip))
    }

    private mutating func error(_ summary: String, _ detail: String, from start: SourcePosition) {
        diagnostics.append(
            HCLDiagnostic(
                summary: summary, detail: detail, range: SourceRange(file: file, start: start, end: position)))
    }

    // MARK: Normal mode

    private mutating func scanNormal() {
        let start = position
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09:
            advance()
        case 0x0D where peek(1) == 0x0A:
            advance(2)
            emit(.newline, from: start)
        case 0x0A:
            advance()
            emit(.newline, from: start)
        case UInt8(ascii: "#"):
            scanLineComment(from: start)
        case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
            scanLineComment(from: start)
        case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
            advance(2)
            while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) {
                advance()
            }
            if index < bytes.count {
                advance(2)
            } else {
                error(
                    "Unterminated comment", "There is no closing marker (\"*/\") for this comment.", from: start)
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber(from: start)
        case UInt8(ascii: "\""):
            advance()
            emit(.oQuote, from: start)
            stack.append(.quoted)
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
            if !scanHeredocIntro(from: start) {
                advance()
                emit(.lessThan, from: start)
            }
        case UInt8(ascii: "{"):
            advance()
            emit(.oBrace, from: start)
            stack.append(.brace)
        case UInt8(ascii: "}"):
            closeBrace(from: start, strip: false)
        case UInt8(ascii: "~") where peek(1) == UInt8(ascii: "}"):
            closeBrace(from: start, strip: true)
        case UInt8(ascii: "["): single(.oBrack, start)
        case UInt8(ascii: "]"): single(.cBrack, start)
        case UInt8(ascii: "("): single(.oParen, start)
        case UInt8(ascii: ")"): single(.cParen, start)
        case UInt8(ascii: ","): single(.comma, start)
        case UInt8(ascii: "?"): single(.question, start)
        case UInt8(ascii: "+"): single(.plus, start)
        case UInt8(ascii: "-"): single(.minus, start)
        case UInt8(ascii: "*"): single(.star, start)
        case UInt8(ascii: "/"): single(.slash, start)
        case UInt8(ascii: "%"): single(.percent, start)
        case UInt8(ascii: ":"):
            if peek(1) == UInt8(ascii: ":") { double(.doubleColon, start) } else { single(.colon, start) }
        case UInt8(ascii: "."):
            if peek(1) == UInt8(ascii: "."), peek(2) == UInt8(ascii: ".") {
                advance(3)
                emit(.ellipsis, from: start)
            } else {
                single(.dot, start)
            }
        case UInt8(ascii: "="):
            if peek(1) == UInt8(ascii: "=") {
                double(.equalOp, start)
            } else if peek(1) == UInt8(ascii: ">") {
                double(.fatArrow, start)
            } else {
                single(.equal, start)
            }
        case UInt8(ascii: "!"):
            if peek(1) == UInt8(ascii: "=") { double(.notEqual, start) } else { single(.bang, start) }
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "=") { double(.lessThanEq, start) } else { single(.lessThan, start) }
        case UInt8(ascii: ">"):
            if peek(1) == UInt8(ascii: "=") { double(.greaterThanEq, start) } else { single(.greaterThan, start) }
        case UInt8(ascii: "&") where peek(1) == UInt8(ascii: "&"):
            double(.and, start)
        case UInt8(ascii: "|") where peek(1) == UInt8(ascii: "|"):
            double(.or, start)
        default:
            if let length = identifierStartLength(at: index) {
                advance(length)
                while let next = identifierContinueLength(at: index) { advance(next) }
                emit(.ident, from: start)
            } else {
                scanInvalid(from: start)
            }
        }
    }

    private mutating func single(_ kind: TokenKind, _ start: SourcePosition) {
        advance()
        emit(kind, from: start)
    }

    private mutating func double(_ kind: TokenKind, _ start: SourcePosition) {
        advance(2)
        emit(kind, from: start)
    }

    private mutating func closeBrace(from start: SourcePosition, strip: Bool) {
        advance(strip ? 2 : 1)
        switch stack.last {
        case .interpolation:
            stack.removeLast()
            emit(.templateSeqEnd, from: start, strip: strip)
            if case .heredoc(let marker, let flush, _) = stack.last {
                stack[stack.count - 1] = .heredoc(marker: marker, flush: flush, startOfLine: false)
            }
        case .brace:
            stack.removeLast()
            if strip { emitInvalidTilde(start) }
            emit(.cBrace, from: start)
        default:
            if strip { emitInvalidTilde(start) }
            emit(.cBrace, from: start)
        }
    }

    private mutating func emitInvalidTilde(_ start: SourcePosition) {
        let end = SourcePosition(line: start.line, column: start.column + 1, offset: start.offset + 1)
        diagnostics.append(
            HCLDiagnostic(
                summary: "Invalid character", detail: "This character is not used within the language.",
                range: SourceRange(file: file, start: start, end: end)))
    }

    private mutating func scanLineComment(from start: SourcePosition) {
        while index < bytes.count, bytes[index] != 0x0A { advance() }
        if index < bytes.count { advance() }
        emit(.newline, from: start)
    }

    private mutating func scanNumber(from start: SourcePosition) {
        while let byte = peek(), isDigit(byte) { advance() }
        if peek() == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            advance()
            while let byte = peek(), isDigit(byte) { advance() }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var length = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { length = 2 }
            if let digit = peek(length), isDigit(digit) {
                advance(length)
                while let byte = peek(), isDigit(byte) { advance() }
            }
        }
        emit(.numberLit, from: start)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `<<EOT` / `<<-EOT` followed by a newline; returns false (consuming nothing) otherwise.
    private mutating func scanHeredocIntro(from start: SourcePosition) -> Bool {
        var cursor = index + 2
        let flush = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "-")
        if flush { cursor += 1 }
        guard let first = identifierStartLength(at: cursor) else { return false }
        let markerStart = cursor
        cursor += first
        while let next = identifierContinueLength(at: cursor) { cursor += next }
        let marker = Array(bytes[markerStart..<cursor])
        var newlineLength = 0
        if cursor < bytes.count, bytes[cursor] == 0x0A {
            newlineLength = 1
        } else if cursor + 1 < bytes.count, bytes[cursor] == 0x0D, bytes[cursor + 1] == 0x0A {
            newlineLength = 2
        }
        guard newlineLength > 0 else { return false }
        advance(cursor - index + newlineLength)
        var token = Token(kind: .oHeredoc, start: start, end: position)
        token.heredocMarker = String(decoding: marker, as: UTF8.self)
        token.heredocFlush = flush
        tokens.append(token)
        stack.append(.heredoc(marker: marker, flush: flush, startOfLine: true))
        return true
    }

    private mutating func scanInvalid(from start: SourcePosition) {
        let byte = bytes[index]
        advance()
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { advance() }
        emit(.invalid, from: start)
        let detail =
            byte == UInt8(ascii: "'")
            ? "Single quotes are not valid. Use double quotes (\") to enclose strings."
            : "This character is not used within the language."
        error("Invalid character", detail, from: start)
    }

    // MARK: Templates

    /// Text of a quoted template, up to `"`, `${`, `%{` or the end of the line.
    private mutating func scanQuotedText() {
        let start = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == 0x0A {
                // Quoted strings cannot span lines; like Terraform, report it and read on to the
                // closing quote so the rest of the file is tokenized as the author meant.
                let newline = position
                advance()
                diagnostics.append(
                    HCLDiagnostic(
                        summary: "Invalid multi-line string",
                        detail: "Quoted strings may not be split over multiple lines. To produce a multi-line string, "
                            + "either use the \\n escape to represent a newline character or use the \"heredoc\" "
                            + "multi-line template syntax.",
                        range: SourceRange(file: file, start: newline, end: newline)))
                continue
            }
            if byte == UInt8(ascii: "\\") {
                advance()
                if index < bytes.count, bytes[index] != 0x0A { advance() }
                continue
            }
            if isSequenceStart(byte), peek(1) == UInt8(ascii: "{") { break }
            if isSequenceStart(byte), peek(1) == byte, peek(2) == UInt8(ascii: "{") {
                advance(3)
                continue
            }
            advance()
        }
        if index > start.offset { emit(.stringLit, from: start) }
        guard index < bytes.count else { return }
        let sequenceStart = position
        switch bytes[index] {
        case UInt8(ascii: "\""):
            advance()
            stack.removeLast()
            emit(.cQuote, from: sequenceStart)
        default:
            openSequence(from: sequenceStart)
        }
    }

    /// One line (or part of a line) of heredoc text; detects the closing marker line.
    private mutating func scanHeredocText(marker: [UInt8], flush: Bool, startOfLine: Bool) {
        if startOfLine, let length = closingMarkerLength(marker) {
            let start = position
            advance(length)
            emit(.cHeredoc, from: start)
            stack.removeLast()
            return
        }
        let start = position
        var endedLine = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                advance()
                endedLine = true
                break
            }
            if isSequenceStart(byte), peek(1) == UInt8(ascii: "{") { break }
            if isSequenceStart(byte), peek(1) == byte, peek(2) == UInt8(ascii: "{") {
                advance(3)
                continue
            }
            advance()
        }
        if index > start.offset { emit(.stringLit, from: start) }
        stack[stack.count - 1] = .heredoc(marker: marker, flush: flush, startOfLine: endedLine)
        if !endedLine, index < bytes.count { openSequence(from: position) }
    }

    /// Text of a standalone template: everything up to `${`/`%{`.
    private mutating func scanStandaloneText() {
        let start = position
        while index < bytes.count {
            let byte = bytes[index]
            if isSequenceStart(byte), peek(1) == UInt8(ascii: "{") { break }
            if isSequenceStart(byte), peek(1) == byte, peek(2) == UInt8(ascii: "{") {
                advance(3)
                continue
            }
            advance()
        }
        if index > start.offset { emit(.stringLit, from: start) }
        if index < bytes.count { openSequence(from: position) }
    }

    /// Length of the closing marker line at the cursor (spaces, marker, spaces; not the newline).
    private func closingMarkerLength(_ marker: [UInt8]) -> Int? {
        var cursor = index
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        guard cursor + marker.count <= bytes.count, Array(bytes[cursor..<cursor + marker.count]) == marker else {
            return nil
        }
        cursor += marker.count
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        if cursor == bytes.count || bytes[cursor] == 0x0A { return cursor - index }
        if bytes[cursor] == 0x0D, cursor + 1 < bytes.count, bytes[cursor + 1] == 0x0A { return cursor - index }
        return nil
    }

    private func isSequenceStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%")
    }

    /// `${`, `${~`, `%{` or `%{~` at the cursor.
    private mutating func openSequence(from start: SourcePosition) {
        let kind: TokenKind = bytes[index] == UInt8(ascii: "$") ? .templateInterp : .templateControl
        advance(2)
        var strip = false
        if peek() == UInt8(ascii: "~") {
            advance()
            strip = true
        }
        emit(kind, from: start, strip: strip)
        stack.append(.interpolation)
    }

    // MARK: Identifiers

    /// Length in bytes of an identifier-start scalar at `offset` (`ID_Start` or `_`).
    private func identifierStartLength(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        let byte = bytes[offset]
        if byte < 0x80 {
            let isLetter =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            return isLetter || byte == UInt8(ascii: "_") ? 1 : nil
        }
        guard let (scalar, length) = decodeScalar(at: offset) else { return nil }
        return scalar.properties.isIDStart ? length : nil
    }

    /// Length in bytes of an identifier-continue scalar at `offset` (`ID_Continue` or `-`).
    private func identifierContinueLength(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        let byte = bytes[offset]
        if byte < 0x80 {
            let isWord =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            return isWord || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") ? 1 : nil
        }
        guard let (scalar, length) = decodeScalar(at: offset) else { return nil }
        return scalar.properties.isIDContinue ? length : nil
    }

    private func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        let byte = bytes[offset]
        let length: Int
        switch byte {
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        var value = UInt32(byte) & (0xFF >> UInt32(length + 1))
        for i in 1..<length {
            let next = bytes[offset + i]
            guard next & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(next & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}
