// One element of the resolved model — a Terraform block or a Kubernetes object — as every
// reader after synthesis sees it: address, kind, file, component path, what it depends on,
// and its document, rendered only when a reader asks. Back ends conform with their own typed
// records (InfraTerraform's `ResolvedBlock`, InfraKubernetes' `ResolvedObject`), so readers
// that know a back end can reach the typed values behind a node.

/// One Terraform block or Kubernetes object of a synthesized unit, after validation resolved it.
///
/// ```swift
/// for node in result.model.nodes where node.role == .resource {
///     print(node.kind, node.address, node.path, node.file)   // aws_vpc aws_vpc.main dev/network/vpc …
/// }
/// let body = node.document()   // the JSON object / YAML document the file holds for it
/// ```
public protocol ModelNode: Sendable {
    /// The language of the file the node is written to (``ModelLanguage/terraform``, …).
    var language: ModelLanguage { get }
    /// Whether the node is part of the infrastructure (listed by `list`) or configures its unit.
    var role: ModelRole { get }
    /// The kind: a Terraform type (`aws_vpc`, `data.aws_ami`, `module`, `variable`, …) or a
    /// Kubernetes kind (`Deployment`).
    var kind: String { get }
    /// The name: a Terraform block's local name (`main`), a Kubernetes object's `metadata.name`.
    var name: String { get }
    /// The address, unique in its unit: `aws_vpc.main`, `data.aws_ami.ubuntu`, `var.region`,
    /// `prod/Deployment/account`.
    var address: String { get }
    /// Where it was defined, for diagnostics (`dev/network/vpc`).
    var path: ComponentPath { get }
    /// The file it is written to, relative to the output root.
    var file: String { get }
    /// The addresses of the nodes of the same unit this one depends on (references, explicit
    /// dependencies, selections), each once.
    var references: [String] { get }
    /// The node as its file holds it: the Terraform JSON body (meta-arguments included), the
    /// Kubernetes object with its resolved namespace. Rendered on every call; keep the result
    /// when you read it more than once.
    func document() -> Value
}

extension ModelNode {
    /// The folder of ``file``: the unit's output folder (`terraform/environments/dev`).
    public var folder: String { GraphNodeID.folder(of: file) }

    /// The graph node id: the folder, `/`, the address (`terraform/environments/dev/aws_vpc.main`),
    /// as ``InventoryEntry/nodeID``.
    public var nodeID: String { GraphNodeID.make(folder: folder, address: address) }

    /// The node as a listing entry.
    public var inventoryEntry: InventoryEntry {
        InventoryEntry(kind: kind, address: address, path: path, file: file)
    }
}

/// How graph node ids are made, the same for model nodes, inventory entries and edges.
enum GraphNodeID {
    /// The folder of a file path (empty at the output root).
    static func folder(of file: String) -> String {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(file[..<slash])
    }

    /// `folder/address`, or the address alone at the output root.
    static func make(folder: String, address: String) -> String {
        folder.isEmpty ? address : folder + "/" + address
    }
}

/// The language a ``ModelNode`` is written in. Back ends name their own; the two built-in ones
/// are here so that readers which know only InfraCore (such as the policy engine) can select them.
///
/// ```swift
/// let objects = result.model.nodes(.kubernetes)
/// ```
public struct ModelLanguage: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The language's name (`terraform`).
    public var rawValue: String

    /// Creates a language from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Terraform JSON (or HCL) configuration files.
    public static let terraform = ModelLanguage(rawValue: "terraform")
    /// Kubernetes YAML manifests.
    public static let kubernetes = ModelLanguage(rawValue: "kubernetes")

    /// The name.
    public var description: String { rawValue }

    /// Ordered by name, for stable listings.
    public static func < (lhs: ModelLanguage, rhs: ModelLanguage) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a ``ModelNode`` is to its unit.
///
/// ```swift
/// result.model.nodes.filter { $0.role == .resource }.count   // what `list` shows
/// ```
public enum ModelRole: Sendable, Hashable {
    /// Part of the infrastructure: a Terraform resource, data source or module call, a
    /// Kubernetes object. `list` shows these.
    case resource
    /// Configures its unit: a variable, output, local value, provider, `terraform` settings,
    /// `moved` block or the values of root variables.
    case configuration
}
