// The Kubernetes side of the policy model: objects, the pod template inside each workload
// kind, and the containers with their effective (pod + container) security settings.

import InfraCore

/// A Kubernetes object with the file it is written to.
public struct PolicyKubernetesObject: Sendable, Hashable {
    /// The whole document.
    public var document: Value
    /// The output file.
    public var file: String
    /// Where it was defined (`prod/Deployment/account`), when it comes from a resolved model.
    public var path: ComponentPath?

    /// Creates an object.
    public init(document: Value, file: String, path: ComponentPath? = nil) {
        self.document = document
        self.file = file
        self.path = path
    }

    /// `kind`.
    public var kind: String { document["kind"]?.stringValue ?? "" }
    /// `metadata.name`.
    public var name: String { document["metadata"]?["name"]?.stringValue ?? "" }
    /// `metadata.namespace`, `default` when unset (for namespaced objects).
    public var namespace: String { document["metadata"]?["namespace"]?.stringValue ?? "default" }
    /// `Kind namespace/name` (`Namespace name` for namespaces).
    public var address: String { kind == "Namespace" ? "Namespace \(name)" : "\(kind) \(namespace)/\(name)" }

    /// The pod spec of a workload: `spec` of a Pod, `spec.template.spec` of a Deployment,
    /// StatefulSet, DaemonSet, ReplicaSet or Job, `spec.jobTemplate.spec.template.spec` of a CronJob.
    public var podSpec: Value? {
        switch kind {
        case "Pod": document["spec"]
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
            document["spec"]?["template"]?["spec"]
        case "CronJob": document["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]
        default: nil
        }
    }

    /// The containers and init containers of a workload.
    public var containers: [PolicyContainer] {
        guard let podSpec else { return [] }
        let podContext = podSpec["securityContext"]
        var result: [PolicyContainer] = []
        for key in ["initContainers", "containers"] {
            for container in podSpec[key]?.arrayValue ?? [] where container.objectValue != nil {
                result.append(PolicyContainer(container: container, podSecurityContext: podContext))
            }
        }
        return result
    }

    /// A violation of this object with `message`.
    public func violation(_ message: String) -> PolicyViolation {
        PolicyViolation(resource: address, file: file, message: message, path: path)
    }
}

/// A container with the pod-level security context it inherits.
public struct PolicyContainer: Sendable, Hashable {
    /// The container document.
    public var container: Value
    /// The pod's `securityContext`.
    public var podSecurityContext: Value?

    /// `name`.
    public var name: String { container["name"]?.stringValue ?? "?" }
    /// `image`.
    public var image: String { container["image"]?.stringValue ?? "" }
    /// The container's `securityContext`.
    public var securityContext: Value? { container["securityContext"] }

    /// A setting from the container's security context, else the pod's (for fields both have).
    public func effective(_ key: String) -> Value? {
        securityContext?[key] ?? podSecurityContext?[key]
    }
}

/// The Kubernetes objects of every document.
public struct PolicyKubernetesModel: Sendable {
    /// All objects, sorted by address.
    public let objects: [PolicyKubernetesObject]

    /// Collects the Kubernetes documents.
    public init(documents: [PolicyDocument]) {
        self.init(
            objects: documents.filter { $0.format == .kubernetes }.map {
                PolicyKubernetesObject(document: $0.value, file: $0.file)
            })
    }

    /// Reads the Kubernetes objects of a resolved model, each with its component path.
    public init(model: ResolvedModel) {
        let nodes = model.nodes(.kubernetes)
        self.init(
            objects: Parallel.map(count: nodes.count) {
                PolicyKubernetesObject(document: nodes[$0].document(), file: nodes[$0].file, path: nodes[$0].path)
            })
    }

    /// The objects that are objects (other documents are skipped), sorted by address then file.
    init(objects: [PolicyKubernetesObject]) {
        self.objects = objects.filter { $0.document.objectValue != nil }
            .sorted { ($0.address, $0.file) < ($1.address, $1.file) }
    }

    /// The objects that run pods.
    public var workloads: [PolicyKubernetesObject] { objects.filter { $0.podSpec != nil } }
}
