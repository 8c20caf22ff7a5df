// Swift string interpolation that builds Terraform templates: literal text stays
// literal (escaped on output), interpolated expressions become `${…}`.

/// Builds a template from Swift string interpolation.
///
/// ```swift
/// let name: Expression = "\(Expression.reference("var", "env"))-vpc" // "${var.env}-vpc"
/// ```
public struct TemplateInterpolation: StringInterpolationProtocol, Sendable {
    var parts: [Expression.TemplatePart] = []

    /// Creates an empty interpolation.
    public init(literalCapacity: Int, interpolationCount: Int) {
        parts.reserveCapacity(interpolationCount * 2 + 1)
    }

    /// Appends literal text.
    public mutating func appendLiteral(_ literal: String) {
        guard !literal.isEmpty else { return }
        if case .literal(let previous) = parts.last {
            parts[parts.count - 1] = .literal(previous + literal)
        } else {
            parts.append(.literal(literal))
        }
    }

    /// Appends an expression as `${…}` (literal strings are merged into the text).
    public mutating func appendInterpolation(_ expression: Expression) {
        switch expression.node {
        case .string(let s): appendLiteral(s)
        case .template(let inner):
            for part in inner {
                if case .literal(let s) = part { appendLiteral(s) } else { parts.append(part) }
            }
        default: parts.append(.interpolation(expression.node))
        }
    }

    /// Appends a typed expression as `${…}`.
    public mutating func appendInterpolation<T>(_ expression: Expr<T>) {
        appendInterpolation(expression.expression)
    }

    /// Appends plain Swift text literally.
    public mutating func appendInterpolation(_ text: String) {
        appendLiteral(text)
    }

    /// Appends a number literally.
    public mutating func appendInterpolation(_ number: Int) {
        appendLiteral(String(number))
    }

    /// The finished node: a plain string when nothing was interpolated.
    var node: Expression.Node {
        if parts.isEmpty { return .string("") }
        if parts.count == 1, case .literal(let s) = parts[0] { return .string(s) }
        return .template(parts)
    }
}
