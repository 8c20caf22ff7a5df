// The common face of every top-level Kubernetes object: generated kinds (Deployment,
// Service, ClusterIssuer, …) and `UnstructuredObject` for any other kind.

import InfraCore

/// A top-level Kubernetes object: it has an `apiVersion`, a `kind` and ``ObjectMeta``.
///
/// Every object is also ``ManifestContent`` (yielding itself), so it can be listed in a
/// ``Manifest`` directly:
/// ```swift
/// Manifest("prod") { ConfigMap(metadata: .init(name: "settings", namespace: "prod"), data: ["mode": "fast"]) }
/// ```
public protocol KubernetesObject: ValueRenderable, ManifestContent {
    /// The API group and version, e.g. `apps/v1`.
    var apiVersion: String { get }
    /// The kind, e.g. `Deployment`.
    var kind: String { get }
    /// The object's name, namespace, labels and annotations.
    var metadata: ObjectMeta { get set }
    /// Whether the object is cluster-scoped (has no namespace); decides which file it goes to.
    var isClusterScoped: Bool { get }
    /// Appends the object as one YAML document (the bytes of ``yaml``), as a ``Manifest`` writes it.
    ///
    /// Generated kinds write their fields directly; other conformers get a default that
    /// writes ``ValueRenderable/renderValue()`` with InfraCore's `YAMLWriter`.
    /// ```swift
    /// var bytes: [UInt8] = []
    /// deployment.appendYAMLDocument(to: &bytes)
    /// ```
    func appendYAMLDocument(to out: inout [UInt8])
    /// Appends the object as one YAML document with `defaultNamespace` as its namespace when its
    /// metadata names none, as a ``Manifest`` with a namespace writes it (pass `nil` for
    /// cluster-scoped objects). The object itself is not changed or copied.
    ///
    /// ```swift
    /// deployment.appendYAMLDocument(to: &bytes, defaultNamespace: "oves")
    /// ```
    func appendYAMLDocument(to out: inout [UInt8], defaultNamespace: String?)
}

extension KubernetesObject {
    /// An object contributes itself to a manifest.
    public var manifestObjects: [any KubernetesObject] { [self] }

    /// Appends the object itself.
    public func appendManifestObjects(to objects: inout [any KubernetesObject]) { objects.append(self) }

    /// The API group (`apps`; empty for the core group).
    public var apiGroup: String {
        // Searched as bytes: `firstIndex(of:)` on the characters breaks graphemes.
        let version = apiVersion
        guard let slash = version.utf8.firstIndex(of: 0x2F) else { return "" }
        return String(version[..<slash])
    }

    /// The object's name (empty when unset).
    public var name: String { metadata.name ?? "" }

    /// The object's namespace, or `nil` when it has none.
    public var namespace: String? { metadata.namespace }

    /// The object as one YAML document, exactly as a ``Manifest`` writes it (without validation).
    ///
    /// ```swift
    /// print(ConfigMap(metadata: .init(name: "settings"), data: ["mode": "fast"]).yaml)
    /// ```
    public var yaml: String {
        var out: [UInt8] = []
        appendYAMLDocument(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes ``ValueRenderable/renderValue()`` as one YAML document with InfraCore's `YAMLWriter`.
    public func appendYAMLDocument(to out: inout [UInt8]) {
        YAMLWriter().appendDocument(renderValue(), to: &out)
    }

    /// Writes a copy with `defaultNamespace` filled in (generated kinds write it without a copy).
    public func appendYAMLDocument(to out: inout [UInt8], defaultNamespace: String?) {
        guard let defaultNamespace, metadata.namespace == nil else { return appendYAMLDocument(to: &out) }
        var copy = self
        copy.metadata.namespace = defaultNamespace
        copy.appendYAMLDocument(to: &out)
    }
}
