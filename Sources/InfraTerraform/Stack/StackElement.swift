// What a stack is made of after its builder ran: a flat list of Terraform blocks, each
// with the component path it came from. Constructs expand into these.

import InfraCore

/// One block of a Terraform configuration, as collected from a ``Stack``'s content.
public enum StackElement: Sendable, Hashable {
    /// A `resource` block.
    case resource(ResourceBlock)
    /// A `data` block.
    case data(ResourceBlock)
    /// A `variable` block.
    case variable(VariableBlock)
    /// An `output` block.
    case output(OutputBlock)
    /// One entry of `locals`.
    case local(LocalBlock)
    /// A `module` call.
    case module(ModuleCallBlock)
    /// A `provider` configuration.
    case provider(ProviderBlock)
    /// A `moved` block.
    case moved(MovedBlock)
    /// An `import` block.
    case importBlock(ImportBlock)
    /// A `removed` block.
    case removed(RemovedBlock)
    /// A read of another root's outputs (``RemoteRoot``): a `terraform_remote_state` data block and a root-order edge.
    case rootRequirement(RootRequirement)
    /// A problem a construct found in its own input; reported with all others.
    case diagnostic(Diagnostic)
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
public struct ResourceBlock: Sendable, Hashable {
    /// The Terraform type, e.g. `aws_vpc`.
    public var type: String
    /// The local name, e.g. `main`.
    public var name: String
    /// Attributes and nested blocks.
    public var body: Block
    /// Meta-arguments and overrides.
    public var meta: MetaArguments
    /// Where it was defined.
    public var path: ComponentPath
    /// The attributes its Swift type marks sensitive (``TerraformResource/sensitiveAttributes``);
    /// validation adds the ones the AWS provider table lists for ``type``.
    public var sensitiveAttributes: [String]
    /// Whether it came from the untyped ``Resource``/``DataSource`` escape hatch rather than a
    /// generated type, so its attributes were not type-checked (`check` lists these).
    public var isUntyped: Bool

    /// Creates a block.
    public init(
        type: String, name: String, body: Block, meta: MetaArguments = MetaArguments(), path: ComponentPath,
        sensitiveAttributes: [String] = [], isUntyped: Bool = false
    ) {
        self.type = type
        self.name = name
        self.body = body
        self.meta = meta
        self.path = path
        self.sensitiveAttributes = sensitiveAttributes
        self.isUntyped = isUntyped
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
