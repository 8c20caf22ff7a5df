// One object of a manifest in the resolved model: the typed object as declared, the namespace
// it is written with (its own, else the manifest's), its address, file, component path and the
// objects it depends on. The manifest's YAML is written from these; the policy engine, the test
// templates and the CLI read them through InfraCore's `ModelNode`. Nothing is copied or
// rendered until a reader asks.

import InfraCore

/// A Kubernetes object after validation resolved it: what a manifest's YAML files are written from.
///
/// ```swift
/// let objects = prod.synthesize().model.nodes.compactMap { $0 as? ResolvedObject }
/// let account = objects.first { $0.kind == "Deployment" && $0.name == "account" }
/// account?.namespace            // "prod", the manifest's namespace when the object sets none
/// account?.object as? Deployment  // the typed object, namespace applied
/// account?.references           // ["prod/ServiceAccount/account", "prod/Namespace/prod", …]
/// ```
public struct ResolvedObject: ModelNode {
    /// The object as it was declared (its metadata may leave the namespace to the manifest).
    public var declared: any KubernetesObject { storage.declared }
    /// The namespace it is written with: its own, else the manifest's; `nil` when it has
    /// neither, and for cluster-scoped objects unless they set one (which validation reports).
    public var namespace: String? { storage.namespace }
    /// Whether the kind is cluster-scoped.
    public var isClusterScoped: Bool { storage.isClusterScoped }
    /// The kind (`Deployment`).
    public var kind: String { storage.kind }
    /// `metadata.name`.
    public var name: String { storage.name }
    /// The address: the object's component path as text (`prod/Deployment/account`, with the
    /// namespace when it differs from the manifest's: `prod/Deployment/logging/kibana`).
    public var address: String { storage.address }
    /// Where it was defined.
    public var path: ComponentPath { storage.path }
    /// The file it is written to (`kubernetes/prod/prod.yaml`).
    public var file: String { storage.file }
    /// The addresses of the objects of the same manifest it uses, targets or selects, and its
    /// Namespace when the manifest defines it.
    public var references: [String] { storage.references }

    /// The fields, in one immutable box: copying a resolved object (into the model's existential
    /// array, a reader's table) is one retain, and it fits in an existential's inline buffer
    /// without an allocation per object.
    private let storage: Storage

    private final class Storage: Sendable {
        let declared: any KubernetesObject
        let namespace: String?
        let isClusterScoped: Bool
        let kind: String
        let name: String
        let address: String
        let path: ComponentPath
        let file: String
        let references: [String]

        init(
            declared: any KubernetesObject, namespace: String?, isClusterScoped: Bool, kind: String, name: String,
            address: String, path: ComponentPath, file: String, references: [String]
        ) {
            self.declared = declared
            self.namespace = namespace
            self.isClusterScoped = isClusterScoped
            self.kind = kind
            self.name = name
            self.address = address
            self.path = path
            self.file = file
            self.references = references
        }
    }

    /// Creates a resolved object; its address is its path as text.
    public init(
        declared: any KubernetesObject, namespace: String?, isClusterScoped: Bool, kind: String, name: String,
        path: ComponentPath, file: String, references: [String] = []
    ) {
        self.init(
            declared: declared, namespace: namespace, isClusterScoped: isClusterScoped, kind: kind, name: name,
            address: path.description, path: path, file: file, references: references)
    }

    /// Creates a resolved object whose address (its path as text) the caller already has.
    init(
        declared: any KubernetesObject, namespace: String?, isClusterScoped: Bool, kind: String, name: String,
        address: String, path: ComponentPath, file: String, references: [String]
    ) {
        storage = Storage(
            declared: declared, namespace: namespace, isClusterScoped: isClusterScoped, kind: kind, name: name,
            address: address, path: path, file: file, references: references)
    }

    /// Kubernetes (YAML).
    public var language: ModelLanguage { .kubernetes }

    /// Every object is part of the infrastructure.
    public var role: ModelRole { .resource }

    /// The typed object as it is written: the declared object with ``namespace`` filled in
    /// (copied only when the namespace comes from the manifest).
    public var object: any KubernetesObject {
        guard let defaultNamespace, declared.metadata.namespace == nil else { return declared }
        var copy = declared
        copy.metadata.namespace = defaultNamespace
        return copy
    }

    /// The object's document, as its YAML document holds it.
    public func document() -> Value { object.renderValue() }

    /// Appends the object's YAML document, as the manifest writes it (no copy of the object).
    public func appendYAMLDocument(to out: inout [UInt8]) {
        declared.appendYAMLDocument(to: &out, defaultNamespace: defaultNamespace)
    }

    /// The namespace to write when the declared metadata has none: only namespaced objects get one.
    private var defaultNamespace: String? { isClusterScoped ? nil : namespace }
}
