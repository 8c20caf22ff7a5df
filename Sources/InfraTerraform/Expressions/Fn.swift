// Typed helpers for Terraform's built-in functions, so common calls are checked by the
// compiler instead of written as strings. Anything missing: `Expression.call(name, …)`.

import InfraCore

/// Terraform built-in functions with typed arguments and results.
///
/// ```swift
/// let subnet = Fn.cidrsubnet(vpc.cidrBlock, newbits: 8, netnum: 1)   // cidrsubnet(aws_vpc.main.cidr_block, 8, 1)
/// let policy = Fn.jsonencode(document)                                // jsonencode({...})
/// ```
public enum Fn {
    /// `cidrsubnet(prefix, newbits, netnum)`: a subnet address within a CIDR prefix.
    public static func cidrsubnet(_ prefix: Expr<String>, newbits: Expr<Double>, netnum: Expr<Double>) -> Expr<String> {
        Expr(.call("cidrsubnet", prefix.expression, newbits.expression, netnum.expression))
    }

    /// `cidrhost(prefix, hostnum)`: one host address within a CIDR prefix.
    public static func cidrhost(_ prefix: Expr<String>, _ hostnum: Expr<Double>) -> Expr<String> {
        Expr(.call("cidrhost", prefix.expression, hostnum.expression))
    }

    /// `jsonencode(value)`: the JSON text of a value.
    public static func jsonencode(_ value: Expression) -> Expr<String> {
        Expr(.call("jsonencode", value))
    }

    /// `jsondecode(text)`.
    public static func jsondecode(_ text: Expr<String>) -> Expr<Value> {
        Expr(.call("jsondecode", text.expression))
    }

    /// `merge(maps…)`: later maps win.
    public static func merge<V>(_ maps: Expr<[String: V]>...) -> Expr<[String: V]> {
        Expr(.call("merge", arguments: maps.map(\.expression)))
    }

    /// `element(list, index)`: wraps around like Terraform's `element`.
    public static func element<E>(_ list: Expr<[E]>, _ index: Expr<Double>) -> Expr<E> {
        Expr(.call("element", list.expression, index.expression))
    }

    /// `concat(lists…)`.
    public static func concat<E>(_ lists: Expr<[E]>...) -> Expr<[E]> {
        Expr(.call("concat", arguments: lists.map(\.expression)))
    }

    /// `length(collection)`.
    public static func length(_ collection: Expression) -> Expr<Double> {
        Expr(.call("length", collection))
    }

    /// `join(separator, list)`.
    public static func join(_ separator: Expr<String>, _ list: Expr<[String]>) -> Expr<String> {
        Expr(.call("join", separator.expression, list.expression))
    }

    /// `format(spec, values…)`.
    public static func format(_ spec: Expr<String>, _ values: Expression...) -> Expr<String> {
        Expr(.call("format", arguments: [spec.expression] + values))
    }

    /// `lookup(map, key, default)`.
    public static func lookup<V>(_ map: Expr<[String: V]>, _ key: Expr<String>, default fallback: Expr<V>) -> Expr<V> {
        Expr(.call("lookup", map.expression, key.expression, fallback.expression))
    }

    /// `tolist(set)`.
    public static func tolist<E>(_ set: Expr<Set<E>>) -> Expr<[E]> {
        Expr(.call("tolist", set.expression))
    }

    /// `toset(list)`.
    public static func toset<E>(_ list: Expr<[E]>) -> Expr<Set<E>> {
        Expr(.call("toset", list.expression))
    }

    /// `file(path)`: the contents of a file, read at plan time.
    public static func file(_ path: Expr<String>) -> Expr<String> {
        Expr(.call("file", path.expression))
    }

    /// `base64encode(text)`.
    public static func base64encode(_ text: Expr<String>) -> Expr<String> {
        Expr(.call("base64encode", text.expression))
    }

    /// `replace(text, search, replacement)`.
    public static func replace(
        _ text: Expr<String>, _ search: Expr<String>, _ replacement: Expr<String>
    )
        -> Expr<String>
    {
        Expr(.call("replace", text.expression, search.expression, replacement.expression))
    }

    /// `can(expression)`: whether the expression evaluates without error (for validations).
    public static func can(_ expression: Expression) -> Expr<Bool> {
        Expr(.call("can", expression))
    }

    /// `regex(pattern, text)`.
    public static func regex(_ pattern: Expr<String>, _ text: Expr<String>) -> Expr<String> {
        Expr(.call("regex", pattern.expression, text.expression))
    }

    /// `contains(list, value)`.
    public static func contains<E>(_ list: Expr<[E]>, _ value: Expr<E>) -> Expr<Bool> {
        Expr(.call("contains", list.expression, value.expression))
    }
}

