// One Kubernetes object as the Kubernetes template lists and matches it, addressed as
// `Kind namespace/name` in messages; read from a resolved model it also knows where it was
// defined and its typed value.

import InfraCore
import InfraKubernetes

/// A Kubernetes object found in a manifest.
///
/// ```swift
/// template.objects(kind: "Deployment").first?.address   // "Deployment prod/api"
/// ```
public struct KubernetesTemplateObject: Sendable, Hashable {
    /// The whole document (`apiVersion`, `kind`, `metadata`, `spec`, …).
    public var document: Value
    /// Where the object was defined (`prod/Deployment/account`), when read from a resolved model.
    public var path: ComponentPath?
    /// The file the object is written to, when read from a resolved model.
    public var file: String?
    /// The resolved object behind the document, when read from a resolved model.
    private var resolved: ResolvedObject?

    /// Creates an object from its document.
    public init(document: Value) { self.init(document: document, path: nil, file: nil, resolved: nil) }

    /// Creates an object read from a resolved model.
    init(document: Value, path: ComponentPath?, file: String?, resolved: ResolvedObject?) {
        self.document = document
        self.path = path
        self.file = file
        self.resolved = resolved
    }

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

    /// The typed object (its namespace resolved), when read from a resolved model and of type `T`.
    ///
    /// ```swift
    /// template.object(kind: "Deployment", named: "account")?.typed(Deployment.self)?.spec?.replicas
    /// ```
    public func typed<T: KubernetesObject>(_ type: T.Type) -> T? {
        resolved?.object as? T
    }

    /// Objects are equal when their documents, paths and files are.
    public static func == (lhs: KubernetesTemplateObject, rhs: KubernetesTemplateObject) -> Bool {
        lhs.document == rhs.document && lhs.path == rhs.path && lhs.file == rhs.file
    }

    /// Hashes the document, path and file.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(document)
        hasher.combine(path)
        hasher.combine(file)
    }
}
