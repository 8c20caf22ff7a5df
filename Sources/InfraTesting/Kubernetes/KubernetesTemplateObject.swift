// One Kubernetes object (a YAML document) as the Kubernetes template lists and matches it,
// addressed as `Kind namespace/name` in messages.

import InfraCore

/// A Kubernetes object found in a manifest.
///
/// ```swift
/// template.objects(kind: "Deployment").first?.address   // "Deployment prod/api"
/// ```
public struct KubernetesTemplateObject: Sendable, Hashable {
    /// The whole document (`apiVersion`, `kind`, `metadata`, `spec`, …).
    public var document: Value

    /// Creates an object from its document.
    public init(document: Value) { self.document = document }

    /// `apiVersion`, e.g. `apps/v1`.
    public var apiVersion: String { document["apiVersion"]?.stringValue ?? "" }
    /// `kind`, e.g. `Deployment`.
    public var kind: String { document["kind"]?.stringValue ?? "" }
    /// `metadata.name`.
    public var name: String { document["metadata"]?["name"]?.stringValue ?? "" }
    /// `metadata.namespace`, when set.
    public var namespace: String? { document["metadata"]?["namespace"]?.stringValue }

    /// `Kind namespace/name`, or `Kind name` for cluster-scoped objects.
    public var address: String {
        namespace.map { "\(kind) \($0)/\(name)" } ?? "\(kind) \(name)"
    }
}
