// Renders the resolved model's nodes and references as DOT or Mermaid, grouped into one
// cluster per output folder (Terraform root, module, Kubernetes environment).

import Foundation
import InfraCore

/// A renderable dependency graph.
public struct DependencyGraph: Sendable {
    /// Node id → label and kind.
    let nodes: [String: (label: String, kind: String)]
    /// Edges between known nodes, sorted.
    let edges: [DependencyEdge]

    /// The graph of a resolved model: its resources and objects, the blocks they are connected
    /// with (variables, locals, outputs) and every reference between them.
    ///
    /// ```swift
    /// print(DependencyGraph(model: infrastructure.synthesize().model).dot())
    /// ```
    public init(model: ResolvedModel) {
        self.init(inventory: model.inventory, edges: model.edges)
    }

    /// Builds the graph; nodes come from the inventory and from edge endpoints.
    public init(inventory: [InventoryEntry], edges: [DependencyEdge]) {
        var nodes: [String: (label: String, kind: String)] = [:]
        for entry in inventory { nodes[entry.nodeID] = (entry.address, entry.kind) }
        for edge in edges {
            for id in [edge.from, edge.to] where nodes[id] == nil {
                nodes[id] = (String(id.split(separator: "/").last ?? Substring(id)), "")
            }
        }
        self.nodes = nodes
        self.edges = edges.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// The folder part of a node id (everything before the address).
    private func cluster(of id: String, label: String) -> String {
        id.hasSuffix("/" + label) ? String(id.dropLast(label.count + 1)) : ""
    }

    private var clusters: [(name: String, ids: [String])] {
        var byCluster: [String: [String]] = [:]
        for (id, node) in nodes { byCluster[cluster(of: id, label: node.label), default: []].append(id) }
        return byCluster.keys.sorted().map { ($0, (byCluster[$0] ?? []).sorted()) }
    }

    /// Graphviz DOT text.
    public func dot() -> String {
        var out =
            "digraph infrastructure {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
        for (index, cluster) in clusters.enumerated() {
            out +=
                "  subgraph cluster_\(index) {\n    label=\(quoted(cluster.name.isEmpty ? "(root)" : cluster.name));\n"
            for id in cluster.ids {
                out += "    \(quoted(id)) [label=\(quoted(nodes[id]?.label ?? id))];\n"
            }
            out += "  }\n"
        }
        for edge in edges { out += "  \(quoted(edge.from)) -> \(quoted(edge.to));\n" }
        return out + "}\n"
    }

    /// Mermaid flowchart text.
    public func mermaid() -> String {
        var ids: [String: String] = [:]
        for (index, id) in nodes.keys.sorted().enumerated() { ids[id] = "n\(index)" }
        var out = "flowchart LR\n"
        for (index, cluster) in clusters.enumerated() {
            out += "  subgraph c\(index)[\"\(mermaidText(cluster.name.isEmpty ? "(root)" : cluster.name))\"]\n"
            for id in cluster.ids {
                out += "    \(ids[id] ?? id)[\"\(mermaidText(nodes[id]?.label ?? id))\"]\n"
            }
            out += "  end\n"
        }
        for edge in edges { out += "  \(ids[edge.from] ?? edge.from) --> \(ids[edge.to] ?? edge.to)\n" }
        return out
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func mermaidText(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "#quot;")
    }
}
