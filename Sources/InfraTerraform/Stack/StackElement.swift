// What a stack is made of after its builder ran: a flat list of Terraform blocks, each
// with the component path it came from. Constructs expand into these.

import InfraCore

// The rarer kinds are `indirect` (boxed): an element is as wide as its widest inline payload, and a
// stack of 50,000 resources kept a 320-byte slot per element for the module calls it did not have.
/// One block of a Terraform configuration, as collected from a ``Stack``'s content.
public enum StackElement: Sendable, Hashable {
    /// A `resource` block.
    case resource(ResourceBlock)
    /// A `data` block.
    case data(ResourceBlock)
    /// A `variable` block.
    indirect case variable(VariableBlock)
    /// An `output` block.
    indirect case output(OutputBlock)
    /// One entry of `locals`.
    indirect case local(LocalBlock)
    /// A `module` call.
    indirect case module(ModuleCallBlock)
    /// A `provider` configuration.
    indirect case provider(ProviderBlock)
    /// A `moved` block.
    indirect case moved(MovedBlock)
    /// An `import` block.
    indirect case importBlock(ImportBlock)
    /// A `removed` block.
    indirect case removed(RemovedBlock)
    /// A read of another root's outputs (``RemoteRoot``): a `terraform_remote_state` data block and a root-order edge.
    indirect case rootRequirement(RootRequirement)
    /// A problem a construct found in its own input; reported with all others.
    indirect case diagnostic(Diagnostic)
}

/// Anything that can appear in a ``Stack`` builder: resources, constructs, variables, …
public protocol StackContent: Sendable {
    /// The blocks this content contributes, with component paths under `parent`.
    func stackElements(in parent: ComponentPath) -> [StackElement]
}

extension StackElement: StackContent {
    /// The element itself.
    public func stackElements(in parent: ComponentPath) -> [StackElement] { [self] }
}

/// A `resource` or `data` block with its type, name, body and meta-arguments.
///
/// A value type whose fields share one heap box between copies until a copy is changed: a block
/// is copied into several tables during synthesis, and a copy is one retain.
public struct ResourceBlock: Sendable, Hashable {
    /// The Terraform type, e.g. `aws_vpc`.
    public var type: String {
        _read { yield storage.fields.type }
        _modify { yield &storage.fields.type }
    }
    /// The local name, e.g. `main`.
    public var name: String {
        _read { yield storage.fields.name }
        _modify { yield &storage.fields.name }
    }
    /// Attributes and nested blocks.
    public var body: Block {
        _read { yield storage.fields.body }
        _modify { yield &storage.fields.body }
    }
    /// Meta-arguments and overrides.
    public var meta: MetaArguments {
        _read { yield storage.fields.meta }
        _modify { yield &storage.fields.meta }
    }
    /// Where it was defined.
    public var path: ComponentPath {
        _read { yield storage.fields.path }
        _modify { yield &storage.fields.path }
    }
    /// The attributes its Swift type marks sensitive (``TerraformResource/sensitiveAttributes``);
    /// validation adds the ones the AWS provider table lists for ``type``.
    public var sensitiveAttributes: [String] {
        _read { yield storage.fields.sensitiveAttributes }
        _modify { yield &storage.fields.sensitiveAttributes }
    }
    /// Whether it came from the untyped ``Resource``/``DataSource`` escape hatch rather than a
    /// generated type, so its attributes were not type-checked (`check` lists these).
    public var isUntyped: Bool {
        _read { yield storage.fields.isUntyped }
        _modify { yield &storage.fields.isUntyped }
    }

    private struct Fields: Sendable, Hashable {
        var type: String
        var name: String
        var body: Block
        var meta: MetaArguments
        var path: ComponentPath
        var sensitiveAttributes: [String]
        var isUntyped: Bool
    }

    private var storage: BlockStorage<Fields>

    /// Creates a block.
    public init(
        type: String, name: String, body: Block, meta: MetaArguments = MetaArguments(), path: ComponentPath,
        sensitiveAttributes: [String] = [], isUntyped: Bool = false
    ) {
        storage = BlockStorage(
            Fields(
                type: type, name: name, body: body, meta: meta, path: path,
                sensitiveAttributes: sensitiveAttributes, isUntyped: isUntyped))
    }

    /// The body plus meta-arguments as Terraform JSON.
    public var jsonValue: Value {
        guard case .object(var object) = body.jsonValue else { return .null }
        meta.apply(to: &object)
        return .object(object)
    }

    /// Every traversal in the body and meta-arguments.
    public var traversals: [Traversal] { body.traversals + meta.traversals }
}
