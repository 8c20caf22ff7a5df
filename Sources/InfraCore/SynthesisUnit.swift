// The contract between a back end (Terraform stacks, Kubernetes manifests) and the
// tools that drive synthesis (the CLI, tests, benchmarks): validate and resolve the
// definitions into the model, then write the files from the model.

/// Something that synthesizes to files: a Terraform root or module, a set of manifests.
///
/// Back ends conform; the CLI and ``Infrastructure`` only see this protocol.
public protocol SynthesisUnit: Sendable {
    /// The unit's component path, used in diagnostics and listings (e.g. `dev`).
    var componentPath: ComponentPath { get }
    /// The folder the unit's files go to, relative to the output root (e.g. `terraform/environments/dev`).
    var outputDirectory: String { get }
    /// Checks the unit, resolves it into model nodes and writes its files from them; a result
    /// with errors has no files.
    func synthesize() -> SynthesisResult
    /// Checks the unit and renders it with options (a back end reads its own, e.g. Terraform as HCL).
    func synthesize(options: SynthesisOptions) -> SynthesisResult
    /// Other units this one needs (for example the local modules a stack calls), synthesized with it.
    var dependencies: [any SynthesisUnit] { get }
}

extension SynthesisUnit {
    /// No dependencies by default.
    public var dependencies: [any SynthesisUnit] { [] }

    /// Units without options ignore them.
    public func synthesize(options: SynthesisOptions) -> SynthesisResult { synthesize() }
}

/// The outcome of synthesizing one unit (or a whole ``Infrastructure``): the diagnostics, the
/// resolved model and the files written from it.
///
/// ```swift
/// let result = stack.synthesize()
/// result.diagnostics.hasErrors   // when true, there are no artifacts
/// result.model.nodes             // every block and object, for any reader
/// result.artifacts               // the files, bytes only
/// ```
public struct SynthesisResult: Sendable {
    /// Files, with paths relative to the output root; empty when there are errors.
    public var artifacts: [Artifact]
    /// Everything validation found.
    public var diagnostics: Diagnostics
    /// Every Terraform block and Kubernetes object, resolved (also when there are errors, so
    /// that tools can show what was found).
    public var model: ResolvedModel

    /// Creates a result.
    public init(
        artifacts: [Artifact] = [], diagnostics: Diagnostics = Diagnostics(), model: ResolvedModel = ResolvedModel()
    ) {
        self.artifacts = artifacts
        self.diagnostics = diagnostics
        self.model = model
    }

    /// What the unit contains, for `list`: the model's ``ResolvedModel/inventory``.
    public var inventory: [InventoryEntry] { model.inventory }

    /// Dependencies between the unit's components, for `graph`: the model's ``ResolvedModel/edges``.
    public var edges: [DependencyEdge] { model.edges }
}

/// One resource, data source, module call or Kubernetes object, for listings (see
/// ``ModelNode/inventoryEntry``).
public struct InventoryEntry: Sendable, Hashable, Codable {
    /// The kind: a Terraform type (`aws_vpc`) or a Kubernetes kind (`Deployment`).
    public var kind: String
    /// The address: `aws_vpc.network_vpc` or `prod/Deployment/account`.
    public var address: String
    /// Where it was defined.
    public var path: ComponentPath
    /// The file it is written to, relative to the output root.
    public var file: String

    /// The graph node id: the file's folder, `/`, the address.
    public var nodeID: String { GraphNodeID.make(folder: GraphNodeID.folder(of: file), address: address) }

    /// Creates an entry.
    public init(kind: String, address: String, path: ComponentPath, file: String) {
        self.kind = kind
        self.address = address
        self.path = path
        self.file = file
    }
}

/// `from` depends on `to` (a reference or an explicit `depends_on`).
///
/// Node ids are `<output directory>/<address>`, e.g. `terraform/environments/dev/aws_subnet.a`
/// or `kubernetes/prod/Deployment/prod/account`, matching ``InventoryEntry/nodeID``.
public struct DependencyEdge: Sendable, Hashable, Codable {
    /// The dependent node's id (e.g. `dev/aws_subnet.private_a`).
    public var from: String
    /// The node it depends on.
    public var to: String

    /// Creates an edge.
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
