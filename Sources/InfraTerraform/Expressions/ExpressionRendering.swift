// Rendering expressions two ways: as Terraform JSON values (where every string is a
// template, so literal `${`/`%{` must be doubled) and as HCL native syntax (used inside
// `${…}` and for `.tf` output).

import InfraCore

extension Expression {
    /// The expression as a Terraform JSON value.
    ///
    /// Literals stay JSON literals (strings escaped so Terraform reads them back unchanged);
    /// lists and objects become JSON arrays and objects; everything else becomes `"${…}"`.
    public var jsonValue: InfraCore.Value { node.jsonValue }

    /// The expression in HCL native syntax, e.g. `cidrsubnet(var.cidr, 8, 1)`.
    public var hcl: String {
        var out = ""
        node.writeHCL(to: &out)
        return out
    }

    /// Escapes a literal string for a Terraform template: `${` → `$${`, `%{` → `%%{`.
    public static func escapeTemplateLiteral(_ s: String) -> String {
        guard s.utf8.contains(0x7B) else { return s }  // no "{" at all: nothing to escape
        var out = ""
        out.reserveCapacity(s.utf8.count + 4)
        var previous: Character? = nil
        for c in s {
            if c == "{", let p = previous, p == "$" || p == "%" {
                out.append(p)
            }
            out.append(c)
            previous = c
        }
        return out
    }
}

extension Expression.Node {
    /// The node as a Terraform JSON value.
    public var jsonValue: InfraCore.Value {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(Expression.escapeTemplateLiteral(s))
        case .list(let elements): return .array(elements.map(\.jsonValue))
        case .object(let members):
            return .object(ValueObject(members.map { ($0.jsonKey, $0.value.jsonValue) }))
        case .template(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .literal(let s): text += Expression.escapeTemplateLiteral(s)
                case .interpolation(let node): text += "${" + node.hcl + "}"
                }
            }
            return .string(text)
        default:
            return .string("${" + hcl + "}")
        }
    }

    /// The node in HCL native syntax.
    public var hcl: String {
        var out = ""
        writeHCL(to: &out)
        return out
    }

    /// Binding strength for parenthesization, from HCL's grammar: conditional, `||`, `&&`,
    /// `==`/`!=`, comparisons, `+`/`-`, `*`/`/`/`%`, unary operators, then everything
    /// else (literals, references, calls, brackets), which never needs parentheses.
    var precedence: Int {
        switch self {
        case .conditional: return Precedence.conditional
        case .binary(let op, _, _): return Precedence.of(op)
        case .unary: return Precedence.unary
        default: return Precedence.primary
        }
    }

    enum Precedence {
        static let conditional = 0
        /// Inside a conditional, a `for` head or body, or before a postfix: everything but a conditional.
        static let operand = 1
        static let unary = 7
        static let primary = 8

        static func of(_ op: String) -> Int {
            switch op {
            case "||": 1
            case "&&": 2
            case "==", "!=": 3
            case "<", "<=", ">", ">=": 4
            case "+", "-": 5
            case "*", "/", "%": 6
            default: 1
            }
        }
    }

    /// Writes the node, in parentheses when it binds less tightly than `minimum` requires.
    func writeHCL(to out: inout String, minimum: Int) {
        if precedence < minimum {
            out += "("
            writeHCL(to: &out)
            out += ")"
        } else {
            writeHCL(to: &out)
        }
    }

    func writeHCL(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
        case .string(let s): Expression.Node.writeQuoted(s, to: &out)
        case .list(let elements):
            out += "["
            for (i, e) in elements.enumerated() {
                if i > 0 { out += ", " }
                e.writeHCL(to: &out)
            }
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{ "
            for (i, m) in members.enumerated() {
                if i > 0 { out += ", " }
                switch m.keyExpression {
                case nil: Expression.Node.writeQuoted(m.key, to: &out)
                case .template(let parts)?: Expression.Node.template(parts).writeHCL(to: &out)
                case let key?:
                    // A key that is not a literal or template is an expression only in parentheses.
                    out += "("
                    key.writeHCL(to: &out)
                    out += ")"
                }
                out += " = "
                m.value.writeHCL(to: &out)
            }
            out += " }"
        case .traversal(let t):
            out += t.root
            Expression.Node.writeSteps(t.steps, to: &out)
        case .call(let name, let arguments), .expandedCall(let name, let arguments):
            out += name + "("
            for (i, a) in arguments.enumerated() {
                if i > 0 { out += ", " }
                a.writeHCL(to: &out)
            }
            if case .expandedCall = self, !arguments.isEmpty { out += "..." }
            out += ")"
        case .template(let parts):
            out += "\""
            for part in parts {
                switch part {
                case .literal(let s): Expression.Node.writeEscaped(s, to: &out)
                case .interpolation(let node):
                    out += "${"
                    node.writeHCL(to: &out)
                    out += "}"
                }
            }
            out += "\""
        case .conditional(let c, let t, let e):
            c.writeHCL(to: &out, minimum: Precedence.operand)
            out += " ? "
            t.writeHCL(to: &out, minimum: Precedence.operand)
            out += " : "
            e.writeHCL(to: &out, minimum: Precedence.operand)
        case .binary(let op, let l, let r):
            let own = Precedence.of(op)
            l.writeHCL(to: &out, minimum: own)
            out += " \(op) "
            r.writeHCL(to: &out, minimum: own + 1)
        case .unary(let op, let operand):
            out += op
            operand.writeHCL(to: &out, minimum: Precedence.unary)
        case .index(let collection, let key):
            collection.writeHCL(to: &out, minimum: Precedence.primary)
            out += "["
            key.writeHCL(to: &out)
            out += "]"
        case .getAttribute(let object, let name):
            object.writeHCL(to: &out, minimum: Precedence.primary)
            out += "." + name
        case .splat(let source, let steps):
            source.writeHCL(to: &out, minimum: Precedence.primary)
            out += "[*]"
            Expression.Node.writeSteps(steps, to: &out)
        case .forExpression(let f):
            let isObject: Bool
            if case .object = f.result { isObject = true } else { isObject = false }
            out += isObject ? "{ for " : "[for "
            if let key = f.keyVariable { out += key + ", " }
            out += f.valueVariable + " in "
            f.collection.writeHCL(to: &out, minimum: Precedence.operand)
            out += " : "
            switch f.result {
            case .list(let element):
                element.writeHCL(to: &out, minimum: Precedence.operand)
            case .object(let key, let value, let grouped):
                key.writeHCL(to: &out, minimum: Precedence.operand)
                out += " => "
                value.writeHCL(to: &out, minimum: Precedence.operand)
                if grouped { out += "..." }
            }
            if let condition = f.condition {
                out += " if "
                condition.writeHCL(to: &out, minimum: Precedence.operand)
            }
            out += isObject ? " }" : "]"
        case .raw(let text): out += text
        }
    }

    /// Writes `.name`, `[key]` and `[*]` steps.
    static func writeSteps(_ steps: [Traversal.Step], to out: inout String) {
        for step in steps {
            switch step {
            case .attribute(let name): out += "." + name
            case .index(let key):
                out += "["
                key.writeHCL(to: &out)
                out += "]"
            case .splat: out += "[*]"
            }
        }
    }

    /// A quoted HCL string literal.
    static func writeQuoted(_ s: String, to out: inout String) {
        out += "\""
        writeEscaped(s, to: &out)
        out += "\""
    }

    /// Escapes text inside an HCL quoted template: backslash escapes plus `$${`/`%%{`.
    static func writeEscaped(_ s: String, to out: inout String) {
        var previous: Character? = nil
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "{":
                if let p = previous, p == "$" || p == "%" { out.append(p) }
                out.append(c)
            default:
                if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.value < 0x20 {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.append(c)
                }
            }
            previous = c
        }
    }

    /// Every traversal in the tree, in order. Names bound by a `for` expression are local to
    /// its body, so traversals rooted at them are left out; a splat of a reference is one
    /// traversal with a ``Traversal/Step/splat`` step.
    public var traversals: [Traversal] {
        var result: [Traversal] = []
        collectTraversals(into: &result)
        return result
    }

    func collectTraversals(into result: inout [Traversal]) {
        collectTraversals(into: &result, bound: [])
    }

    /// Collects traversals, leaving out those rooted at a name in `bound` (for-expression and
    /// dynamic-block iterator variables in scope).
    func collectTraversals(into result: inout [Traversal], bound: Set<String>) {
        switch self {
        case .null, .bool, .int, .double, .string, .raw: return
        case .list(let elements): elements.forEach { $0.collectTraversals(into: &result, bound: bound) }
        case .object(let members):
            for member in members {
                member.keyExpression?.collectTraversals(into: &result, bound: bound)
                member.value.collectTraversals(into: &result, bound: bound)
            }
        case .traversal(let t):
            if !bound.contains(t.root) { result.append(t) }
            Expression.Node.collectStepTraversals(t.steps, into: &result, bound: bound)
        case .call(_, let arguments), .expandedCall(_, let arguments):
            arguments.forEach { $0.collectTraversals(into: &result, bound: bound) }
        case .template(let parts):
            for case .interpolation(let n) in parts { n.collectTraversals(into: &result, bound: bound) }
        case .conditional(let a, let b, let c):
            [a, b, c].forEach { $0.collectTraversals(into: &result, bound: bound) }
        case .binary(_, let a, let b), .index(let a, let b):
            [a, b].forEach { $0.collectTraversals(into: &result, bound: bound) }
        case .unary(_, let a), .getAttribute(let a, _): a.collectTraversals(into: &result, bound: bound)
        case .splat(let source, let steps):
            source.collectTraversals(into: &result, bound: bound)
            Expression.Node.collectStepTraversals(steps, into: &result, bound: bound)
        case .forExpression(let f):
            f.collection.collectTraversals(into: &result, bound: bound)
            let inner = bound.union(f.boundVariables)
            switch f.result {
            case .list(let element): element.collectTraversals(into: &result, bound: inner)
            case .object(let key, let value, _):
                key.collectTraversals(into: &result, bound: inner)
                value.collectTraversals(into: &result, bound: inner)
            }
            f.condition?.collectTraversals(into: &result, bound: inner)
        }
    }

    static func collectStepTraversals(_ steps: [Traversal.Step], into result: inout [Traversal], bound: Set<String>) {
        for case .index(let key) in steps { key.collectTraversals(into: &result, bound: bound) }
    }
}

extension Expression.ObjectMember {
    /// The key in Terraform JSON, where every object key is read as a template: literal text
    /// escaped, a computed key as its template text.
    var jsonKey: String {
        guard let keyExpression else { return Expression.escapeTemplateLiteral(key) }
        if case .string(let text) = keyExpression.jsonValue { return text }
        return "${" + keyExpression.hcl + "}"
    }
}
