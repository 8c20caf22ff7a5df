// Typed `for` expressions built from Swift closures: the closure receives the loop variables
// as typed expressions and returns the element (or key and value) it produces. The variables
// are named `k`/`i` and `v` (`k2`, `v2`, … inside another `for`, so an inner loop never hides
// an outer one), or as given with `as:`.

import InfraCore

/// Names the variables of `for` expressions built by closures, by nesting depth.
enum ForVariableNames {
    @TaskLocal static var depth = 0

    /// The key and value variable names: `requested` (one name: the value; two: key and value),
    /// else the defaults for the current depth.
    static func names(_ requested: [String], keyDefault: String) -> (key: String, value: String) {
        let suffix = depth == 0 ? "" : String(depth + 1)
        switch requested.count {
        case 0: return (keyDefault + suffix, "v" + suffix)
        case 1: return (keyDefault + suffix, requested[0])
        default: return (requested[0], requested[1])
        }
    }

    /// Runs a body builder one level deeper, so `for` expressions it builds get fresh names.
    static func nested<R>(_ body: () -> R) -> R {
        $depth.withValue(depth + 1) { body() }
    }
}

extension Expr {
    /// A reference to a `for` variable.
    fileprivate static func variable(_ name: String) -> Expr<T> {
        Expr(.reference(Traversal(root: name, steps: [])))
    }

    /// The parts of a `for` expression made by `filter` (it yields its elements unchanged), so
    /// a `map` or `toMap` that follows is folded into the same `for`.
    fileprivate var filterParts: (key: String?, value: String, collection: Expression.Node, condition: Expression.Node)?
    {
        guard case .forExpression(let f) = expression.node, let condition = f.condition else { return nil }
        let isVariable = { (node: Expression.Node, name: String?) -> Bool in
            guard let name, case .traversal(let t) = node else { return false }
            return t.root == name && t.steps.isEmpty
        }
        switch f.result {
        case .list(let element) where isVariable(element, f.valueVariable):
            return (f.keyVariable, f.valueVariable, f.collection, condition)
        case .object(let key, let value, false)
        where isVariable(key, f.keyVariable) && isVariable(value, f.valueVariable):
            return (f.keyVariable, f.valueVariable, f.collection, condition)
        default:
            return nil
        }
    }

    /// Builds `for key, value in self` (or the filter it continues) with a result from `body`.
    fileprivate func forExpression<K, V>(
        names: [String], keyDefault: String, useKey: Bool,
        _ body: (Expr<K>, Expr<V>) -> ForExpression.Result
    ) -> Expression {
        if let parts = filterParts {
            let key = parts.key ?? ForVariableNames.names(names, keyDefault: keyDefault).key
            let result = ForVariableNames.nested { body(.variable(key), .variable(parts.value)) }
            return Expression(
                .forExpression(
                    ForExpression(
                        keyVariable: useKey || parts.key != nil ? key : nil, valueVariable: parts.value,
                        collection: parts.collection, result: result, condition: parts.condition)))
        }
        let (key, value) = ForVariableNames.names(names, keyDefault: keyDefault)
        let result = ForVariableNames.nested { body(.variable(key), .variable(value)) }
        return Expression(
            .forExpression(
                ForExpression(
                    keyVariable: useKey ? key : nil, valueVariable: value, collection: expression.node, result: result))
        )
    }

    /// Builds a filtering `for` that yields the elements for which `predicate` holds (also the
    /// `filter` of a resource's instances, which walks them as `Value`).
    func filterExpression<K, V>(
        names: [String], keyDefault: String, useKey: Bool, object: Bool, _ predicate: (Expr<K>, Expr<V>) -> Expr<Bool>
    ) -> Expression {
        let (key, value) = ForVariableNames.names(names, keyDefault: keyDefault)
        let condition = ForVariableNames.nested { predicate(.variable(key), .variable(value)) }
        let keyNode = Expr<K>.variable(key).expression.node
        let valueNode = Expr<V>.variable(value).expression.node
        return Expression(
            .forExpression(
                ForExpression(
                    keyVariable: useKey || object ? key : nil, valueVariable: value, collection: expression.node,
                    result: object ? .object(key: keyNode, value: valueNode, grouped: false) : .list(valueNode),
                    condition: condition.expression.node)))
    }
}

extension Expr where T: TerraformIterable {
    /// `i` for a list's index, `k` for a map's key.
    fileprivate static var iterationKeyName: String { T.IterationKey.self == Double.self ? "i" : "k" }

    /// `[for v in self : transform(v)]`: a list with one element per element of `self`.
    ///
    /// ```swift
    /// let hosts: Expr<[String]> = cidrs.map { cidr in Fn.cidrhost(cidr, hostnum: 1) }
    /// // [for v in var.cidrs : cidrhost(v, 1)]
    /// ```
    public func map<U>(as names: String..., transform: (Expr<T.IterationValue>) -> Expr<U>) -> Expr<[U]> {
        Expr<[U]>(
            forExpression(names: names, keyDefault: Self.iterationKeyName, useKey: false) {
                (_: Expr<T.IterationKey>, v: Expr<T.IterationValue>) in
                .list(transform(v).expression.node)
            })
    }

    /// `[for k, v in self : transform(k, v)]`: the key is the index of a list, the key of a map.
    public func map<U>(
        as names: String..., transform: (Expr<T.IterationKey>, Expr<T.IterationValue>) -> Expr<U>
    ) -> Expr<[U]> {
        Expr<[U]>(
            forExpression(names: names, keyDefault: Self.iterationKeyName, useKey: true) {
                (k: Expr<T.IterationKey>, v: Expr<T.IterationValue>) in
                .list(transform(k, v).expression.node)
            })
    }

    /// `{ for v in self : key => value }`: a map built from each element.
    ///
    /// ```swift
    /// let clusterTags: Expr<[String: String]> = clusterNames.toMap { name in ("kubernetes.io/cluster/\(name)", "shared") }
    /// // { for v in var.eks_cluster_names : "kubernetes.io/cluster/${v}" => "shared" }
    /// ```
    public func toMap<K, U>(
        as names: String..., entry: (Expr<T.IterationValue>) -> (Expr<K>, Expr<U>)
    ) -> Expr<[String: U]> {
        Expr<[String: U]>(
            forExpression(names: names, keyDefault: Self.iterationKeyName, useKey: false) {
                (_: Expr<T.IterationKey>, v: Expr<T.IterationValue>) in
                let (key, value) = entry(v)
                return .object(key: key.expression.node, value: value.expression.node, grouped: false)
            })
    }

    /// `{ for k, v in self : key => value }`: a map built from each index or key and element.
    public func toMap<K, U>(
        as names: String..., entry: (Expr<T.IterationKey>, Expr<T.IterationValue>) -> (Expr<K>, Expr<U>)
    ) -> Expr<[String: U]> {
        Expr<[String: U]>(
            forExpression(names: names, keyDefault: Self.iterationKeyName, useKey: true) {
                (k: Expr<T.IterationKey>, v: Expr<T.IterationValue>) in
                let (key, value) = entry(k, v)
                return .object(key: key.expression.node, value: value.expression.node, grouped: false)
            })
    }

    /// `{ for v in self : key => value... }`: the values of equal keys grouped into lists.
    public func grouped<K, U>(
        as names: String..., entry: (Expr<T.IterationValue>) -> (Expr<K>, Expr<U>)
    ) -> Expr<[String: [U]]> {
        Expr<[String: [U]]>(
            forExpression(names: names, keyDefault: Self.iterationKeyName, useKey: false) {
                (_: Expr<T.IterationKey>, v: Expr<T.IterationValue>) in
                let (key, value) = entry(v)
                return .object(key: key.expression.node, value: value.expression.node, grouped: true)
            })
    }
}

extension Expr {
    /// `[for v in self : v if predicate(v)]`: the elements for which `predicate` holds.
    public func filter<E>(as names: String..., predicate: (Expr<E>) -> Expr<Bool>) -> Expr<[E]> where T == [E] {
        Expr<[E]>(
            filterExpression(names: names, keyDefault: "i", useKey: false, object: false) {
                (_: Expr<Double>, v: Expr<E>) in
                predicate(v)
            })
    }

    /// `[for i, v in self : v if predicate(i, v)]`, with the element's index.
    public func filter<E>(
        as names: String..., predicate: (Expr<Double>, Expr<E>) -> Expr<Bool>
    ) -> Expr<[E]> where T == [E] {
        Expr<[E]>(filterExpression(names: names, keyDefault: "i", useKey: true, object: false, predicate))
    }

    /// `[for v in self : v if predicate(v)]` over a set (the result is a list).
    public func filter<E>(as names: String..., predicate: (Expr<E>) -> Expr<Bool>) -> Expr<[E]> where T == Set<E> {
        Expr<[E]>(
            filterExpression(names: names, keyDefault: "k", useKey: false, object: false) { (_: Expr<E>, v: Expr<E>) in
                predicate(v)
            })
    }

    /// `{ for k, v in self : k => v if predicate(v) }`: the entries whose value passes.
    ///
    /// ```swift
    /// let withPolicy = roles.filter { role in role.policy .!= "" }
    /// // { for k, v in var.roles : k => v if v.policy != "" }
    /// ```
    public func filter<V>(as names: String..., predicate: (Expr<V>) -> Expr<Bool>) -> Expr<[String: V]>
    where T == [String: V] {
        Expr<[String: V]>(
            filterExpression(names: names, keyDefault: "k", useKey: true, object: true) {
                (_: Expr<String>, v: Expr<V>) in
                predicate(v)
            })
    }

    /// `{ for k, v in self : k => v if predicate(k, v) }`: the entries that pass.
    public func filter<V>(
        as names: String..., predicate: (Expr<String>, Expr<V>) -> Expr<Bool>
    ) -> Expr<[String: V]> where T == [String: V] {
        Expr<[String: V]>(filterExpression(names: names, keyDefault: "k", useKey: true, object: true, predicate))
    }

    /// `{ for k, v in self : k => transform(v) }`: the same keys, transformed values.
    ///
    /// ```swift
    /// let upper: Expr<[String: String]> = tags.mapValues { value in Fn.upper(value) }
    /// ```
    public func mapValues<V, U>(as names: String..., transform: (Expr<V>) -> Expr<U>) -> Expr<[String: U]>
    where T == [String: V] {
        Expr<[String: U]>(
            forExpression(names: names, keyDefault: "k", useKey: true) { (k: Expr<String>, v: Expr<V>) in
                .object(key: k.expression.node, value: transform(v).expression.node, grouped: false)
            })
    }
}
