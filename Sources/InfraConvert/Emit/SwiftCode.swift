// A tiny layout model for the Swift the converter writes: calls, array and dictionary
// literals, trailing closures and plain text, printed on one line when they fit in 120 columns
// and otherwise broken one argument (or element) per line, the way a person formats a long
// initializer.

/// Swift source to lay out.
indirect enum SwiftCode: Sendable {
    /// Text printed as is.
    case text(String)
    /// `callee(label: argument, …)` followed by `suffix` (e.g. `.dependsOn(…)` chains).
    case call(String, [(label: String?, value: SwiftCode)])
    /// `[a, b]`.
    case array([SwiftCode])
    /// `["key": value]`; keys are Swift string literals.
    case dictionary([(key: String, value: SwiftCode)])
    /// Pieces printed one after the other (a call followed by `.modifier(…)`).
    case sequence([SwiftCode])
    /// `base` then each `.member(…)` on its own line when the whole does not fit.
    case chain(SwiftCode, [SwiftCode])
    /// `callee { parameters in body }` (a trailing closure); the body on its own line when it does not fit.
    case closure(SwiftCode, parameters: String, body: SwiftCode)

    static let width = 120

    /// The code on one line.
    var flat: String {
        switch self {
        case .text(let text): return text
        case .call(let callee, let arguments):
            return callee + "("
                + arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.flat }.joined(separator: ", ")
                + ")"
        case .array(let elements): return "[" + elements.map(\.flat).joined(separator: ", ") + "]"
        case .dictionary(let members):
            if members.isEmpty { return "[:]" }
            return "[" + members.map { "\($0.key): \($0.value.flat)" }.joined(separator: ", ") + "]"
        case .sequence(let parts): return parts.map(\.flat).joined()
        case .chain(let base, let members): return base.flat + members.map { "." + $0.flat }.joined()
        case .closure(let callee, let parameters, let body): return callee.flat + " { \(parameters) in \(body.flat) }"
        }
    }

    /// The code laid out starting at `column`, continuation lines indented by `indent` spaces.
    func render(indent: Int, column: Int) -> String {
        let oneLine = flat
        if column + oneLine.count <= Self.width, !oneLine.contains("\n") { return oneLine }
        let inner = String(repeating: " ", count: indent + 4)
        let closing = String(repeating: " ", count: indent)
        switch self {
        case .text(let text): return text
        case .call(let callee, let arguments):
            if arguments.isEmpty { return oneLine }
            var out = callee + "(\n"
            for (position, argument) in arguments.enumerated() {
                let label = argument.label.map { "\($0): " } ?? ""
                out += inner + label + argument.value.render(indent: indent + 4, column: indent + 4 + label.count)
                out += position == arguments.count - 1 ? "\n" : ",\n"
            }
            return out + closing + ")"
        case .array(let elements):
            if elements.isEmpty { return oneLine }
            var out = "[\n"
            for element in elements {
                out += inner + element.render(indent: indent + 4, column: indent + 4) + ",\n"
            }
            return out + closing + "]"
        case .dictionary(let members):
            if members.isEmpty { return oneLine }
            var out = "[\n"
            for member in members {
                let key = member.key + ": "
                out += inner + key + member.value.render(indent: indent + 4, column: indent + 4 + key.count) + ",\n"
            }
            return out + closing + "]"
        case .sequence(let parts):
            var out = ""
            var current = column
            for part in parts {
                let text = part.render(indent: indent, column: current)
                out += text
                if let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last {
                    current = text.contains("\n") ? lastLine.count : current + text.count
                }
            }
            return out
        case .chain(let base, let members):
            var out = base.render(indent: indent, column: column)
            for member in members {
                out += "\n" + inner + "." + member.render(indent: indent + 4, column: indent + 5)
            }
            return out
        case .closure(let callee, let parameters, let body):
            let head = callee.render(indent: indent, column: column) + " { \(parameters) in\n"
            return head + inner + body.render(indent: indent + 4, column: indent + 4) + "\n" + closing + "}"
        }
    }
}

/// Builds Swift source text line by line with indentation.
struct SwiftWriter {
    private(set) var text = ""
    private var indentation = 0

    mutating func line(_ content: String = "") {
        if content.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: " ", count: indentation) + content + "\n"
        }
    }

    /// A statement laid out from the current indentation.
    mutating func code(_ prefix: String, _ code: SwiftCode) {
        line(prefix + code.render(indent: indentation, column: indentation + prefix.count))
    }

    /// `prefix` + code + ` {`, then the body indented, then `}`.
    mutating func codeBlock(_ prefix: String, _ code: SwiftCode, _ body: (inout SwiftWriter) -> Void) {
        line(prefix + code.render(indent: indentation, column: indentation + prefix.count) + " {")
        indentation += 4
        body(&self)
        indentation -= 4
        line("}")
    }

    mutating func comment(_ lines: [String]) {
        for text in lines { line("// " + text) }
    }

    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        indentation += 4
        body(&self)
        indentation -= 4
        line("}")
    }
}

extension String {
    /// The text as a Swift string literal (`"a\"b\n"`), interpolation-safe.
    var swiftLiteral: String {
        "\"" + swiftEscaped + "\""
    }

    /// Escapes for the inside of a Swift string literal.
    var swiftEscaped: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
