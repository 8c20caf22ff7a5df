// The resolved model of a synthesis: every Terraform block and Kubernetes object of every unit,
// between the DSL and the bytes. The writers, the policy engine, the test templates and the
// CLI's list, graph, diff and check all read it; nobody parses the files back.

/// Every node a synthesis resolved, in unit order (units sorted by output folder), each unit's
/// nodes in file order.
///
/// ```swift
/// let model = Infrastructure { devStack; prodManifests }.synthesize().model
/// model.nodes(.kubernetes).filter { $0.kind == "Deployment" }.map(\.address)
/// model.edges   // what `graph` draws
/// ```
public struct ResolvedModel: Sendable {
    /// The nodes.
    public var nodes: [any ModelNode]

    /// Creates a model.
    public init(nodes: [any ModelNode] = []) {
        self.nodes = nodes
    }

    /// The nodes written in `language`.
    ///
    /// ```swift
    /// model.nodes(.terraform).count
    /// ```
    public func nodes(_ language: ModelLanguage) -> [any ModelNode] {
        nodes.filter { $0.language == language }
    }

    /// The nodes whose files lie in `directory` or below it (`kubernetes/prod`).
    ///
    /// ```swift
    /// model.nodes(under: "terraform/environments/dev")
    /// ```
    public func nodes(under directory: String) -> [any ModelNode] {
        let folder = directory.split(separator: "/").joined(separator: "/")
        guard !folder.isEmpty else { return nodes }
        let prefix = folder + "/"
        return nodes.filter { $0.file.hasPrefix(prefix) }
    }

    /// The listing: one entry per node of role ``ModelRole/resource``, in model order.
    public var inventory: [InventoryEntry] {
        var entries: [InventoryEntry] = []
        entries.reserveCapacity(nodes.count)
        for node in nodes where node.role == .resource { entries.append(node.inventoryEntry) }
        return entries
    }

    /// The dependency edges: one per reference of each node, between graph node ids
    /// (`<folder>/<address>`), in model order.
    public var edges: [DependencyEdge] {
        var edges: [DependencyEdge] = []
        for node in nodes {
            let references = node.references
            guard !references.isEmpty else { continue }
            let folder = node.folder
            let from = GraphNodeID.make(folder: folder, address: node.address)
            for reference in references {
                edges.append(DependencyEdge(from: from, to: GraphNodeID.make(folder: folder, address: reference)))
            }
        }
        return edges
    }

    /// Adds the nodes of another model after these (taking its storage when this one is empty:
    /// the first unit's nodes are not copied one by one).
    ///
    /// ```swift
    /// combined.append(contentsOf: unitResult.model)
    /// ```
    public mutating func append(contentsOf other: ResolvedModel) {
        if nodes.isEmpty { nodes = other.nodes } else { nodes += other.nodes }
    }
}
