// Any Kubernetes kind that has no generated type (another CRD, an alpha API): the caller
// gives apiVersion, kind, metadata and the remaining top-level fields as free-form values.

import InfraCore

/// A Kubernetes object of any kind, with free-form content.
///
/// ```swift
/// UnstructuredObject(
///     apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor",
///     metadata: .init(name: "api", namespace: "monitoring"),
///     fields: ["spec": ["endpoints": [["port": "http"]]]])
/// ```
public struct UnstructuredObject: KubernetesObject, Hashable {
    /// The API group and version, e.g. `monitoring.coreos.com/v1`.
    public var apiVersion: String
    /// The kind, e.g. `ServiceMonitor`.
    public var kind: String
    /// The object's metadata.
    public var metadata: ObjectMeta
    /// Whether the kind is cluster-scoped (has no namespace), which decides where it is written.
    public var isClusterScoped: Bool
    /// The other top-level fields (`spec`, `data`, …), written after `metadata` in this order.
    public var fields: ValueObject

    /// Creates an object; `fields` holds everything except `apiVersion`, `kind` and `metadata`.
    public init(
        apiVersion: String, kind: String, metadata: ObjectMeta, isClusterScoped: Bool = false,
        fields: ValueObject = ValueObject()
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.isClusterScoped = isClusterScoped
        self.fields = fields
    }

    /// `apiVersion`, `kind`, `metadata`, then ``fields`` in their order (`spec` first when present).
    public func renderValue() -> Value {
        var json = ValueObject()
        json.appendUnique("apiVersion", .string(apiVersion))
        json.appendUnique("kind", .string(kind))
        json.appendUnique("metadata", metadata.renderValue())
        if let spec = fields["spec"] { json.appendUnique("spec", spec) }
        for member in fields.members where !["apiVersion", "kind", "metadata", "spec"].contains(member.key) {
            json.appendUnique(member.key, member.value)
        }
        return .object(json)
    }
}
