// Where each object of a manifest is written and in which order: deterministic file
// names (one file per namespace, `_cluster.yaml` for cluster-scoped kinds) and an apply
// order in which what others depend on (namespaces, accounts, config) comes first.

import InfraCore

/// File naming and ordering of manifest objects.
///
/// ```swift
/// ManifestLayout.fileName(of: deployment)   // "prod.yaml" for a Deployment in namespace prod
/// ```
public enum ManifestLayout {
    /// The file of cluster-scoped objects, Namespaces included; `_` sorts it before namespace files.
    public static let clusterFile = "_cluster.yaml"

    /// Kinds whose objects have no namespace.
    public static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass", "CSIDriver",
        "CSINode", "VolumeAttachment", "PriorityClass", "IngressClass", "ClusterIssuer",
        "CustomResourceDefinition", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    /// Kinds in the order `kubectl apply` should create them; other kinds follow, by name.
    public static let applyOrder: [String] = [
        "Namespace", "CustomResourceDefinition", "PriorityClass", "StorageClass", "IngressClass", "ClusterRole",
        "ClusterRoleBinding", "ClusterIssuer", "ResourceQuota", "LimitRange", "NetworkPolicy", "ServiceAccount",
        "Secret", "ConfigMap", "Role", "RoleBinding", "PersistentVolume", "PersistentVolumeClaim", "Service",
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod",
    ]

    /// The file name (inside the manifest's folder) of an object.
    public static func fileName(of object: any KubernetesObject) -> String {
        if object.isClusterScoped { return clusterFile }
        return "\(object.metadata.namespace ?? "default").yaml"
    }

    /// The deterministic order of objects: by file, apply order of the kind, kind, namespace, name.
    public static func precedes(_ lhs: any KubernetesObject, _ rhs: any KubernetesObject) -> Bool {
        SortKey(lhs) < SortKey(rhs)
    }

    /// The offsets of `objects` in the order of ``precedes(_:_:)``, each object's key computed once.
    ///
    /// ```swift
    /// let ordered = ManifestLayout.order(objects).map { objects[$0] }
    /// ```
    public static func order(_ objects: [any KubernetesObject]) -> [Int] {
        let keys = Parallel.map(count: objects.count, minimumChunk: 256) { SortKey(objects[$0]) }
        return keys.indices.sorted { keys[$0] < keys[$1] }
    }

    /// The ranks of ``applyOrder``, by kind.
    private static let applyRank: [String: Int] = Dictionary(
        applyOrder.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })

    /// What objects are ordered by.
    private struct SortKey: Comparable {
        var file: String
        var rank: Int
        var kind: String
        var group: String
        var namespace: String
        var name: String

        init(_ object: any KubernetesObject) {
            file = ManifestLayout.fileName(of: object)
            kind = object.kind
            rank = ManifestLayout.applyRank[kind] ?? ManifestLayout.applyOrder.count
            group = object.apiGroup
            namespace = object.metadata.namespace ?? ""
            name = object.name
        }

        static func < (l: SortKey, r: SortKey) -> Bool {
            if l.file != r.file { return l.file < r.file }
            if l.rank != r.rank { return l.rank < r.rank }
            if l.kind != r.kind { return l.kind < r.kind }
            if l.group != r.group { return l.group < r.group }
            if l.namespace != r.namespace { return l.namespace < r.namespace }
            return l.name < r.name
        }
    }
}

extension KubernetesObject {
    /// Whether the object's kind is cluster-scoped (no namespace), from ``ManifestLayout/clusterScopedKinds``.
    public var isClusterScoped: Bool { ManifestLayout.clusterScopedKinds.contains(kind) }
}
