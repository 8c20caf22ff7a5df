// Typed expressions: an Expression tagged with the Terraform type it evaluates to, so
// `vpcId: Expr<String>` accepts "vpc-123" or `vpc.id` but not `3` or `subnet.ids`.

import InfraCore

/// An ``Expression`` known to produce a value of Terraform type `T`.
///
/// `T` is a phantom: `String`, `Double` (Terraform `number`), `Bool`, `[E]` (list),
/// `Set<E>` (set), `[String: E]` (map) or `Value` (any, from InfraCore).
///
/// Typed expressions compose without strings: instance references (`subnets[0].id`,
/// `subnets[each.key].id`, `subnets.all.id`), operators (`count > 0`, `a .== b`), conditionals
/// (`.if(enabled, then: 1, else: 0)`), `for` expressions (`ids.map { … }`, `roles.filter { … }`),
/// `each`/`count` (``Each``, ``Count``) and every built-in function (``Fn``). `Expr<Value>`
/// reads like HCL: `cluster.identity[0].oidc[0].issuer`.
///
/// ```swift
/// let cidr: Expr<String> = "10.0.0.0/16"
/// let zones: Expr<[String]> = ["us-east-1a", "us-east-1b"]
/// let tags: Expr<[String: String]> = ["Name": "main", "Env": "\(env)"]
/// ```
@dynamicMemberLookup
public struct Expr<T>: Sendable, Hashable {
    /// The untyped expression.
    public var expression: Expression

    /// Tags an untyped expression with a type (the caller vouches for it).
    public init(_ expression: Expression) {
        self.expression = expression
    }

    /// Tags raw HCL text with a type: the escape hatch for what the typed layer does not model.
    /// Raw text has no traversals, so validation cannot check what it names and the graph
    /// does not draw it.
    public static func raw(_ hcl: String) -> Expr<T> {
        Expr(.raw(hcl))
    }

    /// Reinterprets the expression as another type (for example `tolist` results).
    public func unsafeCast<U>(to type: U.Type = U.self) -> Expr<U> {
        Expr<U>(expression)
    }
}

extension Expr: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral,
    ExpressibleByStringLiteral, ExpressibleByStringInterpolation
where T == String {
    /// A literal string.
    public init(stringLiteral value: String) { self.init(.string(value)) }
    /// A template built with Swift interpolation.
    public init(stringInterpolation: TemplateInterpolation) { self.init(Expression(stringInterpolation.node)) }
}

/// Swift types that stand for Terraform's `number`.
public protocol TerraformNumber {}
extension Double: TerraformNumber {}
extension Int: TerraformNumber {}

extension Expr: ExpressibleByIntegerLiteral where T: TerraformNumber {
    /// An integer literal.
    public init(integerLiteral value: Int) { self.init(Expression(.int(value))) }
}

extension Expr: ExpressibleByFloatLiteral where T == Double {
    /// A number literal.
    public init(floatLiteral value: Double) { self.init(Expression(.double(value))) }
}

extension Expr: ExpressibleByBooleanLiteral where T == Bool {
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self.init(Expression(.bool(value))) }
}

/// Swift types that stand for Terraform's `list(E)` and `set(E)`.
public protocol TerraformCollection {
    /// The element type.
    associatedtype Element
}
extension Array: TerraformCollection {}
extension Set: TerraformCollection {}

extension Expr: ExpressibleByArrayLiteral where T: TerraformCollection {
    /// A list literal whose elements are typed expressions.
    public init(arrayLiteral elements: Expr<T.Element>...) {
        self.init(Expression(.list(elements.map(\.expression.node))))
    }

    /// A list from typed expressions.
    public static func list(_ elements: [Expr<T.Element>]) -> Expr<T> {
        Expr(Expression(.list(elements.map(\.expression.node))))
    }
}

/// Swift types that stand for Terraform's `map(E)`.
public protocol TerraformMap {
    /// The type of the map's values.
    associatedtype MapValue
}
extension Dictionary: TerraformMap where Key == String {
    /// The type of the map's values.
    public typealias MapValue = Value
}

extension Expr: ExpressibleByDictionaryLiteral where T: TerraformMap {
    /// A map literal, keys in literal order (they are sorted on output). A key may be a
    /// template: `["k8s.io/cluster-autoscaler/\(cluster)": "owned"]`.
    public init(dictionaryLiteral elements: (Expr<String>, Expr<T.MapValue>)...) {
        self.init(
            Expression(
                .object(elements.map { Expression.ObjectMember(key: $0.0.expression, value: $0.1.expression.node) })))
    }

    /// A map from a Swift dictionary of typed expressions.
    public static func map(_ entries: [String: Expr<T.MapValue>]) -> Expr<T> {
        Expr(
            Expression(
                .object(
                    entries.keys.sorted().compactMap { key in
                        entries[key].map { .init(key: key, value: $0.expression.node) }
                    })))
    }
}

extension Expr: ExpressibleByNilLiteral {
    /// `null`.
    public init(nilLiteral: ()) { self.init(Expression(.null)) }
}

extension Expr where T == InfraCore.Value {
    /// Any literal document value.
    public init(_ value: InfraCore.Value) { self.init(Expression(literal: value)) }
}

extension Expression {
    /// The untyped form of a typed expression.
    public init<T>(_ typed: Expr<T>) { self = typed.expression }
}

/// A typed or untyped expression, for APIs that take values of different Terraform types
/// side by side (object members, heterogeneous function arguments).
///
/// ```swift
/// let member: any ExpressionConvertible = vpc.id      // Expr<String>
/// ```
public protocol ExpressionConvertible: Sendable {
    /// The untyped expression.
    var expression: Expression { get }
}

extension Expr: ExpressionConvertible {}

extension Expression: ExpressionConvertible {
    /// The expression itself.
    public var expression: Expression { self }
}

/// Terraform type constraints for Swift types, used by ``Variable`` declarations.
public protocol TerraformTyped {
    /// The type constraint, e.g. `string`, `list(string)`, `map(number)`.
    static var terraformTypeConstraint: String { get }
}

extension String: TerraformTyped {
    /// `string`
    public static var terraformTypeConstraint: String { "string" }
}
extension Double: TerraformTyped {
    /// `number`
    public static var terraformTypeConstraint: String { "number" }
}
extension Int: TerraformTyped {
    /// `number`
    public static var terraformTypeConstraint: String { "number" }
}
extension Bool: TerraformTyped {
    /// `bool`
    public static var terraformTypeConstraint: String { "bool" }
}
extension InfraCore.Value: TerraformTyped {
    /// `any`
    public static var terraformTypeConstraint: String { "any" }
}
extension Array: TerraformTyped where Element: TerraformTyped {
    /// `list(E)`
    public static var terraformTypeConstraint: String { "list(\(Element.terraformTypeConstraint))" }
}
extension Set: TerraformTyped where Element: TerraformTyped {
    /// `set(E)`
    public static var terraformTypeConstraint: String { "set(\(Element.terraformTypeConstraint))" }
}
extension Dictionary: TerraformTyped where Key == String, Value: TerraformTyped {
    /// `map(E)`
    public static var terraformTypeConstraint: String { "map(\(Value.terraformTypeConstraint))" }
}
