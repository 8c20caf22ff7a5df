// The untyped form of a Terraform `for` expression: which variables it binds, the
// collection it walks, what it produces and its `if` filter. The typed builders on `Expr`
// (ForExpressions.swift) create these; rendering and traversal collection read them.

/// A `for` expression: `[for i, v in collection : result if condition]` or
/// `{ for k, v in collection : key => value if condition }`.
///
/// Inside `result`, `key`, `value` and `condition`, the bound variables are local names, not
/// references: validation skips them and checks only the rest (the collection, and any
/// resource or variable the body names).
///
/// ```swift
/// let arns = Expression(.forExpression(ForExpression(
///     keyVariable: "k", valueVariable: "r", collection: .traversal(roles.traversal),
///     result: .object(key: .traversal(Traversal(root: "k", steps: [])),
///                     value: .traversal(Traversal(root: "r", steps: [.attribute("arn")])), grouped: false))))
/// // { for k, r in aws_iam_role.app : k => r.arn }
/// ```
public struct ForExpression: Sendable, Hashable {
    /// What a `for` expression produces.
    public enum Result: Sendable, Hashable {
        /// A tuple/list: `[for … : element]`.
        case list(Expression.Node)
        /// An object/map: `{ for … : key => value }`; `grouped` adds `...`, collecting the values
        /// of equal keys into lists.
        case object(key: Expression.Node, value: Expression.Node, grouped: Bool)
    }

    /// The first variable of `for k, v in …` (the key or index), if bound.
    public var keyVariable: String?
    /// The element variable: `v` in `for v in …` and `for k, v in …`.
    public var valueVariable: String
    /// The collection walked.
    public var collection: Expression.Node
    /// What each element produces.
    public var result: Result
    /// The `if` filter, if any.
    public var condition: Expression.Node?

    /// Creates a `for` expression.
    public init(
        keyVariable: String? = nil, valueVariable: String, collection: Expression.Node, result: Result,
        condition: Expression.Node? = nil
    ) {
        self.keyVariable = keyVariable
        self.valueVariable = valueVariable
        self.collection = collection
        self.result = result
        self.condition = condition
    }

    /// The names the expression binds for its body.
    public var boundVariables: [String] {
        (keyVariable.map { [$0] } ?? []) + [valueVariable]
    }
}
