// Expressions (spec: "Expressions"): conditional, then the six binary precedence levels
// (left-associative), unary `-`/`!` binding tighter than any binary operator, then terms
// with their postfix steps — `.attr`, `[key]`, legacy `.0`, and the splats `.*` and `[*]`.

extension Parser {
    /// Any expression.
    mutating func parseExpression() throws(ParseAbort) -> HCLExpression {
        let condition = try parseBinary(level: 1)
        guard peek().kind == .question else { return condition }
        read()
        let then = try parseExpression()
        let colon = peek()
        guard colon.kind == .colon else {
            throw abort(
                "Missing false expression in conditional",
                "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
                at: colon)
        }
        read()
        let otherwise = try parseExpression()
        return HCLExpression(
            .conditional(condition, then, otherwise), range: condition.range.through(otherwise.range))
    }

    private static func binaryOperator(_ kind: TokenKind) -> HCLBinaryOperator? {
        switch kind {
        case .or: .or
        case .and: .and
        case .equalOp: .equal
        case .notEqual: .notEqual
        case .lessThan: .lessThan
        case .lessThanEq: .lessThanOrEqual
        case .greaterThan: .greaterThan
        case .greaterThanEq: .greaterThanOrEqual
        case .plus: .add
        case .minus: .subtract
        case .star: .multiply
        case .slash: .divide
        case .percent: .modulo
        default: nil
        }
    }

    private mutating func parseBinary(level: Int) throws(ParseAbort) -> HCLExpression {
        if level > 6 { return try parseOperand() }
        var left = try parseBinary(level: level + 1)
        while let op = Self.binaryOperator(peek().kind), op.precedence == level {
            read()
            let right = try parseBinary(level: level + 1)
            left = HCLExpression(.binary(op, left, right), range: left.range.through(right.range))
        }
        return left
    }

    /// A unary operation or a term with its traversal steps.
    private mutating func parseOperand() throws(ParseAbort) -> HCLExpression {
        let token = peek()
        if token.kind == .minus || token.kind == .bang {
            read()
            let operand = try parseOperand()
            let op: HCLUnaryOperator = token.kind == .minus ? .negate : .not
            return HCLExpression(.unary(op, operand), range: range(token).through(operand.range))
        }
        let term = try parseTerm()
        return try parseTraversals(on: term)
    }

    /// `.attr`, `.0`, `[key]`, `.*…` and `[*]…` after `source`.
    mutating func parseTraversals(on source: HCLExpression) throws(ParseAbort) -> HCLExpression {
        var result = source
        while true {
            let token = peek()
            switch token.kind {
            case .dot:
                read()
                let next = peek()
                switch next.kind {
                case .ident:
                    read()
                    result = HCLExpression(.getAttribute(result, text(next)), range: result.range.through(range(next)))
                case .numberLit:
                    read()
                    let digits = text(next)
                    guard digits.allSatisfy(\.isNumber) else {
                        throw abort(
                            "Invalid legacy index syntax",
                            "When using the legacy index syntax, chaining two indexes together is not permitted. "
                                + "Use the proper index syntax instead, like [0][1].", at: next)
                    }
                    let key = HCLExpression(.number(digits), range: range(next))
                    result = HCLExpression(.index(result, key, legacy: true), range: result.range.through(key.range))
                case .star:
                    read()
                    result = try parseAttributeSplat(on: result, star: next)
                default:
                    throw abort("Invalid attribute name", "An attribute name is required after a dot.", at: next)
                }
            case .oBrack:
                read()
                if peek().kind == .star {
                    read()
                    let close = peek()
                    guard close.kind == .cBrack else {
                        throw abort(
                            "Missing close bracket on splat index",
                            "The star for a full splat operator must be immediately followed by a closing bracket "
                                + "(\"]\").", at: close)
                    }
                    read()
                    let item = HCLExpression(.splatItem, range: range(from: token.start, to: close.end))
                    let each = try parseTraversals(on: item)
                    result = HCLExpression(
                        .splat(result, each: each, full: true), range: result.range.through(each.range))
                } else {
                    pushNewlines(false)
                    let key = try parseExpression()
                    let close = peek()
                    popNewlines()
                    guard close.kind == .cBrack else {
                        throw abort(
                            "Missing close bracket on index",
                            "The index operator must end with a closing bracket "
                                + "(\"]\").", at: close)
                    }
                    read()
                    result = HCLExpression(
                        .index(result, key, legacy: false), range: result.range.through(range(close)))
                }
            default:
                return result
            }
        }
    }

    /// `.*` followed by attribute (and legacy numeric index) steps only.
    private mutating func parseAttributeSplat(
        on source: HCLExpression, star: Token
    ) throws(ParseAbort)
        -> HCLExpression
    {
        var each = HCLExpression(.splatItem, range: range(star))
        while peek().kind == .dot {
            let dot = read()
            let next = peek()
            switch next.kind {
            case .ident:
                read()
                each = HCLExpression(.getAttribute(each, text(next)), range: each.range.through(range(next)))
            case .numberLit where text(next).allSatisfy(\.isNumber):
                read()
                let key = HCLExpression(.number(text(next)), range: range(next))
                each = HCLExpression(.index(each, key, legacy: true), range: each.range.through(key.range))
            case .star:
                throw abort(
                    "Nested splat expression not allowed",
                    "A splat expression (*) cannot be used inside another attribute-only splat expression.", at: next)
            default:
                _ = dot
                throw abort("Invalid attribute name", "An attribute name is required after a dot.", at: next)
            }
        }
        return HCLExpression(.splat(source, each: each, full: false), range: source.range.through(each.range))
    }

    // MARK: Terms

    private mutating func parseTerm() throws(ParseAbort) -> HCLExpression {
        let token = peek()
        switch token.kind {
        case .oParen:
            read()
            pushNewlines(false)
            let inner = try parseExpression()
            let close = peek()
            popNewlines()
            guard close.kind == .cParen else {
                throw abort(
                    "Unbalanced parentheses",
                    "Expected a closing parenthesis to terminate the expression.", at: close)
            }
            read()
            return HCLExpression(.parenthesized(inner), range: range(from: token.start, to: close.end))
        case .numberLit:
            read()
            return HCLExpression(.number(text(token)), range: range(token))
        case .ident:
            return try parseIdentifierTerm()
        case .oQuote:
            return try parseQuotedTemplate()
        case .oHeredoc:
            return try parseHeredoc()
        case .oBrack:
            return try parseTuple()
        case .oBrace:
            return try parseObject()
        default:
            let found = token.kind == .invalid ? "an invalid character" : token.kind.phrase
            throw abort(
                "Invalid expression", "Expected the start of an expression, but found \(found).", at: token)
        }
    }

    /// A keyword literal, a variable, or a function call (`name(…)`, `provider::p::f(…)`).
    private mutating func parseIdentifierTerm() throws(ParseAbort) -> HCLExpression {
        let first = read()
        var name = text(first)
        var end = first
        while peek().kind == .doubleColon {
            read()
            let part = peek()
            guard part.kind == .ident else {
                throw abort(
                    "Missing function name",
                    "Function scope resolution symbol :: must be followed by a function "
                        + "name in this scope.", at: part)
            }
            read()
            name += "::" + text(part)
            end = part
        }
        if peek().kind == .oParen {
            return try parseCall(name: name, start: first)
        }
        if name.contains("::") {
            throw abort(
                "Missing function call", "The symbol \(name) can only be used as a function call.", at: peek())
        }
        let whole = range(from: first.start, to: end.end)
        switch name {
        case "true": return HCLExpression(.bool(true), range: whole)
        case "false": return HCLExpression(.bool(false), range: whole)
        case "null": return HCLExpression(.null, range: whole)
        default: return HCLExpression(.variable(name), range: whole)
        }
    }

    private mutating func parseCall(name: String, start: Token) throws(ParseAbort) -> HCLExpression {
        read()  // (
        pushNewlines(false)
        defer { popNewlines() }
        var arguments: [HCLExpression] = []
        var expandsFinal = false
        while true {
            if peek().kind == .cParen { break }
            arguments.append(try parseExpression())
            let separator = peek()
            if separator.kind == .comma {
                read()
                continue
            }
            if separator.kind == .ellipsis {
                read()
                expandsFinal = true
                guard peek().kind == .cParen else {
                    throw abort(
                        "Missing closing parenthesis",
                        "An expanded function argument (with ...) must be immediately followed by closing "
                            + "parentheses.", at: peek())
                }
                break
            }
            if separator.kind == .cParen { break }
            throw abort(
                "Missing argument separator",
                "A comma is required to separate each function argument from the next.", at: separator)
        }
        let close = read()
        return HCLExpression(
            .call(name, arguments, expandsFinal: expandsFinal), range: range(from: start.start, to: close.end))
    }

    // MARK: Collections

    /// `[a, b]` or `[for …]`.
    private mutating func parseTuple() throws(ParseAbort) -> HCLExpression {
        let open = read()
        pushNewlines(false)
        defer { popNewlines() }
        if isForKeyword(peek()) { return try parseFor(open: open, object: false) }
        var elements: [HCLExpression] = []
        while peek().kind != .cBrack {
            elements.append(try parseExpression())
            let separator = peek()
            if separator.kind == .comma {
                read()
                continue
            }
            guard separator.kind == .cBrack else {
                throw abort(
                    "Missing item separator", "Expected a comma to mark the beginning of the next item.",
                    at: separator)
            }
        }
        let close = read()
        return HCLExpression(.tuple(elements), range: range(from: open.start, to: close.end))
    }

    /// `{ key = value … }` or `{for …}`; items are separated by commas or newlines.
    private mutating func parseObject() throws(ParseAbort) -> HCLExpression {
        let open = read()
        pushNewlines(false)
        if isForKeyword(peek()) {
            defer { popNewlines() }
            return try parseFor(open: open, object: true)
        }
        popNewlines()
        pushNewlines(true)
        defer { popNewlines() }
        var items: [HCLObjectItem] = []
        while true {
            let next = peek()
            if next.kind == .newline {
                read()
                continue
            }
            if next.kind == .cBrace { break }
            let key = try parseObjectKey()
            let assign = peek()
            guard assign.kind == .equal || assign.kind == .colon else {
                if assign.kind == .newline || assign.kind == .comma {
                    throw abort(
                        "Missing attribute value", "Expected an attribute value, introduced by an equals sign (\"=\").",
                        at: assign)
                }
                throw abort(
                    "Missing key/value separator",
                    "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", at: assign)
            }
            read()
            let value = try parseExpression()
            items.append(HCLObjectItem(key: key.key, keyRange: key.range, value: value))
            let separator = peek()
            switch separator.kind {
            case .comma, .newline:
                read()
            case .cBrace:
                break
            default:
                throw abort(
                    "Missing attribute separator",
                    "Expected a newline or comma to mark the beginning of the next attribute.", at: separator)
            }
        }
        let close = read()
        return HCLExpression(.object(items), range: range(from: open.start, to: close.end))
    }

    private mutating func parseObjectKey() throws(ParseAbort) -> (key: HCLObjectItem.Key, range: SourceRange) {
        let token = peek()
        if token.kind == .ident, [.equal, .colon].contains(peekSecond().kind) {
            read()
            return (.identifier(text(token)), range(token))
        }
        let expression = try parseExpression()
        if case .variable(let name) = expression.kind {
            return (.identifier(name), expression.range)
        }
        return (.expression(expression), expression.range)
    }

    private mutating func isForKeyword(_ token: Token) -> Bool {
        token.kind == .ident && text(token) == "for"
    }

    /// The rest of `[for …]` / `{for …}` after the opening bracket.
    private mutating func parseFor(open: Token, object: Bool) throws(ParseAbort) -> HCLExpression {
        read()  // for
        let first = peek()
        guard first.kind == .ident else {
            throw abort("Invalid 'for' expression", "For expression requires variable name after 'for'.", at: first)
        }
        read()
        var keyVariable: String?
        var valueVariable = text(first)
        if peek().kind == .comma {
            read()
            let second = peek()
            guard second.kind == .ident else {
                throw abort(
                    "Invalid 'for' expression", "For expression requires value variable name after comma.",
                    at: second)
            }
            read()
            keyVariable = valueVariable
            valueVariable = text(second)
        }
        let inToken = peek()
        guard inToken.kind == .ident, text(inToken) == "in" else {
            throw abort(
                "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.",
                at: inToken)
        }
        read()
        let collection = try parseExpression()
        try expect(
            .colon, "Invalid 'for' expression",
            "For expression requires a colon after the collection expression.")
        var keyExpression: HCLExpression?
        var valueExpression = try parseExpression()
        var grouping = false
        if object {
            try expect(
                .fatArrow, "Invalid 'for' expression",
                "For expression requires a key expression and a value expression, separated by =>.")
            keyExpression = valueExpression
            valueExpression = try parseExpression()
            if peek().kind == .ellipsis {
                read()
                grouping = true
            }
        }
        var condition: HCLExpression?
        let maybeIf = peek()
        if maybeIf.kind == .ident, text(maybeIf) == "if" {
            read()
            condition = try parseExpression()
        }
        let closeKind: TokenKind = object ? .cBrace : .cBrack
        let close = peek()
        guard close.kind == closeKind else {
            if close.kind == .ellipsis, !object {
                throw abort(
                    "Invalid use of grouping mode", "The \"...\" modifier is used only with object for expressions.",
                    at: close)
            }
            throw abort(
                "Invalid 'for' expression",
                "Extra characters after the end of the 'for' expression.", at: close)
        }
        read()
        let forExpression = HCLForExpression(
            keyVariable: keyVariable, valueVariable: valueVariable, collection: collection,
            keyExpression: keyExpression, valueExpression: valueExpression, grouping: grouping, condition: condition)
        return HCLExpression(.forExpression(forExpression), range: range(from: open.start, to: close.end))
    }
}
