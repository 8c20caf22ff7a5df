// Labels on every Kubernetes object (its `metadata.labels`), as cdk8s users and cluster
// policies expect (`app.kubernetes.io/part-of`, `team`). Selectors and pod templates are left
// alone: a Deployment's selector is immutable, and template labels roll out every pod.

import InfraCore

/// Adds labels to the metadata of every Kubernetes object it visits.
///
/// ```swift
/// let infra = Infrastructure { prodManifests }
///     .aspect(LabelAspect(["app.kubernetes.io/part-of": "oves", "team": "platform"]))
/// ```
///
/// An object's own value for a key wins unless `overwrite` is set. Keys and values are checked
/// by manifest validation like any label (the aspect runs before it).
public struct LabelAspect: Aspect {
    /// The labels to add.
    public var labels: [String: String]
    /// Whether the aspect's values replace an object's own values for the same key.
    public var overwrite: Bool
    /// Kinds to leave alone (`Namespace`, say, when another tool owns namespaces' labels).
    public var excludedKinds: Set<String>

    /// Creates a labelling aspect.
    public init(_ labels: [String: String], overwrite: Bool = false, excludedKinds: Set<String> = []) {
        self.labels = labels
        self.overwrite = overwrite
        self.excludedKinds = excludedKinds
    }

    /// Adds the labels to the visited object.
    public mutating func visit(_ visit: inout AspectVisit) {
        guard !labels.isEmpty, var node = visit.node as? KubernetesAspectNode,
            !excludedKinds.contains(node.object.kind)
        else { return }
        var merged = node.object.metadata.labels ?? [:]
        merged.merge(labels) { own, added in overwrite ? added : own }
        node.object.metadata.labels = merged
        visit.node = node
    }
}
