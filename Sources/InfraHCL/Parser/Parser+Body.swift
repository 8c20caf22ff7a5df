// Bodies, attributes and blocks (spec: "Structural Elements"). An attribute ends with a
// newline; a block's labels are quoted strings or identifiers; a block whose `{` is not
// followed by a newline is a one-line block holding at most one attribute.

extension Parser {
    /// Parses items until `end` (`.eof` for a file, `.cBrace` for a block body).
    mutating func parseBody(until end: TokenKind, start: SourcePosition) -> HCLBody {
        var attributes: [HCLAttribute] = []
        var blocks: [HCLBlock] = []
        var seen: [String: SourceRange] = [:]
        while true {
            let token = peek()
            if token.kind == .newline {
                read()
                continue
            }
            if token.kind == end || token.kind == .eof { break }
            let itemStart = index
            do {
                guard token.kind == .ident else {
                    if token.kind == .cBrace {
                        throw abort(
                            "Unexpected closing brace", "There is no opening brace for this closing brace.",
                            at: token)
                    }
                    throw abort(
                        "Argument or block definition required",
                        "An argument or block definition is required here.", at: token)
                }
                switch try parseBodyItem() {
                case .attribute(let attribute):
                    if let previous = seen[attribute.name] {
                        error(
                            "Attribute redefined",
                            "The argument \"\(attribute.name)\" was already set at \(previous). "
                                + "Each argument may be set only once.", at: attribute.nameRange)
                    } else {
                        seen[attribute.name] = attribute.nameRange
                    }
                    attributes.append(attribute)
                case .block(let block):
                    blocks.append(block)
                }
            } catch {
                recover(fromItemAt: itemStart)
                if index == itemStart, tokens[index].kind == .cBrace {
                    // A stray closing brace at this level: step over it so parsing goes on.
                    index += 1
                }
            }
        }
        let endPosition = peek().kind == .eof ? peek().start : peek().end
        return HCLBody(attributes: attributes, blocks: blocks, range: range(from: start, to: endPosition))
    }

    enum BodyItem {
        case attribute(HCLAttribute)
        case block(HCLBlock)
    }

    /// One attribute or block, starting at its identifier.
    mutating func parseBodyItem() throws(ParseAbort) -> BodyItem {
        let nameToken = read()
        let name = text(nameToken)
        let next = peek()
        switch next.kind {
        case .equal:
            read()
            let expression = try parseExpression()
            let end = peek()
            switch end.kind {
            case .newline: read()
            case .eof, .cBrace: break
            default:
                throw abort(
                    "Missing newline after argument", "An argument definition must end with a newline.", at: end)
            }
            return .attribute(
                HCLAttribute(
                    name: name, nameRange: range(nameToken), expression: expression,
                    range: range(from: nameToken.start, to: expression.range.end)))
        case .oQuote, .ident, .oBrace:
            return .block(try parseBlock(type: name, typeToken: nameToken))
        default:
            throw abort(
                "Argument or block definition required",
                "An argument or block definition is required here. To set an argument, use the equals sign \"=\" "
                    + "to introduce the argument value.", at: next)
        }
    }

    /// Labels, then `{ body }`, then a newline.
    mutating func parseBlock(type: String, typeToken: Token) throws(ParseAbort) -> HCLBlock {
        var labels: [String] = []
        while true {
            let token = peek()
            switch token.kind {
            case .ident:
                read()
                labels.append(text(token))
                continue
            case .oQuote:
                labels.append(try parseStringLiteral())
                continue
            case .oBrace:
                break
            default:
                throw abort(
                    "Invalid block definition",
                    "Either a quoted string block label or an opening brace (\"{\") is expected here.", at: token)
            }
            break
        }
        let headerEnd = previousEnd
        let open = read()
        let body: HCLBody
        if peek().kind == .newline {
            read()
            body = parseBody(until: .cBrace, start: open.end)
            guard peek().kind == .cBrace else {
                throw abort(
                    "Unclosed configuration block",
                    "There is no closing brace for this block before the end of the file. This may be caused by "
                        + "incorrect brace nesting elsewhere in this file.", at: open)
            }
            read()
        } else {
            body = try parseOneLineBody(open: open)
        }
        let close = tokens[index - 1]
        let after = peek()
        switch after.kind {
        case .newline: read()
        case .eof: break
        default:
            throw abort(
                "Missing newline after block definition", "A block definition must end with a newline.", at: after)
        }
        return HCLBlock(
            type: type, labels: labels, body: body, headerRange: range(from: typeToken.start, to: headerEnd),
            range: range(from: typeToken.start, to: close.end))
    }

    /// `{}` or `{ name = value }` on one line.
    private mutating func parseOneLineBody(open: Token) throws(ParseAbort) -> HCLBody {
        var attributes: [HCLAttribute] = []
        if peek().kind != .cBrace {
            let nameToken = peek()
            guard nameToken.kind == .ident else {
                throw abort(
                    "Argument or block definition required", "An argument or block definition is required here.",
                    at: nameToken)
            }
            read()
            guard peek().kind == .equal else {
                throw abort(
                    "Invalid single-argument block definition",
                    "A single-line block definition can contain only a single argument. If you meant to define "
                        + "argument, use an equals sign to assign it a value. To define a nested block, place it on "
                        + "a line of its own within its parent block.", at: peek())
            }
            read()
            let expression = try parseExpression()
            attributes.append(
                HCLAttribute(
                    name: text(nameToken), nameRange: range(nameToken), expression: expression,
                    range: range(from: nameToken.start, to: expression.range.end)))
        }
        let close = peek()
        guard close.kind == .cBrace else {
            throw abort(
                "Invalid single-argument block definition",
                "A single-line block definition must end with a closing brace immediately after its single "
                    + "argument definition.", at: close)
        }
        read()
        return HCLBody(attributes: attributes, blocks: [], range: range(from: open.end, to: close.start))
    }

    /// A quoted string without interpolations (block labels).
    mutating func parseStringLiteral() throws(ParseAbort) -> String {
        let open = read()
        var value = ""
        while true {
            let token = tokens[index]
            switch token.kind {
            case .stringLit:
                index += 1
                value += decodeQuoted(token)
            case .cQuote:
                index += 1
                return value
            case .templateInterp, .templateControl:
                throw abort(
                    "Invalid string literal",
                    "Template sequences are not allowed in this string. To include a literal \"$\", double it "
                        + "(as \"$$\") to escape it.", at: token)
            default:
                throw abort(
                    "Unterminated template string", "No closing marker was found for the string.",
                    at: token.kind == .newline ? token : open)
            }
        }
    }
}
