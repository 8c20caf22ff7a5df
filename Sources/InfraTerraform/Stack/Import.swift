// `import` blocks: adopt an object that already exists (created by hand, by `bootstrap`, by
// another tool) into a resource of the configuration, so the next plan reads it instead of
// failing to create it. The `to` address comes from the typed resource value.

import InfraCore

/// An `import` block: the resource (or one of its instances) adopts the existing object `id`.
///
/// ```swift
/// let bucket = AWSS3Bucket("state", bucket: "oves-terraform-state")
/// bucket
/// Import(bucket, id: "oves-terraform-state")                 // to = aws_s3_bucket.state
/// Import(subnets["a"], id: "subnet-0abc")                    // to = aws_subnet.app["a"]
/// Import(forEach: ["a": "subnet-0abc", "b": "subnet-0def"], into: subnets)
/// Import(forEach: names.value, into: users, id: { each in "user-\(each.key)" })   // id built from each
/// Import(AWSDynamoDBTable.self, named: "state_locks", id: "oves-terraform-locks")   // declared by a construct
/// ```
public struct Import: StackContent, Hashable {
    /// The declaration.
    public var block: ImportBlock

    /// Adopts the object `id` into `resource` (a resource without `count` or `for_each`).
    public init<R: TerraformResource>(_ resource: R, id: Expr<String>, provider: ProviderReference? = nil) {
        block = ImportBlock(to: resource.address.traversal, id: id.expression, provider: provider)
    }

    /// Adopts the object `id` into one instance: `subnets[0]`, `subnets["a"]`.
    public init<R: TerraformResource>(
        _ instance: InstanceReference<R>, id: Expr<String>, provider: ProviderReference? = nil
    ) {
        block = ImportBlock(to: instance.traversal, id: id.expression, provider: provider)
    }

    /// Adopts `id` into the resource of type `R` named `name`, for resources a construct declares
    /// (the construct's value is not at hand): `Import(AWSS3Bucket.self, named: "state", id: "…")`.
    public init<R: TerraformResource>(
        _ type: R.Type, named name: String, id: Expr<String>, provider: ProviderReference? = nil
    ) {
        block = ImportBlock(
            to: ReferenceTarget.resource(type: R.terraformType, name: name).traversal, id: id.expression,
            provider: provider)
    }

    /// Adopts one object per entry of `ids` into the instance of `resource` (a `for_each` resource)
    /// with the entry's key: `for_each = ids`, `to = type.name[each.key]`, `id = each.value`.
    public init<R: TerraformResource>(
        forEach ids: [String: String], into resource: R, provider: ProviderReference? = nil
    ) {
        self.init(
            forEach: Expr(Expression(literal: Value.sortedObject(ids.mapValues { Value.string($0) }))), into: resource,
            provider: provider)
    }

    /// Adopts one object per entry of a map computed in the configuration (a variable, a local).
    public init<R: TerraformResource>(
        forEach ids: Expr<[String: String]>, into resource: R, provider: ProviderReference? = nil
    ) {
        block = ImportBlock(
            to: resource.address.traversal.appending([.index(Expression.eachKey.node)]), id: .eachValue,
            forEach: ids.expression, provider: provider)
    }

    /// Adopts one object per entry of a map, the instance key and the id built from `each`
    /// (`key:` defaults to `each.key`): `for_each = var.buckets`, `to = aws_s3_bucket.b[each.key]`,
    /// `id = "logs-${each.key}"`.
    ///
    /// ```swift
    /// Import(forEach: buckets.value, into: logs, id: { each in "logs-\(each.key)" })
    /// Import(forEach: tables.value, into: tables, id: { each in each.value.attribute("name") })
    /// ```
    public init<V, R: TerraformResource>(
        forEach collection: Expr<[String: V]>, into resource: R, key: (Each<V>) -> Expr<String> = { $0.key },
        id: (Each<V>) -> Expr<String>, provider: ProviderReference? = nil
    ) {
        self.init(forEach: collection.expression, into: resource, key: key(Each()), id: id(Each()), provider: provider)
    }

    /// Adopts one object per element of a set of strings (`each.key` and `each.value` are the
    /// element): `Import(forEach: names.value, into: users, id: { each in each.key })`.
    public init<R: TerraformResource>(
        forEach collection: Expr<Set<String>>, into resource: R, key: (Each<String>) -> Expr<String> = { $0.key },
        id: (Each<String>) -> Expr<String>, provider: ProviderReference? = nil
    ) {
        self.init(forEach: collection.expression, into: resource, key: key(Each()), id: id(Each()), provider: provider)
    }

    /// Adopts one object per element of an untyped collection (a variable of type `any`, a
    /// `for` expression over objects), reading the elements' fields from `each.value`.
    public init<R: TerraformResource>(
        forEach collection: Expr<Value>, into resource: R, key: (Each<Value>) -> Expr<String> = { $0.key },
        id: (Each<Value>) -> Expr<String>, provider: ProviderReference? = nil
    ) {
        self.init(forEach: collection.expression, into: resource, key: key(Each()), id: id(Each()), provider: provider)
    }

    private init<R: TerraformResource>(
        forEach collection: Expression, into resource: R, key: Expr<String>, id: Expr<String>,
        provider: ProviderReference?
    ) {
        block = ImportBlock(
            to: resource.address.traversal.appending([.index(key.expression.node)]), id: id.expression,
            forEach: collection, provider: provider)
    }

    /// Adopts `id` at an untyped address (a resource declared with the ``Resource`` escape hatch).
    public init(to address: ReferenceTarget, id: Expr<String>, provider: ProviderReference? = nil) {
        block = ImportBlock(to: address.traversal, id: id.expression, provider: provider)
    }

    /// The import block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("import." + block.toAddress)
        return [.importBlock(block)]
    }
}

/// The untyped declaration of an import.
public struct ImportBlock: Sendable, Hashable {
    /// The resource instance that adopts the object: `aws_s3_bucket.state`, `aws_subnet.app["a"]`.
    public var to: Traversal
    /// The provider's import id of the object (a bucket's name, a subnet's id, …).
    public var id: Expression
    /// The map of `for_each` form, whose `each.key` selects the instance and `each.value` is the id.
    public var forEach: Expression?
    /// The provider configuration to import with (an aliased one), when not the default.
    public var provider: ProviderReference?
    /// Where it was defined.
    public var path: ComponentPath?

    /// Creates an import declaration.
    public init(
        to: Traversal, id: Expression, forEach: Expression? = nil, provider: ProviderReference? = nil,
        path: ComponentPath? = nil
    ) {
        self.to = to
        self.id = id
        self.forEach = forEach
        self.provider = provider
        self.path = path
    }

    /// The resource the import goes to, without instance key.
    public var target: ReferenceTarget? { to.target }

    /// The `to` address as Terraform writes it: `aws_subnet.app["a"]`.
    public var toAddress: String { Expression.reference(to).hcl }

    /// The block as Terraform JSON: `{"to": "aws_s3_bucket.state", "id": "oves-terraform-state"}`.
    public var jsonValue: Value {
        var object = ValueObject()
        if let forEach { object.appendUnique("for_each", forEach.jsonValue) }
        object.appendUnique("to", .string(toAddress))
        object.appendUnique("id", id.jsonValue)
        if let provider { object.appendUnique("provider", .string(provider.description)) }
        return .object(object)
    }
}
