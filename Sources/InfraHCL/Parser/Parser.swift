// The recursive-descent parser over the scanner's tokens. Newlines end attributes, but are
// ignored inside parentheses, brackets, function arguments and interpolations: a stack of
// "newlines count here" flags decides what `peek` sees. A problem the parser cannot step
// over throws `ParseAbort` (after recording its diagnostic); the body parser then skips to
// the end of that attribute or block and goes on, so one run reports every bad item.

/// Unwinds the current body item after its diagnostic was recorded.
struct ParseAbort: Error {}

/// Parses tokens into bodies and expressions.
struct Parser {
    let tokens: [Token]
    let bytes: [UInt8]
    let file: String
    var index = 0
    var diagnostics: [HCLDiagnostic] = []
    private var includeNewlines: [Bool] = [true]

    init(tokens: [Token], bytes: [UInt8], file: String) {
        self.tokens = tokens
        self.bytes = bytes
        self.file = file
    }

    // MARK: Tokens

    /// The next significant token (newlines are skipped where they do not count).
    mutating func peek() -> Token {
        if includeNewlines.last == false {
            while tokens[index].kind == .newline { index += 1 }
        }
        return tokens[index]
    }

    /// The token after the next significant one, with the same newline rule.
    mutating func peekSecond() -> Token {
        _ = peek()
        var cursor = index + 1
        if includeNewlines.last == false {
            while cursor < tokens.count, tokens[cursor].kind == .newline { cursor += 1 }
        }
        return cursor < tokens.count ? tokens[cursor] : tokens[tokens.count - 1]
    }

    /// Consumes and returns the next significant token (never moves past the end).
    @discardableResult
    mutating func read() -> Token {
        let token = peek()
        if token.kind != .eof { index += 1 }
        return token
    }

    mutating func pushNewlines(_ significant: Bool) { includeNewlines.append(significant) }
    mutating func popNewlines() { if includeNewlines.count > 1 { includeNewlines.removeLast() } }

    /// The source text of a token.
    func text(_ token: Token) -> String {
        String(decoding: bytes[token.start.offset..<token.end.offset], as: UTF8.self)
    }

    func range(_ token: Token) -> SourceRange { SourceRange(file: file, start: token.start, end: token.end) }

    func range(from start: SourcePosition, to end: SourcePosition) -> SourceRange {
        SourceRange(file: file, start: start, end: end)
    }

    /// Where the previous token ended (the end of an item just read).
    var previousEnd: SourcePosition { index > 0 ? tokens[index - 1].end : tokens[0].start }

    // MARK: Diagnostics

    mutating func error(_ summary: String, _ detail: String, at range: SourceRange) {
        diagnostics.append(HCLDiagnostic(summary: summary, detail: detail, range: range))
    }

    /// Records `summary: detail` at `token` and returns the abort to throw.
    mutating func abort(_ summary: String, _ detail: String, at token: Token) -> ParseAbort {
        error(summary, detail, at: range(token))
        return ParseAbort()
    }

    /// Reads a token of `kind` or records the error and abandons the item.
    @discardableResult
    mutating func expect(_ kind: TokenKind, _ summary: String, _ detail: String) throws(ParseAbort) -> Token {
        let token = peek()
        guard token.kind == kind else { throw abort(summary, detail, at: token) }
        return read()
    }

    // MARK: Recovery

    /// Skips from `start` to the end of the item that begins there: the next newline outside
    /// any brackets, braces, parentheses or template sequence (consumed), a closing brace of
    /// the enclosing block (not consumed), or the end of the file. A closer that does not
    /// match the innermost opener closes up to its own opener, so an unclosed `(` cannot
    /// swallow the block's `}`.
    mutating func recover(fromItemAt start: Int) {
        index = start
        includeNewlines = [true]
        var open: [TokenKind] = []
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .eof: return
            case .oBrace, .oBrack, .oParen, .templateInterp, .templateControl, .oHeredoc:
                open.append(token.kind)
            case .cBrace, .cBrack, .cParen, .templateSeqEnd, .cHeredoc:
                let opener: [TokenKind] =
                    switch token.kind {
                    case .cBrace: [.oBrace]
                    case .cBrack: [.oBrack]
                    case .cParen: [.oParen]
                    case .cHeredoc: [.oHeredoc]
                    default: [.templateInterp, .templateControl]
                    }
                if let match = open.lastIndex(where: opener.contains) {
                    open.removeSubrange(match...)
                } else if token.kind == .cBrace {
                    return
                }
            case .newline where open.isEmpty:
                index += 1
                return
            default: break
            }
            index += 1
        }
        index = tokens.count - 1
    }
}
