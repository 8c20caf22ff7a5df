// Resources and data sources: the typed protocols the generated AWS types conform to. The
// untyped `Resource`/`DataSource` for any type the generated layer lacks are in UntypedBlock.swift.

import InfraCore

/// A typed Terraform resource. Generated types (e.g. `AWSVPC`) conform.
///
/// With `count` or `for_each`, ``TerraformAddressable`` reads its instances:
/// `subnets[0].id`, `subnets[each.key].id`, `subnets.all.id`.
///
/// ```swift
/// let vpc = AWSVPC("main", cidrBlock: "10.0.0.0/16")
/// let id: Expr<String> = vpc.id            // ${aws_vpc.main.id}
/// ```
public protocol TerraformResource: StackContent, TerraformAddressable {
    /// The Terraform type, e.g. `aws_vpc`.
    static var terraformType: String { get }
    /// The attributes the provider marks sensitive, dot-separated through nested blocks
    /// (`password`, `user.password`). A literal value in one is an error and an output that
    /// refers to one must be sensitive; generated types list them, the default is none.
    static var sensitiveAttributes: [String] { get }
    /// The local name.
    var name: String { get }
    /// Meta-arguments and overrides.
    var meta: MetaArguments { get set }
    /// The attributes and nested blocks.
    func renderBody() -> Block
    /// The address `type.name` (a requirement, so generic code gets an untyped ``Resource``'s own).
    var address: ReferenceTarget { get }
    /// A typed reference to an attribute: `${type.name.attribute}`.
    func reference<T>(_ attribute: String) -> Expr<T>
}

/// A typed Terraform data source. Generated types (e.g. `DataAWSRegion`) conform.
///
/// ```swift
/// let region = DataAWSRegion("current")
/// let name: Expr<String> = region.nameRef   // ${data.aws_region.current.name}
/// ```
public protocol TerraformDataSource: StackContent, TerraformAddressable {
    /// The Terraform type, e.g. `aws_region`.
    static var terraformType: String { get }
    /// The attributes the provider marks sensitive (`secret_string`); see
    /// ``TerraformResource/sensitiveAttributes``. Generated types list them, the default is none.
    static var sensitiveAttributes: [String] { get }
    /// The local name.
    var name: String { get }
    /// Meta-arguments and overrides.
    var meta: MetaArguments { get set }
    /// The arguments and nested blocks.
    func renderBody() -> Block
    /// The address `data.type.name` (a requirement, so generic code gets an untyped ``DataSource``'s own).
    var address: ReferenceTarget { get }
    /// A typed reference to an attribute: `${data.type.name.attribute}`.
    func reference<T>(_ attribute: String) -> Expr<T>
}

extension TerraformResource {
    /// No sensitive attributes unless the type lists them.
    public static var sensitiveAttributes: [String] { [] }

    /// One `resource` block at `parent/type.name` (or the path set with ``MetaArgumentCarrier/at(_:)``).
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        [
            .resource(
                ResourceBlock(
                    data: false, type: address.blockType ?? Self.terraformType, name: name, body: renderBody(),
                    meta: meta, parent: parent, sensitiveAttributes: Self.sensitiveAttributes))
        ]
    }

    /// The address `type.name`.
    public var address: ReferenceTarget { .resource(type: Self.terraformType, name: name) }

    /// A typed reference to an attribute: `${type.name.attribute}`.
    public func reference<T>(_ attribute: String) -> Expr<T> {
        Expr(.reference(address.traversal.appending([.attribute(attribute)])))
    }
}

extension TerraformDataSource {
    /// No sensitive attributes unless the type lists them.
    public static var sensitiveAttributes: [String] { [] }

    /// One `data` block at `parent/data.type.name`.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        [
            .data(
                ResourceBlock(
                    data: true, type: address.blockType ?? Self.terraformType, name: name, body: renderBody(),
                    meta: meta, parent: parent, sensitiveAttributes: Self.sensitiveAttributes))
        ]
    }

    /// The address `data.type.name`.
    public var address: ReferenceTarget { .data(type: Self.terraformType, name: name) }

    /// A typed reference to an attribute: `${data.type.name.attribute}`.
    public func reference<T>(_ attribute: String) -> Expr<T> {
        Expr(.reference(address.traversal.appending([.attribute(attribute)])))
    }
}

extension ResourceBlock {
    /// The `resource` (or, with `data`, `data`) block of `type.name` at `parent/type.name` or
    /// `parent/data.type.name`, unless its meta-arguments set a component path: the one place
    /// typed and untyped blocks are lowered.
    init(
        data: Bool, type: String, name: String, body: Block, meta: MetaArguments, parent: ComponentPath,
        sensitiveAttributes: [String], isUntyped: Bool = false
    ) {
        self = ResourceBlock(
            type: type, name: name, body: body, meta: meta,
            path: meta.componentPath ?? parent.appending((data ? "data." : "") + "\(type).\(name)"),
            sensitiveAttributes: sensitiveAttributes, isUntyped: isUntyped
        ).movingDynamicBlocksIntoBody()
    }

    /// The block with the `dynamic` blocks of its meta-arguments moved into its body, where
    /// every reader (JSON, HCL, validation, graph) finds them.
    func movingDynamicBlocksIntoBody() -> ResourceBlock {
        guard !meta.dynamicBlocks.isEmpty else { return self }
        var copy = self
        copy.body.dynamicBlocks += copy.meta.dynamicBlocks
        copy.meta.dynamicBlocks = []
        return copy
    }
}

/// Things that carry meta-arguments and get the chainable modifiers.
public protocol MetaArgumentCarrier {
    /// Meta-arguments and overrides.
    var meta: MetaArguments { get set }
}

extension MetaArgumentCarrier {
    /// Adds explicit dependencies (`depends_on`).
    public func dependsOn(_ targets: ReferenceTarget...) -> Self {
        var copy = self
        copy.meta.dependsOn += targets
        return copy
    }

    /// Sets `count`.
    public func count(_ count: Expr<Double>) -> Self {
        var copy = self
        copy.meta.count = count.expression
        return copy
    }

    /// Sets `for_each` (a map, or a set of strings).
    public func forEach(_ collection: Expression) -> Self {
        var copy = self
        copy.meta.forEach = collection
        return copy
    }

    /// Sets `for_each` to a map: one instance per key, `Each.of(map)` reads `each.key`/`each.value`.
    public func forEach<V>(_ map: Expr<[String: V]>) -> Self {
        forEach(map.expression)
    }

    /// Sets `for_each` to a set of strings: one instance per element.
    public func forEach<E>(_ set: Expr<Set<E>>) -> Self {
        forEach(set.expression)
    }

    /// Selects a provider configuration, e.g. `.provider(.aws(alias: "eu"))`.
    public func provider(_ provider: ProviderReference) -> Self {
        var copy = self
        copy.meta.provider = provider
        return copy
    }

    /// Sets the `lifecycle` block.
    public func lifecycle(_ lifecycle: Lifecycle) -> Self {
        var copy = self
        copy.meta.lifecycle = lifecycle
        return copy
    }

    /// Writes a raw value at an attribute path after rendering (the escape hatch).
    public func override(_ path: String, _ value: Expression?) -> Self {
        var copy = self
        copy.meta.overrides.append(RawOverride(path, value))
        return copy
    }

    /// Writes the block to `<file>.tf.json` instead of `main.tf.json`.
    public func inFile(_ file: String) -> Self {
        var copy = self
        copy.meta.file = file
        return copy
    }

    /// Sets the component path used in diagnostics and listings.
    public func at(_ path: ComponentPath) -> Self {
        var copy = self
        copy.meta.componentPath = path
        return copy
    }
}

extension ReferenceTarget {
    /// The Terraform type of a resource or data source address (`aws_vpc` of `aws_vpc.main`), else `nil`.
    var blockType: String? {
        switch self {
        case .resource(let type, _), .data(let type, _): type
        case .variable, .local, .module, .contextual: nil
        }
    }

    /// A reference to an attribute of this target, e.g. `aws_vpc.main` → `aws_vpc.main.id`.
    public func attribute<T>(_ name: String) -> Expr<T> {
        switch self {
        case .resource(let type, let resource): Expr(.reference(type, resource, name))
        case .data(let type, let data): Expr(.reference("data", type, data, name))
        case .variable(let variable): Expr(.reference("var", variable, name))
        case .local(let local): Expr(.reference("local", local, name))
        case .module(let module): Expr(.reference("module", module, name))
        case .contextual(let root): Expr(.reference(root, name))
        }
    }
}
