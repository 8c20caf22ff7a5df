// Reading into typed values: list elements, map values, object attributes, and `Expr<Value>`
// (Terraform's `any`), which reads like HCL — `identity[0].oidc[0].issuer` — because its
// shape is not known to the compiler.

import InfraCore

extension Expr {
    /// `self[index]` of a list: `zones[0]`, `ids[Count.index]`.
    public subscript<E>(index: Expr<Double>) -> Expr<E> where T == [E] {
        Expr<E>(expression.index(index.expression))
    }

    /// `self[key]` of a map: `tags["Name"]`, `subnets[each.key]`.
    public subscript<V>(key: Expr<String>) -> Expr<V> where T == [String: V] {
        Expr<V>(expression.index(key.expression))
    }

    /// `self[*]` of a list: attributes read from it apply to every element, so
    /// `rules.splat().port` is `var.rules[*].port` (untyped; `rules.map { $0.port }` keeps types).
    public func splat<E>() -> Expr<InfraCore.Value> where T == [E] {
        Expr<InfraCore.Value>(expression.splat())
    }

    /// `self.name` as a value of type `U`: how typed object shapes expose their attributes.
    ///
    /// ```swift
    /// enum NodeGroup {}   // object({ disk_size = number, … })
    /// extension Expr<NodeGroup> { var diskSize: Expr<Double> { attribute("disk_size") } }
    /// ```
    public func attribute<U>(_ name: String) -> Expr<U> {
        Expr<U>(expression.attribute(name))
    }
}

extension Expr where T == InfraCore.Value {
    /// `self.name` of a value whose shape is not typed: `each.value.disk_size`.
    public subscript(dynamicMember name: String) -> Expr<InfraCore.Value> {
        Expr(expression.attribute(name))
    }

    /// `self[index]` of a value whose shape is not typed: `cluster.identity[0]`.
    public subscript(index: Expr<Double>) -> Expr<InfraCore.Value> {
        Expr(expression.index(index.expression))
    }

    /// `self[key]` of a value whose shape is not typed: `labels["kubernetes.io/role"]`.
    public subscript(key: Expr<String>) -> Expr<InfraCore.Value> {
        Expr(expression.index(key.expression))
    }

    /// An object constructor from members of any type, in the given order.
    ///
    /// ```swift
    /// Expr<InfraCore.Value>.object(["role": key, "arn": arn])   // { "role" = k, "arn" = arn }
    /// ```
    public static func object(_ members: KeyValuePairs<String, any ExpressionConvertible>) -> Expr<InfraCore.Value> {
        Expr(Expression(.object(members.map { Expression.ObjectMember(key: $0.key, value: $0.value.expression.node) })))
    }
}
