// The Kubernetes Cluster Autoscaler for EKS: a ServiceAccount bound to an IAM role (IRSA),
// the upstream ClusterRole/Role and bindings, and a Deployment whose flags come from typed
// settings, discovering the cluster's Auto Scaling groups by tag.

import InfraCore

/// Cluster Autoscaler on AWS: ServiceAccount (IRSA), RBAC and Deployment in `kube-system`.
///
/// ```swift
/// ClusterAutoscaler(clusterName: "oves-prod", roleARN: "arn:aws:iam::111122223333:role/oves-prod-cluster-autoscaler")
/// ```
public struct ClusterAutoscaler: ManifestContent, Hashable {
    /// How the autoscaler picks a node group to grow.
    public enum Expander: String, Sendable, Hashable {
        /// The group that wastes the least CPU/memory after scheduling.
        case leastWaste = "least-waste"
        /// The group that can schedule the most pods.
        case mostPods = "most-pods"
        /// A random group.
        case random
        /// The cheapest group (needs pricing support).
        case price
        /// By priority from the `cluster-autoscaler-priority-expander` ConfigMap.
        case priority
    }

    /// The autoscaler's behaviour, rendered as command-line flags.
    public struct Settings: Sendable, Hashable {
        /// Nodes whose requested resources are below this fraction are candidates for removal.
        public var scaleDownUtilizationThreshold: Double
        /// How long a node must be unneeded before it is removed, in minutes.
        public var scaleDownUnneededMinutes: Int
        /// How long after a scale-up scale-down is considered again, in minutes.
        public var scaleDownDelayAfterAddMinutes: Int
        /// Whether similar node groups (same instance shape and labels) are kept the same size.
        public var balanceSimilarNodeGroups: Bool
        /// Whether nodes running kube-system pods (other than DaemonSets) are never removed.
        public var skipNodesWithSystemPods: Bool
        /// Whether nodes running pods with local storage (`emptyDir`) are never removed.
        public var skipNodesWithLocalStorage: Bool
        /// The node group choice strategy.
        public var expander: Expander
        /// Log verbosity (`--v`).
        public var verbosity: Int

        /// Creates settings; the defaults remove nodes below 50 % utilization after 10 minutes.
        public init(
            scaleDownUtilizationThreshold: Double = 0.5, scaleDownUnneededMinutes: Int = 10,
            scaleDownDelayAfterAddMinutes: Int = 10, balanceSimilarNodeGroups: Bool = true,
            skipNodesWithSystemPods: Bool = false, skipNodesWithLocalStorage: Bool = false,
            expander: Expander = .leastWaste, verbosity: Int = 4
        ) {
            self.scaleDownUtilizationThreshold = scaleDownUtilizationThreshold
            self.scaleDownUnneededMinutes = scaleDownUnneededMinutes
            self.scaleDownDelayAfterAddMinutes = scaleDownDelayAfterAddMinutes
            self.balanceSimilarNodeGroups = balanceSimilarNodeGroups
            self.skipNodesWithSystemPods = skipNodesWithSystemPods
            self.skipNodesWithLocalStorage = skipNodesWithLocalStorage
            self.expander = expander
            self.verbosity = verbosity
        }
    }

    /// The annotation that binds a ServiceAccount to an IAM role (IRSA).
    public static let roleARNAnnotation = "eks.amazonaws.com/role-arn"
    /// The Auto Scaling group tag every autoscaled group carries.
    public static let enabledTag = "k8s.io/cluster-autoscaler/enabled"

    /// The EKS cluster's name (its Auto Scaling groups are tagged `k8s.io/cluster-autoscaler/<cluster>`).
    public var clusterName: String
    /// The ARN of the IAM role the autoscaler assumes.
    public var roleARN: String
    /// The AWS region of the cluster.
    public var region: String
    /// The namespace (`kube-system`).
    public var namespace: String
    /// The name of the ServiceAccount, roles, bindings and Deployment.
    public var name: String
    /// The image; its minor version should match the cluster's Kubernetes version.
    public var image: String
    /// The behaviour.
    public var settings: Settings
    /// Requests and limits.
    public var resources: ComputeResources

    /// Creates the autoscaler.
    public init(
        clusterName: String, roleARN: String, region: String = "us-east-1", namespace: String = "kube-system",
        name: String = "cluster-autoscaler", image: String = "registry.k8s.io/autoscaling/cluster-autoscaler:v1.35.2",
        settings: Settings = Settings(),
        resources: ComputeResources = ComputeResources(
            cpu: "100m", memory: "600Mi", cpuLimit: "500m", memoryLimit: "600Mi")
    ) {
        self.clusterName = clusterName
        self.roleARN = roleARN
        self.region = region
        self.namespace = namespace
        self.name = name
        self.image = image
        self.settings = settings
        self.resources = resources
    }

    /// The tags the autoscaler discovers node groups by: `enabled` and the cluster's own.
    public var discoveryTags: [String] { [Self.enabledTag, "k8s.io/cluster-autoscaler/\(clusterName)"] }

    /// The command line, flags in a fixed order.
    public var command: [String] {
        [
            "./cluster-autoscaler",
            "--v=\(settings.verbosity)",
            "--stderrthreshold=info",
            "--cloud-provider=aws",
            "--node-group-auto-discovery=asg:tag=\(discoveryTags.joined(separator: ","))",
            "--scale-down-utilization-threshold=\(settings.scaleDownUtilizationThreshold)",
            "--scale-down-unneeded-time=\(settings.scaleDownUnneededMinutes)m",
            "--scale-down-delay-after-add=\(settings.scaleDownDelayAfterAddMinutes)m",
            "--expander=\(settings.expander.rawValue)",
            "--skip-nodes-with-system-pods=\(settings.skipNodesWithSystemPods)",
            "--skip-nodes-with-local-storage=\(settings.skipNodesWithLocalStorage)",
        ] + (settings.balanceSimilarNodeGroups ? ["--balance-similar-node-groups"] : [])
    }

    private var labels: [String: String] { ["app": name, "app.kubernetes.io/name": name] }

    /// The ServiceAccount annotated with the IAM role.
    public var serviceAccount: ServiceAccount {
        ServiceAccount(
            metadata: ObjectMeta(
                name: name, namespace: namespace, labels: labels, annotations: [Self.roleARNAnnotation: roleARN]))
    }

    /// The upstream ClusterRole (nodes, pods, evictions, workloads, storage, leases), as in the AWS
    /// example of cluster-autoscaler 1.35 (`volumeattachments` is watched since 1.33).
    public var clusterRole: ClusterRole {
        ClusterRole(
            metadata: ObjectMeta(name: name, labels: labels),
            rules: [
                PolicyRule(apiGroups: [""], resources: ["events", "endpoints"], verbs: ["create", "patch"]),
                PolicyRule(apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"]),
                PolicyRule(apiGroups: [""], resources: ["pods/status"], verbs: ["update"]),
                PolicyRule(
                    apiGroups: [""], resourceNames: ["cluster-autoscaler"], resources: ["endpoints"],
                    verbs: ["get", "update"]),
                PolicyRule(apiGroups: [""], resources: ["nodes"], verbs: ["watch", "list", "get", "update"]),
                PolicyRule(
                    apiGroups: [""],
                    resources: [
                        "namespaces", "pods", "services", "replicationcontrollers", "persistentvolumeclaims",
                        "persistentvolumes",
                    ], verbs: ["watch", "list", "get"]),
                PolicyRule(
                    apiGroups: ["extensions"], resources: ["replicasets", "daemonsets"],
                    verbs: ["watch", "list", "get"]),
                PolicyRule(apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: ["watch", "list"]),
                PolicyRule(
                    apiGroups: ["apps"], resources: ["statefulsets", "replicasets", "daemonsets"],
                    verbs: ["watch", "list", "get"]),
                PolicyRule(
                    apiGroups: ["storage.k8s.io"],
                    resources: [
                        "storageclasses", "csinodes", "csidrivers", "csistoragecapacities", "volumeattachments",
                    ],
                    verbs: ["watch", "list", "get"]),
                PolicyRule(
                    apiGroups: ["batch", "extensions"], resources: ["jobs"], verbs: ["get", "list", "watch", "patch"]),
                PolicyRule(apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"]),
                PolicyRule(
                    apiGroups: ["coordination.k8s.io"], resourceNames: ["cluster-autoscaler"], resources: ["leases"],
                    verbs: ["get", "update"]),
            ])
    }

    /// The upstream Role for its status ConfigMaps in its own namespace.
    public var role: Role {
        Role(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            rules: [
                PolicyRule(apiGroups: [""], resources: ["configmaps"], verbs: ["create", "list", "watch"]),
                PolicyRule(
                    apiGroups: [""],
                    resourceNames: ["cluster-autoscaler-status", "cluster-autoscaler-priority-expander"],
                    resources: ["configmaps"], verbs: ["delete", "get", "update", "watch"]),
            ])
    }

    private var subject: Subject { Subject(kind: "ServiceAccount", name: name, namespace: namespace) }

    /// Binds the ClusterRole to the ServiceAccount.
    public var clusterRoleBinding: ClusterRoleBinding {
        ClusterRoleBinding(
            metadata: ObjectMeta(name: name, labels: labels),
            roleRef: RoleRef(kind: "ClusterRole", name: name, apiGroup: "rbac.authorization.k8s.io"),
            subjects: [subject])
    }

    /// Binds the Role to the ServiceAccount.
    public var roleBinding: RoleBinding {
        RoleBinding(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            roleRef: RoleRef(kind: "Role", name: name, apiGroup: "rbac.authorization.k8s.io"), subjects: [subject])
    }

    /// The Deployment (one replica, `system-cluster-critical`, non-root uid 65534).
    public var deployment: Deployment {
        let security = WorkloadSecurity(user: 65534, group: 65534, fsGroup: 65534, mountServiceAccountToken: true)
        let container = PodAssembly.container(
            name: name, image: image, command: command, ports: [ContainerPort(name: "metrics", containerPort: 8085)],
            env: [EnvVar(name: "AWS_REGION", value: region)], resources: resources, security: security,
            health: .http(path: "/health-check", port: "metrics"), volumeMounts: [])
        return Deployment(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: DeploymentSpec(
                replicas: 1, selector: .matching(["app": name]),
                template: PodAssembly.template(
                    labels: labels, annotations: ["cluster-autoscaler.kubernetes.io/safe-to-evict": "false"],
                    containers: [container], volumes: [], security: security, serviceAccountName: name,
                    spreadSelector: ["app": name], priorityClassName: "system-cluster-critical")))
    }

    /// ServiceAccount, ClusterRole, Role, both bindings and the Deployment.
    public var manifestObjects: [any KubernetesObject] {
        [serviceAccount, clusterRole, role, clusterRoleBinding, roleBinding, deployment]
    }

    /// Problems with the role ARN and the settings, at `<manifest>/Deployment/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("Deployment").appending(name)
        var found = PodAssembly.diagnostics(
            image: image, security: .restricted, resources: resources, at: here)
        let arnParts = roleARN.split(separator: ":", omittingEmptySubsequences: false)
        if arnParts.count != 6 || arnParts[0] != "arn" || arnParts[2] != "iam" || !arnParts[5].hasPrefix("role/") {
            found.append(
                .error(
                    path.appending("ServiceAccount").appending(name).appending("annotations"),
                    "'\(roleARN)' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)"))
        }
        if !(0.0...1.0).contains(settings.scaleDownUtilizationThreshold) || settings.scaleDownUtilizationThreshold == 0
        {
            found.append(
                .error(
                    here.appending("settings"),
                    "scale-down utilization threshold \(settings.scaleDownUtilizationThreshold) must be in (0, 1]"))
        }
        if settings.scaleDownUnneededMinutes < 1 || settings.scaleDownDelayAfterAddMinutes < 0 {
            found.append(.error(here.appending("settings"), "scale-down times must be positive"))
        }
        if clusterName.isEmpty { found.append(.error(here, "the cluster name is empty")) }
        return found
    }
}
