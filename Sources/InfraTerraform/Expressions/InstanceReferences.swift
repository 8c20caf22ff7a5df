// References into blocks with several instances: one instance (`subnets[0].id`,
// `subnets["a"].id`, `subnets[each.key].id`), all of them (`subnets.all.id` as a list) and
// `for` over them (`roles.eachInstance.mapValues { r in r.arn }`). Attributes are read through
// key paths of the block's own typed properties, so the element type is kept and a misspelt
// attribute does not compile.

import InfraCore

/// A block that other blocks refer to by address: a resource, a data source or a module call.
///
/// ```swift
/// let first: Expr<String> = subnets[0].id          // aws_subnet.app[0].id
/// ```
public protocol TerraformAddressable: Sendable {
    /// The block's address, e.g. `aws_subnet.app` or `module.vpc`.
    var address: ReferenceTarget { get }
    /// Its meta-arguments: whether it has `count` or `for_each` decides how its instances are read.
    var meta: MetaArguments { get }
}

extension TerraformAddressable {
    /// One instance of a block with `count`: `subnets[0]`, `subnets[Count.index]`.
    public subscript(index: Expr<Double>) -> InstanceReference<Self> {
        InstanceReference(base: self, traversal: address.traversal.appending([.index(index.expression.node)]))
    }

    /// One instance of a block with `for_each`: `subnets["us-east-1a"]`, `subnets[each.key]`.
    public subscript(key: Expr<String>) -> InstanceReference<Self> {
        InstanceReference(base: self, traversal: address.traversal.appending([.index(key.expression.node)]))
    }

    /// One instance selected by an untyped key, e.g. a field of `each.value`: `roles[each.value.role]`.
    public subscript(key: Expr<Value>) -> InstanceReference<Self> {
        InstanceReference(base: self, traversal: address.traversal.appending([.index(key.expression.node)]))
    }

    /// Every instance at once: `subnets.all.id` is an `Expr<[String]>` — `aws_subnet.app[*].id`
    /// with `count` (or none), `values(aws_subnet.app)[*].id` with `for_each`.
    public var all: SplatReference<Self> { SplatReference(base: self) }

    /// The instances as a collection to build `for` expressions over:
    /// `roles.eachInstance.mapValues { role in role.arn }`.
    public var eachInstance: InstanceIteration<Self> { InstanceIteration(base: self) }
}

/// One instance of a resource, data source or module call, read with the block's own typed
/// properties: `subnets[0].id` is `aws_subnet.app[0].id`.
///
/// Reference properties (`id`, `arn`, `…Ref`) and argument properties (`vpcId`) both give the
/// instance's attribute, so `subnets[each.key].cidrBlock` is `aws_subnet.app[each.key].cidr_block`.
@dynamicMemberLookup
public struct InstanceReference<Base: TerraformAddressable>: Sendable {
    /// The block whose instance this is.
    public var base: Base
    /// The instance's reference: `aws_subnet.app[0]`, or a `for` variable.
    public var traversal: Traversal

    /// An instance at `traversal`.
    public init(base: Base, traversal: Traversal) {
        self.base = base
        self.traversal = traversal
    }

    /// The instance's attribute read by a typed property of the block.
    public subscript<T>(dynamicMember keyPath: KeyPath<Base, Expr<T>>) -> Expr<T> {
        guard let steps = AttributeSteps.of(keyPath, in: base) else { return base[keyPath: keyPath] }
        return Expr(.reference(traversal.appending(steps)))
    }

    /// The instance's attribute read by an optional argument property of the block.
    public subscript<T>(dynamicMember keyPath: KeyPath<Base, Expr<T>?>) -> Expr<T> {
        guard let steps = AttributeSteps.of(keyPath, in: base) else { return base[keyPath: keyPath] ?? nil }
        return Expr(.reference(traversal.appending(steps)))
    }

    /// The instance's attribute by Terraform name: `subnets[0].reference("id")`, or a module
    /// call's output: `calls[0].reference("vpc_id")`.
    public func reference<T>(_ attribute: String) -> Expr<T> {
        Expr(.reference(traversal.appending([.attribute(attribute)])))
    }

    /// The whole instance as a value (an object), e.g. to pass it to a function.
    public var object: Expr<Value> { Expr(.reference(traversal)) }
}

/// Every instance of a resource, data source or module call at once, read with the block's own
/// typed properties: `subnets.all.id` is an `Expr<[String]>`.
@dynamicMemberLookup
public struct SplatReference<Base: TerraformAddressable>: Sendable {
    /// The block whose instances are read.
    public var base: Base

    /// The splat of all instances.
    public init(base: Base) {
        self.base = base
    }

    /// The attribute of every instance, as a list, read by a typed property of the block.
    public subscript<T>(dynamicMember keyPath: KeyPath<Base, Expr<T>>) -> Expr<[T]> {
        splat(AttributeSteps.of(keyPath, in: base) ?? [])
    }

    /// The attribute of every instance, as a list, read by an optional argument property.
    public subscript<T>(dynamicMember keyPath: KeyPath<Base, Expr<T>?>) -> Expr<[T]> {
        splat(AttributeSteps.of(keyPath, in: base) ?? [])
    }

    /// The attribute of every instance by Terraform name: `calls.all.reference("vpc_id")`.
    public func reference<T>(_ attribute: String) -> Expr<[T]> {
        splat([.attribute(attribute)])
    }

    /// `aws_x.name[*].steps` with `count` (or none), `values(aws_x.name)[*].steps` with `for_each`,
    /// whose instances are a map the splat operator does not walk.
    private func splat<T>(_ steps: [Traversal.Step]) -> Expr<[T]> {
        let address = base.address.traversal
        if base.meta.forEach != nil {
            return Expr(Expression(.splat(.call("values", [.traversal(address)]), steps)))
        }
        return Expr(.reference(address.appending([.splat] + steps)))
    }
}

/// The instances of a resource, data source or module call as a collection for `for`
/// expressions: a list with `count`, a map with `for_each`.
///
/// ```swift
/// let arns: Expr<[String: String]> = roles.eachInstance.mapValues(as: "k", "r") { role in role.arn }
/// // { for k, r in aws_iam_role.app : k => r.arn }
/// ```
public struct InstanceIteration<Base: TerraformAddressable>: Sendable {
    /// The block whose instances are walked.
    public var base: Base
    /// The filtering `for` set by ``filter(as:predicate:)``, which the next `map`, `mapValues` or
    /// `toMap` continues (one `for` with an `if`).
    private var filtered: Expr<Value>?

    /// The instances of `base`.
    public init(base: Base) {
        self.base = base
    }

    private var collection: Expr<Value> { filtered ?? Expr(.reference(base.address.traversal)) }

    /// Only the instances for which `predicate` holds: the `map`, `mapValues` or `toMap` that
    /// follows is one `for` with an `if` (its variables are the ones named here).
    ///
    /// ```swift
    /// let publicIds: Expr<[String]> = subnets.eachInstance.filter(as: "s") { s in s.mapPublicIpOnLaunch }.map { s in s.id }
    /// // [for s in aws_subnet.app : s.id if s.map_public_ip_on_launch]
    /// ```
    public func filter(
        as names: String..., predicate: (InstanceReference<Base>) -> Expr<Bool>
    ) -> InstanceIteration<
        Base
    > {
        var filteredIteration = self
        filteredIteration.filtered = Expr(
            collection.filterExpression(
                names: names, keyDefault: "k", useKey: false, object: base.meta.forEach != nil
            ) { (_: Expr<Value>, v: Expr<Value>) in predicate(instance(v)) })
        return filteredIteration
    }

    private func instance(_ variable: Expr<Value>) -> InstanceReference<Base> {
        guard case .traversal(let t) = variable.expression.node else {
            return InstanceReference(base: base, traversal: Traversal(root: variable.expression.hcl, steps: []))
        }
        return InstanceReference(base: base, traversal: t)
    }

    /// `[for v in aws_x.name : transform(v)]`: one element per instance (`as:` names the variable).
    public func map<U>(as names: String..., transform: (InstanceReference<Base>) -> Expr<U>) -> Expr<[U]> {
        let value = ForVariableNames.names(names, keyDefault: "k").value
        return collection.map(as: value) { (v: Expr<Value>) in transform(instance(v)) }
    }

    /// `{ for k, v in aws_x.name : k => transform(v) }`: one entry per instance, under its key
    /// (its index with `count`).
    public func mapValues<U>(
        as names: String..., transform: (InstanceReference<Base>) -> Expr<U>
    )
        -> Expr<[String: U]>
    {
        let (key, value) = ForVariableNames.names(names, keyDefault: "k")
        return collection.toMap(as: key, value) { (k: Expr<Value>, v: Expr<Value>) in (k, transform(instance(v))) }
    }

    /// `{ for k, v in aws_x.name : key => value }`: a map built from each instance's key (or
    /// index) and the instance.
    public func toMap<K, U>(
        as names: String..., entry: (Expr<Value>, InstanceReference<Base>) -> (Expr<K>, Expr<U>)
    ) -> Expr<[String: U]> {
        let (key, value) = ForVariableNames.names(names, keyDefault: "k")
        return collection.toMap(as: key, value) { (k: Expr<Value>, v: Expr<Value>) in entry(k, instance(v)) }
    }
}

/// Finds which attribute of a block a key path reads, as traversal steps after the block's address.
enum AttributeSteps {
    /// A reference property (`id`, `…Ref`) gives its own steps; an argument property (`vpcId`)
    /// is found by setting a marker through the key path and seeing which attribute of the
    /// rendered body carries it. `nil` when neither applies.
    static func of<Base: TerraformAddressable, T>(_ keyPath: KeyPath<Base, Expr<T>>, in base: Base) -> [Traversal.Step]?
    {
        if let steps = reference(base[keyPath: keyPath].expression, in: base) { return steps }
        guard let writable = keyPath as? WritableKeyPath<Base, Expr<T>> else { return nil }
        var probe = base
        probe[keyPath: writable] = Expr(marker)
        return argument(in: probe)
    }

    /// The same for an optional argument property.
    static func of<Base: TerraformAddressable, T>(
        _ keyPath: KeyPath<Base, Expr<T>?>, in base: Base
    ) -> [Traversal.Step]? {
        if let value = base[keyPath: keyPath], let steps = reference(value.expression, in: base) { return steps }
        guard let writable = keyPath as? WritableKeyPath<Base, Expr<T>?> else { return nil }
        var probe = base
        probe[keyPath: writable] = Expr(marker)
        return argument(in: probe)
    }

    private static let marker = Expression(.raw("\u{1}instance-attribute-probe"))

    /// The steps of `expression` after `base`'s address, when it is a reference into `base`.
    private static func reference<Base: TerraformAddressable>(
        _ expression: Expression, in base: Base
    ) -> [Traversal.Step]? {
        guard case .traversal(let t) = expression.node else { return nil }
        let address = base.address.traversal
        guard t.root == address.root, t.steps.count > address.steps.count,
            Array(t.steps.prefix(address.steps.count)) == address.steps
        else { return nil }
        return Array(t.steps.dropFirst(address.steps.count))
    }

    /// The attribute of the rendered body that holds the marker.
    private static func argument<Base: TerraformAddressable>(in probe: Base) -> [Traversal.Step]? {
        let body: Block
        if let resource = probe as? any TerraformResource {
            body = resource.renderBody()
        } else if let data = probe as? any TerraformDataSource {
            body = data.renderBody()
        } else {
            return nil
        }
        return body.attributes.first { $0.value == marker }.map { [.attribute($0.key)] }
    }
}
