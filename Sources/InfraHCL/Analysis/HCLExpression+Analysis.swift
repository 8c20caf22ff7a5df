// Static facts about an expression without evaluating it: its value when it is made of
// literals only, and the references it makes (what Terraform lists as an expression's
// `references` in `terraform show -json`).

/// A constant value: what an expression made only of literals evaluates to.
public indirect enum HCLValue: Sendable, Hashable {
    /// `null`.
    case null
    /// A boolean.
    case bool(Bool)
    /// A number, as written.
    case number(String)
    /// A string.
    case string(String)
    /// A tuple.
    case tuple([HCLValue])
    /// An object with string keys, in source order.
    case object([(key: String, value: HCLValue)])

    /// Two values are equal when their members are (objects compare by key).
    public static func == (lhs: HCLValue, rhs: HCLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b || (Double(a) != nil && Double(a) == Double(b))
        case (.string(let a), .string(let b)): a == b
        case (.tuple(let a), .tuple(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count
                && Dictionary(a.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
                    == Dictionary(b.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        default: false
        }
    }

    /// Hashes the value (objects independently of member order).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(Double(value) ?? 0)
        case .string(let value): hasher.combine(value)
        case .tuple(let values): hasher.combine(values)
        case .object(let members): hasher.combine(Set(members.map(\.key)))
        }
    }
}

extension HCLExpression {
    /// The value when the expression is made of literals only (numbers, strings, `true`,
    /// `false`, `null`, templates without sequences, tuples and objects of those, and a negated
    /// number); otherwise `nil`.
    public var constantValue: HCLValue? {
        switch kind {
        case .number(let text): return .number(text)
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .template(let template): return template.literalText.map(HCLValue.string)
        case .templateWrap(let inner): return inner.constantValue
        case .parenthesized(let inner): return inner.constantValue
        case .unary(.negate, let operand):
            if case .number(let text) = operand.kind { return .number("-" + text) }
            return nil
        case .tuple(let elements):
            var values: [HCLValue] = []
            for element in elements {
                guard let value = element.constantValue else { return nil }
                values.append(value)
            }
            return .tuple(values)
        case .object(let items):
            var members: [(key: String, value: HCLValue)] = []
            for item in items {
                guard let value = item.value.constantValue else { return nil }
                switch item.key {
                case .identifier(let name): members.append((name, value))
                case .expression(let key):
                    switch key.constantValue {
                    case .string(let name)?: members.append((name, value))
                    case .number(let number)?: members.append((number, value))
                    case .bool(let flag)?: members.append((flag ? "true" : "false", value))
                    default: return nil
                    }
                }
            }
            return .object(members)
        default: return nil
        }
    }

    /// The variables the expression reads, each with the attribute and constant index steps
    /// that follow it: `aws_vpc.main.id`, `var.subnets[0]`, `each.key`. Names bound by `for`
    /// expressions and template `for` directives inside the expression are not references.
    public var references: [HCLReference] {
        var result: [HCLReference] = []
        collectReferences(into: &result, bound: [])
        return result
    }

    private func collectReferences(into result: inout [HCLReference], bound: Set<String>) {
        if let reference = HCLReference(self), !bound.contains(reference.root) {
            result.append(reference)
            for case .index(let key) in reference.steps { key.collectReferences(into: &result, bound: bound) }
            return
        }
        switch kind {
        case .number, .bool, .null, .variable, .splatItem, .invalid: return
        case .template(let template): HCLExpression.collect(template.parts, into: &result, bound: bound)
        case .templateWrap(let inner), .parenthesized(let inner), .unary(_, let inner), .getAttribute(let inner, _):
            inner.collectReferences(into: &result, bound: bound)
        case .index(let source, let key, _):
            source.collectReferences(into: &result, bound: bound)
            key.collectReferences(into: &result, bound: bound)
        case .splat(let source, let each, _):
            source.collectReferences(into: &result, bound: bound)
            each.collectReferences(into: &result, bound: bound)
        case .call(_, let arguments, _):
            for argument in arguments { argument.collectReferences(into: &result, bound: bound) }
        case .tuple(let elements):
            for element in elements { element.collectReferences(into: &result, bound: bound) }
        case .object(let items):
            for item in items {
                if case .expression(let key) = item.key { key.collectReferences(into: &result, bound: bound) }
                item.value.collectReferences(into: &result, bound: bound)
            }
        case .forExpression(let forExpression):
            forExpression.collection.collectReferences(into: &result, bound: bound)
            var inner = bound
            inner.insert(forExpression.valueVariable)
            if let key = forExpression.keyVariable { inner.insert(key) }
            forExpression.keyExpression?.collectReferences(into: &result, bound: inner)
            forExpression.valueExpression.collectReferences(into: &result, bound: inner)
            forExpression.condition?.collectReferences(into: &result, bound: inner)
        case .binary(_, let left, let right):
            left.collectReferences(into: &result, bound: bound)
            right.collectReferences(into: &result, bound: bound)
        case .conditional(let condition, let then, let otherwise):
            condition.collectReferences(into: &result, bound: bound)
            then.collectReferences(into: &result, bound: bound)
            otherwise.collectReferences(into: &result, bound: bound)
        }
    }

    private static func collect(_ parts: [HCLTemplatePart], into result: inout [HCLReference], bound: Set<String>) {
        for part in parts {
            switch part {
            case .literal: continue
            case .interpolation(let expression): expression.collectReferences(into: &result, bound: bound)
            case .ifDirective(let condition, let then, let otherwise):
                condition.collectReferences(into: &result, bound: bound)
                collect(then, into: &result, bound: bound)
                collect(otherwise, into: &result, bound: bound)
            case .forDirective(let key, let value, let collection, let body):
                collection.collectReferences(into: &result, bound: bound)
                var inner = bound
                inner.insert(value)
                if let key { inner.insert(key) }
                collect(body, into: &result, bound: inner)
            }
        }
    }
}

/// A variable and the steps after it: `aws_vpc.main.id`, `var.subnets[each.key]`.
public struct HCLReference: Sendable, Hashable, CustomStringConvertible {
    /// One step after the root.
    public enum Step: Sendable, Hashable {
        /// `.name`
        case attribute(String)
        /// `[key]` (or the legacy `.0`).
        case index(HCLExpression)
    }

    /// The variable name (`var`, `aws_vpc`, `each`, …).
    public var root: String
    /// The steps after it, in order.
    public var steps: [Step]
    /// Where it is.
    public var range: SourceRange

    /// Reads a variable with attribute and index steps; `nil` for any other expression.
    public init?(_ expression: HCLExpression) {
        var steps: [Step] = []
        var current = expression
        while true {
            switch current.kind {
            case .variable(let name):
                root = name
                self.steps = steps.reversed()
                range = expression.range
                return
            case .getAttribute(let source, let name):
                steps.append(.attribute(name))
                current = source
            case .index(let source, let key, _):
                steps.append(.index(key))
                current = source
            default:
                return nil
            }
        }
    }

    /// `root.a.b[0]` with constant keys written out and other keys as `[…]`.
    public var description: String {
        var text = root
        for step in steps {
            switch step {
            case .attribute(let name): text += "." + name
            case .index(let key):
                switch key.constantValue {
                case .number(let n)?: text += "[\(n)]"
                case .string(let s)?: text += "[\"\(s)\"]"
                default: text += "[…]"
                }
            }
        }
        return text
    }
}
