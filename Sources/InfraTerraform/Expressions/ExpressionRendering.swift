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
            return .object(
                ValueObject(members.map { (Expression.escapeTemplateLiteral($0.key), $0.value.jsonValue) }))
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
                Expression.Node.writeQuoted(m.key, to: &out)
                out += " = "
                m.value.writeHCL(to: &out)
            }
            out += " }"
        case .traversal(let t):
            out += t.root
            for step in t.steps {
                switch step {
                case .attribute(let name): out += "." + name
                case .index(let key):
                    out += "["
                    key.writeHCL(to: &out)
                    out += "]"
                }
            }
        case .call(let name, let arguments):
            out += name + "("
            for (i, a) in arguments.enumerated() {
                if i > 0 { out += ", " }
                a.writeHCL(to: &out)
            }
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
            out += "("
            c.writeHCL(to: &out)
            out += " ? "
            t.writeHCL(to: &out)
            out += " : "
            e.writeHCL(to: &out)
            out += ")"
        case .binary(let op, let l, let r):
            out += "("
            l.writeHCL(to: &out)
            out += " \(op) "
            r.writeHCL(to: &out)
            out += ")"
        case .unary(let op, let operand):
            out += op
            operand.writeHCL(to: &out)
        case .index(let collection, let key):
            collection.writeHCL(to: &out)
            out += "["
            key.writeHCL(to: &out)
            out += "]"
        case .getAttribute(let object, let name):
            object.writeHCL(to: &out)
            out += "." + name
        case .raw(let text): out += text
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

    /// Every traversal in the tree, in order.
    public var traversals: [Traversal] {
        var result: [Traversal] = []
        collectTraversals(into: &result)
        return result
    }

    func collectTraversals(into result: inout [Traversal]) {
        switch self {
        case .null, .bool, .int, .double, .string, .raw: return
        case .list(let elements): elements.forEach { $0.collectTraversals(into: &result) }
        case .object(let members): members.forEach { $0.value.collectTraversals(into: &result) }
        case .traversal(let t):
            result.append(t)
            for case .index(let key) in t.steps { key.collectTraversals(into: &result) }
        case .call(_, let arguments): arguments.forEach { $0.collectTraversals(into: &result) }
        case .template(let parts):
            for case .interpolation(let n) in parts { n.collectTraversals(into: &result) }
        case .conditional(let a, let b, let c): [a, b, c].forEach { $0.collectTraversals(into: &result) }
        case .binary(_, let a, let b), .index(let a, let b): [a, b].forEach { $0.collectTraversals(into: &result) }
        case .unary(_, let a), .getAttribute(let a, _): a.collectTraversals(into: &result)
        }
    }
}
