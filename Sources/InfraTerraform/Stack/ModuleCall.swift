// Calling a module: a local `TerraformModule` (validated against its variables and
// outputs) or a registry/remote source.

import InfraCore

/// A `module` block.
///
/// With `count` or `for_each`, its instances are read like a resource's: `vpcs[0].output("vpc_id")`,
/// `vpcs.all.reference("vpc_id")`.
///
/// ```swift
/// let vpc = ModuleCall("vpc", module: vpcModule, inputs: ["cidr_block": "10.0.0.0/16"])
/// Output("vpc_id", vpc.output("vpc_id") as Expr<String>)
/// ```
public struct ModuleCall: StackContent, MetaArgumentCarrier, TerraformAddressable {
    /// The declaration.
    public var block: ModuleCallBlock
    /// Meta-arguments (`depends_on`, `count`, `for_each`).
    public var meta: MetaArguments {
        get { block.meta }
        set { block.meta = newValue }
    }

    /// Calls a local module; its source path is computed from the output layout.
    public init(
        _ name: String, module: TerraformModule, inputs: [String: Expression] = [:],
        providers: [String: ProviderReference] = [:]
    ) {
        block = ModuleCallBlock(
            name: name, source: .local(module), inputs: inputs, providers: providers, meta: MetaArguments())
    }

    /// Calls a module from a registry or remote source (not validated offline).
    public init(
        _ name: String, source: String, version: String? = nil, inputs: [String: Expression] = [:],
        providers: [String: ProviderReference] = [:]
    ) {
        block = ModuleCallBlock(
            name: name, source: .remote(source, version: version), inputs: inputs, providers: providers,
            meta: MetaArguments())
    }

    /// A typed reference to one of the module's outputs: `module.<name>.<output>`.
    public func output<T>(_ name: String) -> Expr<T> {
        Expr(.reference("module", block.name, name))
    }

    /// The address `module.<name>`, for `depends_on`.
    public var address: ReferenceTarget { .module(block.name) }

    /// The module block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.meta.componentPath = block.meta.componentPath ?? parent.appending("module." + block.name)
        return [.module(block)]
    }
}

/// The untyped declaration of a module call.
public struct ModuleCallBlock: Sendable, Hashable {
    /// Where the module comes from.
    public enum Source: Sendable, Hashable {
        /// A module synthesized by this program.
        case local(TerraformModule)
        /// A registry address, Git URL or path, with an optional version constraint.
        case remote(String, version: String?)
    }

    /// The call's name.
    public var name: String
    /// The module's source.
    public var source: Source
    /// Input variables.
    public var inputs: [String: Expression]
    /// Provider configurations passed in: module's name (`aws` or `aws.peer`) → caller's.
    public var providers: [String: ProviderReference]
    /// Meta-arguments.
    public var meta: MetaArguments

    /// Where it was defined.
    public var path: ComponentPath { meta.componentPath ?? ComponentPath(segments: ["module." + name]) }

    /// The block as Terraform JSON; `sourcePath` is the relative path to a local module.
    func jsonValue(sourcePath: String?) -> Value {
        var o = ValueObject()
        switch source {
        case .local: o["source"] = .string(sourcePath ?? "")
        case .remote(let address, let version):
            o["source"] = .string(address)
            if let version { o["version"] = .string(version) }
        }
        for (key, expression) in inputs { o[key] = expression.jsonValue }
        if !providers.isEmpty {
            o["providers"] = .object(
                ValueObject(
                    providers.keys.sorted().compactMap { key in
                        providers[key].map { (key, Value.string($0.description)) }
                    }))
        }
        meta.apply(to: &o)
        return .object(o.sortedByKey())
    }

    /// Every traversal in inputs and meta-arguments.
    var traversals: [Traversal] {
        inputs.values.flatMap(\.node.traversals) + meta.traversals
    }
}

extension InstanceReference where Base == ModuleCall {
    /// One output of this instance of the module: `module.<name>[key].<output>`.
    public func output<T>(_ name: String) -> Expr<T> {
        reference(name)
    }
}
