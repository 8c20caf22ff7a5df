// Templates (spec: "Templates"): first a flat list of parts — decoded literal text with strip
// markers applied, interpolations, and directive markers — then `<<-` indentation removal,
// merging of adjacent literals, and finally the tree of `if`/`for` directives. A template
// that is exactly one interpolation is "unwrapped" to that expression's value.

extension Parser {
    private enum RawPart {
        case literal(String, SourceRange)
        case interpolation(HCLExpression)
        case ifOpen(HCLExpression, SourceRange)
        case elseMark(SourceRange)
        case endIf(SourceRange)
        case forOpen(key: String?, value: String, collection: HCLExpression, SourceRange)
        case endFor(SourceRange)

        var isLiteral: Bool { if case .literal = self { true } else { false } }
    }

    enum TemplateSource { case quoted, heredoc, standalone }

    /// `"…"` after its opening quote.
    mutating func parseQuotedTemplate() throws(ParseAbort) -> HCLExpression {
        let open = read()
        let (parts, end) = try parseTemplateParts(until: .cQuote, source: .quoted, open: open)
        return finishTemplate(parts, style: .quoted, range: range(from: open.start, to: end))
    }

    /// `<<EOT … EOT` after its introducer.
    mutating func parseHeredoc() throws(ParseAbort) -> HCLExpression {
        let open = read()
        var (parts, end) = try parseTemplateParts(until: .cHeredoc, source: .heredoc, open: open)
        if open.heredocFlush { Self.flushIndentation(&parts) }
        return finishTemplate(
            parts, style: .heredoc(marker: open.heredocMarker, indented: open.heredocFlush),
            range: range(from: open.start, to: end))
    }

    /// A whole token stream that is one standalone template (a JSON string's text).
    mutating func parseStandaloneTemplate() throws(ParseAbort) -> HCLExpression {
        let start = tokens[index].start
        let (parts, end) = try parseTemplateParts(until: .eof, source: .standalone, open: nil)
        return finishTemplate(parts, style: .standalone, range: range(from: start, to: end))
    }

    private mutating func finishTemplate(
        _ raw: [RawPart], style: HCLTemplate.Style, range: SourceRange
    )
        -> HCLExpression
    {
        if raw.count == 1, case .interpolation(let inner) = raw[0] {
            return HCLExpression(.templateWrap(inner), range: range)
        }
        var merged: [RawPart] = []
        for part in raw {
            if case .literal(let text, let partRange) = part,
                case .literal(let previous, let previousRange) = merged.last
            {
                merged[merged.count - 1] = .literal(previous + text, previousRange.through(partRange))
            } else {
                merged.append(part)
            }
        }
        var cursor = 0
        let parts = buildTree(merged, cursor: &cursor, closing: nil)
        return HCLExpression(.template(HCLTemplate(parts: parts, style: style)), range: range)
    }

    // MARK: Flat parts

    private mutating func parseTemplateParts(
        until end: TokenKind, source: TemplateSource, open: Token?
    )
        throws(ParseAbort) -> ([RawPart], SourcePosition)
    {
        var parts: [RawPart] = []
        var trimNextLeading = false
        var nextCanTrimPrevious = false
        while true {
            let token = tokens[index]
            if token.kind == end {
                if end != .eof { index += 1 }
                if parts.isEmpty, let open {
                    parts.append(.literal("", range(from: open.end, to: open.end)))
                }
                return (parts, token.end)
            }
            let trimLeading = trimNextLeading
            trimNextLeading = false
            let canTrimPrevious = nextCanTrimPrevious
            nextCanTrimPrevious = false
            switch token.kind {
            case .stringLit:
                index += 1
                var value = source == .quoted ? decodeQuoted(token) : decodeUnquoted(token)
                if trimLeading { value = String(value.drop(while: \.isWhitespace)) }
                parts.append(.literal(value, range(token)))
                nextCanTrimPrevious = true
            case .templateInterp:
                if canTrimPrevious, token.strip { trimTrailing(&parts) }
                index += 1
                pushNewlines(false)
                let expression = try parseExpression()
                let close = peek()
                popNewlines()
                try checkSequenceEnd(close, opener: token, source: source)
                index += 1
                if close.strip { trimNextLeading = true }
                parts.append(.interpolation(expression))
            case .templateControl:
                if canTrimPrevious, token.strip { trimTrailing(&parts) }
                index += 1
                pushNewlines(false)
                let part = try parseDirective(opener: token)
                let close = peek()
                popNewlines()
                guard close.kind == .templateSeqEnd else {
                    throw abort(
                        "Extra characters in directive marker",
                        "Expected a closing brace to end the sequence, but found extra characters.", at: close)
                }
                index += 1
                if close.strip { trimNextLeading = true }
                parts.append(part)
            default:
                let detail =
                    source == .heredoc
                    ? "There is no closing marker for this heredoc before the end of the file."
                    : "No closing marker was found for the string."
                // Terraform points at the end of the file for a heredoc, at the opening quote otherwise.
                throw abort("Unterminated template string", detail, at: source == .heredoc ? token : open ?? token)
            }
        }
    }

    private func trimTrailing(_ parts: inout [RawPart]) {
        guard case .literal(let text, let partRange) = parts.last else { return }
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        parts[parts.count - 1] = .literal(String(trimmed), partRange)
    }

    private mutating func checkSequenceEnd(_ close: Token, opener: Token, source: TemplateSource) throws(ParseAbort) {
        guard close.kind != .templateSeqEnd else { return }
        switch close.kind {
        case .eof:
            throw abort(
                "Unclosed template interpolation sequence",
                "There is no closing brace for this interpolation sequence before the end of the file. This might "
                    + "be caused by incorrect nesting inside the given expression.", at: opener)
        case .cQuote where source == .quoted, .oQuote where source == .quoted:
            throw abort(
                "Unclosed template interpolation sequence",
                "There is no closing brace for this interpolation sequence before the end of the quoted template. "
                    + "This might be caused by incorrect nesting inside the given expression.", at: opener)
        default:
            throw abort(
                "Extra characters after interpolation expression",
                "Expected a closing brace to end the interpolation expression, but found extra characters. If this "
                    + "is an embedded sequence for another language, escape it by starting with \"$${\" instead of "
                    + "just \"${\".", at: close)
        }
    }

    /// The keyword and operands of `%{ … }`.
    private mutating func parseDirective(opener: Token) throws(ParseAbort) -> RawPart {
        let keyword = peek()
        guard keyword.kind == .ident else {
            throw abort(
                "Invalid template directive",
                "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.",
                at: keyword)
        }
        read()
        let whole = range(from: opener.start, to: keyword.end)
        switch text(keyword) {
        case "if":
            return .ifOpen(try parseExpression(), whole)
        case "else":
            return .elseMark(whole)
        case "endif":
            return .endIf(whole)
        case "endfor":
            return .endFor(whole)
        case "for":
            let first = peek()
            guard first.kind == .ident else {
                throw abort("Invalid 'for' directive", "For directive requires variable name after 'for'.", at: first)
            }
            read()
            var key: String?
            var value = text(first)
            if peek().kind == .comma {
                read()
                let second = peek()
                guard second.kind == .ident else {
                    throw abort(
                        "Invalid 'for' directive", "For directive requires value variable name after comma.",
                        at: second)
                }
                read()
                key = value
                value = text(second)
            }
            let inToken = peek()
            guard inToken.kind == .ident, text(inToken) == "in" else {
                throw abort("Invalid 'for' directive", "For directive requires 'in' keyword after names.", at: inToken)
            }
            read()
            let collection = try parseExpression()
            return .forOpen(key: key, value: value, collection: collection, whole)
        default:
            throw abort(
                "Invalid template control keyword",
                "\"\(text(keyword))\" is not a valid template control keyword.", at: keyword)
        }
    }

    // MARK: Tree

    /// Builds parts until the directive that closes `closing` (`if` or `for`), or the end.
    private mutating func buildTree(_ raw: [RawPart], cursor: inout Int, closing: RawPart?) -> [HCLTemplatePart] {
        var parts: [HCLTemplatePart] = []
        while cursor < raw.count {
            let part = raw[cursor]
            cursor += 1
            switch part {
            case .literal(let text, _):
                parts.append(.literal(text))
            case .interpolation(let expression):
                parts.append(.interpolation(expression))
            case .ifOpen(let condition, let openRange):
                var then = buildTree(raw, cursor: &cursor, closing: part)
                var otherwise: [HCLTemplatePart] = []
                if cursor > 0, cursor <= raw.count, case .elseMark = raw[cursor - 1] {
                    otherwise = buildTree(raw, cursor: &cursor, closing: .elseMark(openRange))
                }
                if !closed(raw, cursor, by: "endif") {
                    error(
                        "Unexpected end of template",
                        "The if directive at \(openRange) is missing its corresponding endif directive.", at: openRange)
                }
                if then.isEmpty { then = [.literal("")] }
                if otherwise.isEmpty { otherwise = [.literal("")] }
                parts.append(.ifDirective(condition: condition, then: then, otherwise: otherwise))
            case .forOpen(let key, let value, let collection, let openRange):
                var body = buildTree(raw, cursor: &cursor, closing: part)
                if !closed(raw, cursor, by: "endfor") {
                    error(
                        "Unexpected end of template",
                        "The for directive at \(openRange) is missing its corresponding endfor directive.",
                        at: openRange)
                }
                if body.isEmpty { body = [.literal("")] }
                parts.append(.forDirective(key: key, value: value, collection: collection, body: body))
            case .elseMark(let markRange):
                switch closing {
                case .ifOpen?: return parts
                default:
                    error(
                        "Unexpected else directive", "The control directives within this template are unbalanced.",
                        at: markRange)
                }
            case .endIf(let markRange):
                switch closing {
                case .ifOpen?, .elseMark?: return parts
                default:
                    error(
                        "Unexpected endif directive", "The control directives within this template are unbalanced.",
                        at: markRange)
                }
            case .endFor(let markRange):
                if case .forOpen? = closing { return parts }
                error(
                    "Unexpected endfor directive", "The control directives within this template are unbalanced.",
                    at: markRange)
            }
        }
        return parts
    }

    /// Whether the part just consumed (at `cursor - 1`) is the expected closing directive.
    private func closed(_ raw: [RawPart], _ cursor: Int, by keyword: String) -> Bool {
        guard cursor > 0, cursor <= raw.count else { return false }
        switch (raw[cursor - 1], keyword) {
        case (.endIf, "endif"), (.endFor, "endfor"): return true
        default: return false
        }
    }

    // MARK: Heredoc indentation

    /// `<<-`: removes the smallest indentation of the line-leading literals from each of them
    /// (lines of only spaces are ignored; a line starting with an interpolation counts as 0).
    private static func flushIndentation(_ parts: inout [RawPart]) {
        var minimum = Int.max
        var atLineStart = true
        var adjust: [Int] = []
        for (position, part) in parts.enumerated() {
            if atLineStart {
                atLineStart = false
                if case .literal(let text, _) = part {
                    let indentation = text.prefix(while: \.isWhitespace)
                    if indentation.count == text.count, text.hasSuffix("\n") {
                        // a blank line: not counted
                    } else {
                        minimum = Swift.min(minimum, indentation.count)
                        adjust.append(position)
                    }
                } else {
                    minimum = 0
                }
            }
            if case .literal(let text, _) = part, text.hasSuffix("\n") { atLineStart = true }
        }
        guard minimum != Int.max else { return }
        for position in adjust {
            if case .literal(let text, let partRange) = parts[position] {
                parts[position] = .literal(String(text.dropFirst(minimum)), partRange)
            }
        }
    }

    // MARK: Literal text

    /// Decodes a quoted-template literal: backslash escapes and `$${`/`%%{`.
    mutating func decodeQuoted(_ token: Token) -> String {
        let raw = bytes[token.start.offset..<token.end.offset]
        var result = String.UnicodeScalarView()
        var scalars = Array(String(decoding: raw, as: UTF8.self).unicodeScalars)
        scalars.append(" ")  // sentinel for look-ahead
        var i = 0
        var column = token.start.column
        var offset = token.start.offset
        func escapeRange(_ length: Int) -> SourceRange {
            SourceRange(
                file: file, start: SourcePosition(line: token.start.line, column: column, offset: offset),
                end: SourcePosition(line: token.start.line, column: column + length, offset: offset + length))
        }
        while i < scalars.count - 1 {
            let scalar = scalars[i]
            if scalar == "\\" {
                let selector = scalars[i + 1]
                var consumed = 2
                switch selector {
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "u", "U":
                    let count = selector == "u" ? 4 : 8
                    let digits = String(
                        String.UnicodeScalarView(scalars[(i + 2)..<Swift.min(i + 2 + count, scalars.count - 1)]))
                    if digits.count == count, let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value)
                    {
                        result.append(decoded)
                        consumed = 2 + count
                    } else {
                        error(
                            "Invalid escape sequence",
                            "The \\\(selector) escape sequence must be followed by \(count) hexadecimal digits "
                                + "that name a Unicode character.", at: escapeRange(2))
                    }
                default:
                    error(
                        "Invalid escape sequence",
                        "The symbol \"\(selector)\" is not a valid escape sequence selector.", at: escapeRange(2))
                }
                for k in 0..<consumed { offset += scalarLength(scalars[i + k]) }
                column += consumed
                i += consumed
                continue
            }
            if scalar == "$" || scalar == "%", scalars[i + 1] == scalar, i + 2 < scalars.count - 1,
                scalars[i + 2] == "{"
            {
                result.append(scalar)
                result.append("{")
                i += 3
                column += 3
                offset += 3
                continue
            }
            result.append(scalar)
            offset += scalarLength(scalar)
            column += 1
            i += 1
        }
        return String(result)
    }

    /// Decodes heredoc or standalone literal text: only `$${` and `%%{` are escapes.
    func decodeUnquoted(_ token: Token) -> String {
        let raw = String(decoding: bytes[token.start.offset..<token.end.offset], as: UTF8.self)
        guard raw.contains("$${") || raw.contains("%%{") else { return raw }
        return raw.replacingEscapedSequences()
    }

    private func scalarLength(_ scalar: Unicode.Scalar) -> Int { String(scalar).utf8.count }
}

extension String {
    /// `$${` → `${` and `%%{` → `%{`, left to right.
    fileprivate func replacingEscapedSequences() -> String {
        var result = ""
        var characters = Array(unicodeScalars)
        characters.append(" ")
        var i = 0
        while i < characters.count - 1 {
            let c = characters[i]
            if c == "$" || c == "%", characters[i + 1] == c, i + 2 < characters.count - 1, characters[i + 2] == "{" {
                result.unicodeScalars.append(c)
                result.unicodeScalars.append("{")
                i += 3
            } else {
                result.unicodeScalars.append(c)
                i += 1
            }
        }
        return result
    }
}
