// Writing an expression back as HCL text: as the author grouped it (`hcl`), or with every
// operation in parentheses (`fullyParenthesized`) so the tree's shape can be checked by
// evaluating both forms. Templates are written quoted, with their text escaped.

extension HCLExpression {
    /// The expression as HCL native syntax (heredocs are written as quoted templates).
    ///
    /// ```swift
    /// HCLParser.parseExpression("a+b*c").expression?.hcl   // "a + b * c"
    /// ```
    public var hcl: String {
        var out = ""
        write(to: &out, parenthesize: false)
        return out
    }

    /// The expression with every unary, binary and conditional operation in parentheses.
    public var fullyParenthesized: String {
        var out = ""
        write(to: &out, parenthesize: true)
        return out
    }

    func write(to out: inout String, parenthesize: Bool) {
        switch kind {
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .template(let template):
            out += "\""
            HCLExpression.writeTemplateParts(template.parts, to: &out, parenthesize: parenthesize)
            out += "\""
        case .templateWrap(let inner):
            out += "\"${"
            inner.write(to: &out, parenthesize: parenthesize)
            out += "}\""
        case .variable(let name): out += name
        case .getAttribute(let source, let name):
            source.write(to: &out, parenthesize: parenthesize)
            out += "." + name
        case .index(let source, let key, let legacy):
            source.write(to: &out, parenthesize: parenthesize)
            if legacy {
                out += "."
                key.write(to: &out, parenthesize: parenthesize)
            } else {
                out += "["
                key.write(to: &out, parenthesize: parenthesize)
                out += "]"
            }
        case .splat(let source, let each, let full):
            source.write(to: &out, parenthesize: parenthesize)
            out += full ? "[*]" : ".*"
            each.write(to: &out, parenthesize: parenthesize)
        case .splatItem: break
        case .call(let name, let arguments, let expandsFinal):
            out += name + "("
            for (position, argument) in arguments.enumerated() {
                if position > 0 { out += ", " }
                argument.write(to: &out, parenthesize: parenthesize)
            }
            if expandsFinal { out += "..." }
            out += ")"
        case .tuple(let elements):
            out += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { out += ", " }
                element.write(to: &out, parenthesize: parenthesize)
            }
            out += "]"
        case .object(let items):
            if items.isEmpty {
                out += "{}"
                return
            }
            out += "{ "
            for (position, item) in items.enumerated() {
                if position > 0 { out += ", " }
                switch item.key {
                case .identifier(let name): out += name
                case .expression(let key):
                    switch key.kind {
                    case .template, .number, .bool, .null, .parenthesized: key.write(to: &out, parenthesize: false)
                    default:
                        // Any other key is an expression only in parentheses (a bare `a.b` would be a
                        // reference key Terraform rejects as ambiguous).
                        out += "("
                        key.write(to: &out, parenthesize: parenthesize)
                        out += ")"
                    }
                }
                out += " = "
                item.value.write(to: &out, parenthesize: parenthesize)
            }
            out += " }"
        case .forExpression(let forExpression):
            out += forExpression.isObject ? "{" : "["
            out += "for "
            if let key = forExpression.keyVariable { out += key + ", " }
            out += forExpression.valueVariable + " in "
            forExpression.collection.write(to: &out, parenthesize: parenthesize)
            out += " : "
            if let key = forExpression.keyExpression {
                key.write(to: &out, parenthesize: parenthesize)
                out += " => "
            }
            forExpression.valueExpression.write(to: &out, parenthesize: parenthesize)
            if forExpression.grouping { out += "..." }
            if let condition = forExpression.condition {
                out += " if "
                condition.write(to: &out, parenthesize: parenthesize)
            }
            out += forExpression.isObject ? "}" : "]"
        case .unary(let op, let operand):
            if parenthesize { out += "(" }
            out += op.rawValue
            operand.write(to: &out, parenthesize: parenthesize)
            if parenthesize { out += ")" }
        case .binary(let op, let left, let right):
            if parenthesize { out += "(" }
            left.write(to: &out, parenthesize: parenthesize)
            out += " \(op.rawValue) "
            right.write(to: &out, parenthesize: parenthesize)
            if parenthesize { out += ")" }
        case .conditional(let condition, let then, let otherwise):
            if parenthesize { out += "(" }
            condition.write(to: &out, parenthesize: parenthesize)
            out += " ? "
            then.write(to: &out, parenthesize: parenthesize)
            out += " : "
            otherwise.write(to: &out, parenthesize: parenthesize)
            if parenthesize { out += ")" }
        case .parenthesized(let inner):
            if parenthesize {
                inner.write(to: &out, parenthesize: parenthesize)
            } else {
                out += "("
                inner.write(to: &out, parenthesize: parenthesize)
                out += ")"
            }
        case .invalid: out += "null"
        }
    }

    static func writeTemplateParts(_ parts: [HCLTemplatePart], to out: inout String, parenthesize: Bool) {
        for part in parts {
            switch part {
            case .literal(let text): out += escapeTemplateText(text)
            case .interpolation(let expression):
                out += "${"
                expression.write(to: &out, parenthesize: parenthesize)
                out += "}"
            case .ifDirective(let condition, let then, let otherwise):
                out += "%{ if "
                condition.write(to: &out, parenthesize: parenthesize)
                out += " }"
                writeTemplateParts(then, to: &out, parenthesize: parenthesize)
                out += "%{ else }"
                writeTemplateParts(otherwise, to: &out, parenthesize: parenthesize)
                out += "%{ endif }"
            case .forDirective(let key, let value, let collection, let body):
                out += "%{ for "
                if let key { out += key + ", " }
                out += value + " in "
                collection.write(to: &out, parenthesize: parenthesize)
                out += " }"
                writeTemplateParts(body, to: &out, parenthesize: parenthesize)
                out += "%{ endfor }"
            }
        }
    }

    /// Literal text as it must be written inside a quoted template.
    public static func escapeTemplateText(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "{" where previous == "$" || previous == "%":
                out.unicodeScalars.append(previous ?? "$")
                out += "{"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
        }
        return out
    }
}
