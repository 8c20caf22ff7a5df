// An HCL expression as data. Literals, references, function calls and templates are
// different cases, so the renderer knows exactly where Terraform's `${`/`%{` escaping
// is needed and validation can find every reference without parsing strings.

import InfraCore

/// A Terraform (HCL) expression: a literal, a reference, a function call, a template, an
/// operator, a conditional, a splat, a `for` expression or raw HCL.
///
/// Most code uses the typed ``Expr`` instead; `Expression` is the tree both share.
///
/// ```swift
/// let cidr: Expression = "10.0.0.0/16"                       // a literal string
/// let ref = Expression.reference("aws_vpc", "main", "id")     // aws_vpc.main.id
/// let sub = Expression.call("cidrsubnet", ref, 8, 1)          // cidrsubnet(aws_vpc.main.id, 8, 1)
/// ```
public struct Expression: Sendable, Hashable {
    /// The expression tree.
    public indirect enum Node: Sendable, Hashable {
        /// `null`.
        case null
        /// A boolean literal.
        case bool(Bool)
        /// An integer literal.
        case int(Int)
        /// A number literal.
        case double(Double)
        /// A literal string, taken exactly as given (escaped on output).
        case string(String)
        /// A tuple/list constructor.
        case list([Node])
        /// An object constructor with literal keys, in the given order.
        case object([ObjectMember])
        /// A reference such as `aws_vpc.main.id`, `var.region` or `each.key`.
        case traversal(Traversal)
        /// A function call.
        case call(String, [Node])
        /// A function call whose last argument is a list expanded into arguments:
        /// `merge(var.maps...)`.
        case expandedCall(String, [Node])
        /// A string template mixing literal text and interpolated expressions.
        case template([TemplatePart])
        /// `condition ? then : else`.
        case conditional(Node, Node, Node)
        /// A binary operation such as `==`, `&&` or `+`.
        case binary(String, Node, Node)
        /// A unary operation: `!` or `-`.
        case unary(String, Node)
        /// `collection[key]` on an arbitrary expression.
        case index(Node, Node)
        /// `object.attribute` on an arbitrary expression.
        case getAttribute(Node, String)
        /// `source[*].steps…` on an expression that is not a reference, e.g.
        /// `values(aws_subnet.app)[*].id` (a reference's splat is a ``Traversal/Step/splat`` step).
        case splat(Node, [Traversal.Step])
        /// A `for` expression: `[for k, v in c : …]` or `{ for k, v in c : key => value }`.
        case forExpression(ForExpression)
        /// Raw HCL expression text, inserted as written (the escape hatch).
        case raw(String)
    }

    /// One `key = value` of an object constructor.
    public struct ObjectMember: Sendable, Hashable {
        /// The key as literal text (for a computed key, its HCL text).
        public var key: String
        /// A computed key (a template or reference), when the key is not literal text.
        public var keyExpression: Node?
        /// The value.
        public var value: Node

        /// Creates a member with a literal key.
        public init(key: String, value: Node) {
            self.key = key
            self.keyExpression = nil
            self.value = value
        }

        /// Creates a member whose key is an expression; a literal string key stays literal.
        public init(key: Expression, value: Node) {
            if case .string(let text) = key.node {
                self.key = text
                self.keyExpression = nil
            } else {
                self.key = key.node.hcl
                self.keyExpression = key.node
            }
            self.value = value
        }
    }

    /// One piece of a ``Node/template(_:)``.
    public enum TemplatePart: Sendable, Hashable {
        /// Literal text.
        case literal(String)
        /// An interpolated expression, `${…}`.
        case interpolation(Node)
    }

    /// The tree.
    public var node: Node

    /// Wraps a tree.
    public init(_ node: Node) {
        self.node = node
    }
}

extension Expression {
    /// A reference from a root name and attribute steps: `reference("var", "region")` is `var.region`.
    public static func reference(_ root: String, _ attributes: String...) -> Expression {
        Expression(.traversal(Traversal(root: root, steps: attributes.map { .attribute($0) })))
    }

    /// A reference from a traversal.
    public static func reference(_ traversal: Traversal) -> Expression {
        Expression(.traversal(traversal))
    }

    /// A function call, `name(arguments…)`.
    public static func call(_ name: String, _ arguments: Expression...) -> Expression {
        Expression(.call(name, arguments.map(\.node)))
    }

    /// A function call with an argument array.
    public static func call(_ name: String, arguments: [Expression]) -> Expression {
        Expression(.call(name, arguments.map(\.node)))
    }

    /// A function call whose last argument is a list expanded into arguments: `merge(list...)`.
    public static func call(_ name: String, expanding arguments: [Expression]) -> Expression {
        Expression(.expandedCall(name, arguments.map(\.node)))
    }

    /// Raw HCL text inserted as written: the escape hatch for what the typed layer does not
    /// model. Raw text has no traversals, so validation cannot check what it names and the
    /// graph does not draw it.
    public static func raw(_ hcl: String) -> Expression {
        Expression(.raw(hcl))
    }

    /// A literal string (never interpreted as a template).
    public static func string(_ value: String) -> Expression {
        Expression(.string(value))
    }

    /// A list of expressions.
    public static func list(_ elements: [Expression]) -> Expression {
        Expression(.list(elements.map(\.node)))
    }

    /// An object from keys and expressions, in the given order.
    public static func object(_ members: [(String, Expression)]) -> Expression {
        Expression(.object(members.map { ObjectMember(key: $0.0, value: $0.1.node) }))
    }

    /// `condition ? then : else`.
    public static func conditional(_ condition: Expression, _ then: Expression, _ otherwise: Expression) -> Expression {
        Expression(.conditional(condition.node, then.node, otherwise.node))
    }

    /// A binary operation, e.g. `.binary("==", a, b)`.
    public static func binary(_ op: String, _ lhs: Expression, _ rhs: Expression) -> Expression {
        Expression(.binary(op, lhs.node, rhs.node))
    }

    /// `self[key]`. On a reference the key becomes a step of it (`aws_subnet.app[each.key]`),
    /// so validation sees which instance is meant.
    public func index(_ key: Expression) -> Expression {
        switch node {
        case .traversal(var t):
            t.steps.append(.index(key.node))
            return Expression(.traversal(t))
        case .splat(let source, let steps):
            return Expression(.splat(source, steps + [.index(key.node)]))
        default:
            return Expression(.index(node, key.node))
        }
    }

    /// `self.name`.
    public func attribute(_ name: String) -> Expression {
        switch node {
        case .traversal(var t):
            t.steps.append(.attribute(name))
            return Expression(.traversal(t))
        case .splat(let source, let steps):
            return Expression(.splat(source, steps + [.attribute(name)]))
        default:
            return Expression(.getAttribute(node, name))
        }
    }

    /// `self[*]`: a full splat; later ``attribute(_:)`` and ``index(_:)`` steps apply to every
    /// element. On a reference it is a step of the reference (`aws_subnet.app[*].id`).
    public func splat() -> Expression {
        switch node {
        case .traversal(var t):
            t.steps.append(.splat)
            return Expression(.traversal(t))
        default:
            return Expression(.splat(node, []))
        }
    }

    /// Converts a document `Value` (InfraCore) into a literal expression.
    public init(literal value: InfraCore.Value) {
        self.init(Node(literal: value))
    }

    /// The Terraform `each.key` of a `for_each` resource.
    public static let eachKey = Expression.reference("each", "key")
    /// The Terraform `each.value` of a `for_each` resource.
    public static let eachValue = Expression.reference("each", "value")
    /// The Terraform `count.index` of a `count` resource.
    public static let countIndex = Expression.reference("count", "index")
}

extension Expression.Node {
    /// Converts a document value into literal nodes.
    public init(literal value: InfraCore.Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .list(a.map(Expression.Node.init(literal:)))
        case .object(let o):
            self = .object(o.members.map { Expression.ObjectMember(key: $0.key, value: .init(literal: $0.value)) })
        }
    }

    /// Whether the node is made of literals only (no references, calls or templates).
    public var isLiteral: Bool {
        switch self {
        case .null, .bool, .int, .double, .string: true
        case .list(let elements): elements.allSatisfy(\.isLiteral)
        case .object(let members): members.allSatisfy { $0.keyExpression == nil && $0.value.isLiteral }
        default: false
        }
    }
}

extension Expression: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral, ExpressibleByStringInterpolation
{
    /// A literal string.
    public init(stringLiteral value: String) { self.init(.string(value)) }
    /// A string template built with Swift interpolation: `"\(vpc.id)-suffix"`.
    public init(stringInterpolation: TemplateInterpolation) { self.init(stringInterpolation.node) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self.init(.int(value)) }
    /// A number literal.
    public init(floatLiteral value: Double) { self.init(.double(value)) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    /// A list literal.
    public init(arrayLiteral elements: Expression...) { self.init(.list(elements.map(\.node))) }
    /// An object literal, keys in literal order.
    public init(dictionaryLiteral elements: (String, Expression)...) {
        self.init(.object(elements.map { ObjectMember(key: $0.0, value: $0.1.node) }))
    }
    /// `null`.
    public init(nilLiteral: ()) { self.init(.null) }
}
