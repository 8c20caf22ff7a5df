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
        "CSINode", "VolumeAttachment", "VolumeAttributesClass", "PriorityClass", "IngressClass", "IPAddress",
        "ServiceCIDR", "ClusterIssuer",
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
        fileName(clusterScoped: object.isClusterScoped, namespace: object.metadata.namespace)
    }

    /// The file name of an object whose scope and namespace are already known.
    static func fileName(clusterScoped: Bool, namespace: String?) -> String {
        clusterScoped ? clusterFile : "\(namespace ?? "default").yaml"
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
        order(Parallel.map(count: objects.count, minimumChunk: 256) { SortKey(objects[$0]) })
    }

    /// The order of objects whose file, group, kind, namespace and name a validator already read
    /// (`files[i]` is object `i`'s file name, `namespaces[i]` its namespace).
    static func order(files: [String], keys: [ObjectKey], namespaces: [String?]) -> [Int] {
        order(
            Parallel.map(count: keys.count, minimumChunk: 256) {
                SortKey(
                    file: files[$0], kind: keys[$0].kind, group: keys[$0].group, namespace: namespaces[$0] ?? "",
                    name: keys[$0].name)
            })
    }

    /// The offsets of `keys` in sorted order; equal keys keep their order. A large manifest
    /// sorts its two halves side by side and merges them.
    private static func order(_ keys: [SortKey]) -> [Int] {
        @Sendable func precedes(_ l: Int, _ r: Int) -> Bool { keys[l] < keys[r] || (!(keys[r] < keys[l]) && l < r) }
        guard keys.count >= 4096 else { return keys.indices.sorted(by: precedes) }
        let halves = Parallel.map([0..<keys.count / 2, keys.count / 2..<keys.count]) { $0.sorted(by: precedes) }
        var merged: [Int] = []
        merged.reserveCapacity(keys.count)
        var left = halves[0][...]
        var right = halves[1][...]
        while let l = left.first, let r = right.first {
            if precedes(r, l) {
                merged.append(r)
                right.removeFirst()
            } else {
                merged.append(l)
                left.removeFirst()
            }
        }
        merged += left
        merged += right
        return merged
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
            self.init(
                file: ManifestLayout.fileName(of: object), kind: object.kind, group: object.apiGroup,
                namespace: object.metadata.namespace ?? "", name: object.name)
        }

        init(file: String, kind: String, group: String, namespace: String, name: String) {
            self.file = file
            self.kind = kind
            rank = ManifestLayout.applyRank[kind] ?? ManifestLayout.applyOrder.count
            self.group = group
            self.namespace = namespace
            self.name = name
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
