// The expression tree of HCL native syntax, one case per form of the specification:
// literals, templates, variables with attribute and index steps, function calls, tuples and
// objects, `for` expressions, splats, operators and conditionals. Every node keeps its
// source range so later stages can point at what they could not convert.

/// An HCL expression with its place in the source.
///
/// ```swift
/// let result = HCLParser.parseExpression("cidrsubnet(var.cidr, 8, count.index)")
/// if case .call(let name, let arguments, _) = result.expression?.kind { print(name, arguments.count) }
/// ```
public struct HCLExpression: Sendable, Hashable {
    /// The form of an expression.
    public indirect enum Kind: Sendable, Hashable {
        /// A number, kept as written (`1`, `1.5e3`) so no precision is lost.
        case number(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null
        /// A quoted or heredoc template: literal text, interpolations and directives.
        case template(HCLTemplate)
        /// A template that is exactly one interpolation (`"${x}"`): its value is `x`'s, unconverted.
        case templateWrap(HCLExpression)
        /// A variable: the root of a reference (`var`, `aws_vpc`, `each`, …).
        case variable(String)
        /// `source.name`.
        case getAttribute(HCLExpression, String)
        /// `source[key]`; `legacy` for the old `source.0` form.
        case index(HCLExpression, HCLExpression, legacy: Bool)
        /// `source[*].rest` or `source.*.rest`: `each` is evaluated per element with
        /// ``Kind/splatItem`` standing for the element.
        case splat(HCLExpression, each: HCLExpression, full: Bool)
        /// The element placeholder inside a splat's `each`.
        case splatItem
        /// A function call; `expandsFinal` when the last argument is followed by `...`.
        case call(String, [HCLExpression], expandsFinal: Bool)
        /// `[a, b, c]`.
        case tuple([HCLExpression])
        /// `{ key = value, … }`.
        case object([HCLObjectItem])
        /// `[for …]` or `{for …}`.
        case forExpression(HCLForExpression)
        /// `-x` or `!x`.
        case unary(HCLUnaryOperator, HCLExpression)
        /// `a op b`.
        case binary(HCLBinaryOperator, HCLExpression, HCLExpression)
        /// `condition ? a : b`.
        case conditional(HCLExpression, HCLExpression, HCLExpression)
        /// `( … )`, kept so a rendering keeps the author's grouping.
        case parenthesized(HCLExpression)
        /// Where the parser could not read an expression (a diagnostic says why).
        case invalid
    }

    /// The form.
    public var kind: Kind
    /// Where it is.
    public var range: SourceRange

    /// Creates an expression.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A unary operator.
public enum HCLUnaryOperator: String, Sendable, Hashable {
    /// `-x`
    case negate = "-"
    /// `!x`
    case not = "!"
}

/// A binary operator, with the specification's precedence levels.
public enum HCLBinaryOperator: String, Sendable, Hashable, CaseIterable {
    /// `||`
    case or = "||"
    /// `&&`
    case and = "&&"
    /// `==`
    case equal = "=="
    /// `!=`
    case notEqual = "!="
    /// `<`
    case lessThan = "<"
    /// `<=`
    case lessThanOrEqual = "<="
    /// `>`
    case greaterThan = ">"
    /// `>=`
    case greaterThanOrEqual = ">="
    /// `+`
    case add = "+"
    /// `-`
    case subtract = "-"
    /// `*`
    case multiply = "*"
    /// `/`
    case divide = "/"
    /// `%`
    case modulo = "%"

    /// The precedence level: 1 (`||`, loosest) to 6 (`*`, `/`, `%`, tightest).
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual: 3
        case .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide, .modulo: 6
        }
    }
}

/// One `key = value` (or `key: value`) of an object constructor.
public struct HCLObjectItem: Sendable, Hashable {
    /// How the key is written.
    public enum Key: Sendable, Hashable {
        /// A bare identifier: the literal attribute name.
        case identifier(String)
        /// Any other expression (a quoted template, `(expr)`, a number, …).
        case expression(HCLExpression)
    }

    /// The key.
    public var key: Key
    /// The key's source range.
    public var keyRange: SourceRange
    /// The value.
    public var value: HCLExpression

    /// Creates an item.
    public init(key: Key, keyRange: SourceRange, value: HCLExpression) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// `[for k, v in collection : value if condition]` or `{for k, v in c : key => value... if cond}`.
public struct HCLForExpression: Sendable, Hashable {
    /// The key (or index) variable, when two names are given.
    public var keyVariable: String?
    /// The value variable.
    public var valueVariable: String
    /// What is iterated.
    public var collection: HCLExpression
    /// The key expression of an object `for`; `nil` for a tuple `for`.
    public var keyExpression: HCLExpression?
    /// The element (or value) expression.
    public var valueExpression: HCLExpression
    /// `...` after the value: values with the same key are grouped into tuples.
    public var grouping: Bool
    /// The `if` filter.
    public var condition: HCLExpression?

    /// Creates a `for` expression.
    public init(
        keyVariable: String?, valueVariable: String, collection: HCLExpression, keyExpression: HCLExpression?,
        valueExpression: HCLExpression, grouping: Bool, condition: HCLExpression?
    ) {
        self.keyVariable = keyVariable
        self.valueVariable = valueVariable
        self.collection = collection
        self.keyExpression = keyExpression
        self.valueExpression = valueExpression
        self.grouping = grouping
        self.condition = condition
    }

    /// Whether it builds an object (`{for …}`) rather than a tuple.
    public var isObject: Bool { keyExpression != nil }
}
