// Converting a construct's Swift parameters into literal Terraform expressions (for
// inlined use and module inputs), and the tag merge every construct body uses.

import InfraCore
import InfraTerraform

/// Literal expressions from Swift values, with keys sorted so output is deterministic.
///
/// ```swift
/// ConstructLiterals.map(["us-east-1a": "10.0.0.0/19"])   // {"us-east-1a" = "10.0.0.0/19"}
/// ```
public enum ConstructLiterals {
    /// A map of strings.
    public static func map(_ values: [String: String]) -> Expression {
        Expression(literal: .sortedObject(values.mapValues(Value.string)))
    }

    /// A string.
    public static func string(_ value: String) -> Expr<String> { Expr(.string(value)) }

    /// A boolean.
    public static func bool(_ value: Bool) -> Expr<Bool> { Expr(Expression(.bool(value))) }

    /// A list of strings.
    public static func strings(_ values: [String]) -> Expr<[String]> { Expr(list(values)) }

    /// A set of strings, written as a list literal.
    public static func stringSet(_ values: [String]) -> Expr<Set<String>> { Expr(list(values)) }

    /// A map of strings, keys sorted.
    public static func stringMap(_ values: [String: String]) -> Expr<[String: String]> { Expr(map(values)) }

    /// A number.
    public static func number(_ value: Int) -> Expr<Double> { Expr(Expression(.int(value))) }

    /// A number.
    public static func number(_ value: Double) -> Expr<Double> { Expr(Expression(.double(value))) }

    /// A list of strings.
    public static func list(_ values: [String]) -> Expression {
        Expression(literal: .array(values.map(Value.string)))
    }

    /// Any document value.
    public static func value(_ value: Value) -> Expression {
        Expression(literal: value)
    }

    /// The literal string inside an expression, when it is one.
    public static func string(in expression: Expression) -> String? {
        if case .string(let text) = expression.node { return text }
        return nil
    }

    /// `merge(tags, {Name = name})` as a typed map.
    public static func tags(_ tags: Expr<[String: String]>, name: Expr<String>) -> Expr<[String: String]> {
        Fn.merge(tags, Expr(Expression.object([("Name", name.expression)])))
    }

    /// The document value of a literal expression node, or `nil` when it contains references or calls.
    public static func documentValue(_ node: Expression.Node) -> Value? {
        switch node {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let elements):
            var values: [Value] = []
            for element in elements {
                guard let value = documentValue(element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .object(let members):
            var object = ValueObject()
            for member in members {
                guard let value = documentValue(member.value) else { return nil }
                object[member.key] = value
            }
            return .object(object)
        default: return nil
        }
    }
}
