// A namespace ready for a team: Pod Security Standard labels (enforce/audit/warn), a
// default-deny NetworkPolicy with explicit allowances (same namespace, the ingress
// controller, DNS, named peer namespaces), a ResourceQuota and a LimitRange.

import InfraCore

/// A Namespace with pod security labels, default-deny network policies, a quota and default limits.
///
/// ```swift
/// TeamNamespace(name: "prod", podSecurity: .restricted, allowEgressToNamespaces: ["databases"])
/// ```
public struct TeamNamespace: ManifestContent, Hashable {
    /// A Pod Security Standard level.
    public enum PodSecurityLevel: String, Sendable, Hashable {
        /// Hardened: non-root, no escalation, no capabilities, seccomp.
        case restricted
        /// Prevents known privilege escalations; allows most images.
        case baseline
        /// Unrestricted.
        case privileged
    }

    /// Total resources the namespace may request and use.
    public struct Quota: Sendable, Hashable {
        /// Sum of CPU requests.
        public var requestsCPU: Quantity
        /// Sum of memory requests.
        public var requestsMemory: Quantity
        /// Sum of CPU limits.
        public var limitsCPU: Quantity
        /// Sum of memory limits.
        public var limitsMemory: Quantity
        /// Sum of storage requests of PVCs.
        public var requestsStorage: Quantity
        /// Number of pods.
        public var pods: Int
        /// Number of PersistentVolumeClaims.
        public var persistentVolumeClaims: Int
        /// Number of `LoadBalancer` Services.
        public var loadBalancers: Int

        /// Creates a quota.
        public init(
            requestsCPU: Quantity = "8", requestsMemory: Quantity = "16Gi", limitsCPU: Quantity = "16",
            limitsMemory: Quantity = "32Gi", requestsStorage: Quantity = "500Gi", pods: Int = 100,
            persistentVolumeClaims: Int = 20, loadBalancers: Int = 2
        ) {
            self.requestsCPU = requestsCPU
            self.requestsMemory = requestsMemory
            self.limitsCPU = limitsCPU
            self.limitsMemory = limitsMemory
            self.requestsStorage = requestsStorage
            self.pods = pods
            self.persistentVolumeClaims = persistentVolumeClaims
            self.loadBalancers = loadBalancers
        }

        /// The `hard` map of the ResourceQuota.
        public var hard: [String: Quantity] {
            [
                "requests.cpu": requestsCPU, "requests.memory": requestsMemory, "limits.cpu": limitsCPU,
                "limits.memory": limitsMemory, "requests.storage": requestsStorage, "pods": Quantity("\(pods)"),
                "persistentvolumeclaims": Quantity("\(persistentVolumeClaims)"),
                "services.loadbalancers": Quantity("\(loadBalancers)"),
            ]
        }
    }

    /// The label the API server puts on every namespace with its name; policies select peers by it.
    public static let namespaceNameLabel = "kubernetes.io/metadata.name"

    /// The namespace name.
    public var name: String
    /// The level pods must meet to be admitted.
    public var enforce: PodSecurityLevel
    /// The level violations of which are recorded in the audit log.
    public var audit: PodSecurityLevel
    /// The level violations of which are returned to the user as warnings.
    public var warn: PodSecurityLevel
    /// The namespace of the ingress controller allowed to reach every pod (the F5 NGINX Ingress
    /// Controller's `nginx-ingress` by default), or `nil`.
    public var ingressControllerNamespace: String?
    /// Namespaces whose pods may connect to this namespace's pods.
    public var allowIngressFromNamespaces: [String]
    /// Namespaces this namespace's pods may connect to.
    public var allowEgressToNamespaces: [String]
    /// Pod TCP ports open to clients outside the cluster (pods behind a `LoadBalancer` Service).
    public var publicPorts: [Int]
    /// The address ranges allowed to reach ``publicPorts`` (`0.0.0.0/0` for the internet, a VPC range for an internal NLB).
    public var publicSourceCIDRs: [String]
    /// Whether pods may connect to addresses outside the cluster (external APIs, AWS).
    public var allowInternetEgress: Bool
    /// The quota, or `nil` for none.
    public var quota: Quota?
    /// Default requests and limits of containers that set none, or `nil` for no LimitRange.
    public var containerDefaults: ComputeResources?
    /// More labels of the Namespace.
    public var labels: [String: String]

    /// Creates a namespace; `audit` and `warn` default to the `enforce` level.
    public init(
        name: String, podSecurity enforce: PodSecurityLevel = .restricted, audit: PodSecurityLevel? = nil,
        warn: PodSecurityLevel? = nil, ingressControllerNamespace: String? = "nginx-ingress",
        allowIngressFromNamespaces: [String] = [], allowEgressToNamespaces: [String] = [], publicPorts: [Int] = [],
        publicSourceCIDRs: [String] = ["0.0.0.0/0"], allowInternetEgress: Bool = false, quota: Quota? = Quota(),
        containerDefaults: ComputeResources? = .small,
        labels: [String: String] = [:]
    ) {
        self.name = name
        self.enforce = enforce
        self.audit = audit ?? enforce
        self.warn = warn ?? enforce
        self.ingressControllerNamespace = ingressControllerNamespace
        self.allowIngressFromNamespaces = allowIngressFromNamespaces
        self.allowEgressToNamespaces = allowEgressToNamespaces
        self.publicPorts = publicPorts
        self.publicSourceCIDRs = publicSourceCIDRs
        self.allowInternetEgress = allowInternetEgress
        self.quota = quota
        self.containerDefaults = containerDefaults
        self.labels = labels
    }

    /// The Namespace with `pod-security.kubernetes.io/{enforce,audit,warn}` (and `-version: latest`) labels.
    public var namespace: Namespace {
        var all = labels
        for (mode, level) in [("enforce", enforce), ("audit", audit), ("warn", warn)] {
            all["pod-security.kubernetes.io/\(mode)"] = level.rawValue
            all["pod-security.kubernetes.io/\(mode)-version"] = "latest"
        }
        return Namespace(metadata: ObjectMeta(name: name, labels: all))
    }

    /// The NetworkPolicies: `default-deny` (all ingress and egress) and one allowance each.
    public var networkPolicies: [NetworkPolicy] {
        var policies = [
            policy("default-deny", ingress: nil, egress: nil, types: ["Ingress", "Egress"]),
            policy(
                "allow-same-namespace", ingress: [NetworkPolicyIngressRule(from: [.init(podSelector: .init())])],
                egress: [NetworkPolicyEgressRule(to: [.init(podSelector: .init())])], types: ["Ingress", "Egress"]),
            policy(
                "allow-dns-egress", ingress: nil,
                egress: [
                    NetworkPolicyEgressRule(
                        ports: [.init(port: 53, protocol: "UDP"), .init(port: 53, protocol: "TCP")],
                        to: [
                            .init(
                                namespaceSelector: .matching([Self.namespaceNameLabel: "kube-system"]),
                                podSelector: .matching(["k8s-app": "kube-dns"]))
                        ])
                ], types: ["Egress"]),
        ]
        if let ingressControllerNamespace {
            policies.append(
                policy(
                    "allow-from-ingress-controller",
                    ingress: [NetworkPolicyIngressRule(from: [namespacePeer(ingressControllerNamespace)])],
                    egress: nil, types: ["Ingress"]))
        }
        if !allowIngressFromNamespaces.isEmpty {
            policies.append(
                policy(
                    "allow-from-peer-namespaces",
                    ingress: [NetworkPolicyIngressRule(from: allowIngressFromNamespaces.map(namespacePeer))],
                    egress: nil, types: ["Ingress"]))
        }
        if !allowEgressToNamespaces.isEmpty {
            policies.append(
                policy(
                    "allow-to-peer-namespaces", ingress: nil,
                    egress: [NetworkPolicyEgressRule(to: allowEgressToNamespaces.map(namespacePeer))],
                    types: ["Egress"]))
        }
        if !publicPorts.isEmpty {
            policies.append(
                policy(
                    "allow-public-ports",
                    ingress: [
                        NetworkPolicyIngressRule(
                            from: publicSourceCIDRs.map { NetworkPolicyPeer(ipBlock: IPBlock(cidr: $0)) },
                            ports: publicPorts.map { NetworkPolicyPort(port: .int($0), protocol: "TCP") })
                    ], egress: nil, types: ["Ingress"]))
        }
        if allowInternetEgress {
            policies.append(
                policy(
                    "allow-internet-egress", ingress: nil,
                    egress: [NetworkPolicyEgressRule(to: [.init(ipBlock: IPBlock(cidr: "0.0.0.0/0"))])],
                    types: ["Egress"]))
        }
        return policies
    }

    /// The ResourceQuota `quota`, or `nil`.
    public var resourceQuota: ResourceQuota? {
        quota.map { ResourceQuota(metadata: ObjectMeta(name: "quota", namespace: name), spec: .init(hard: $0.hard)) }
    }

    /// The LimitRange `container-defaults`, or `nil`.
    public var limitRange: LimitRange? {
        containerDefaults.map { defaults in
            LimitRange(
                metadata: ObjectMeta(name: "container-defaults", namespace: name),
                spec: LimitRangeSpec(limits: [
                    LimitRangeItem(
                        default: ["cpu": defaults.cpuLimit, "memory": defaults.memoryLimit],
                        defaultRequest: ["cpu": defaults.cpu, "memory": defaults.memory], type: "Container")
                ]))
        }
    }

    /// Namespace, NetworkPolicies, ResourceQuota and LimitRange.
    public var manifestObjects: [any KubernetesObject] {
        var objects: [any KubernetesObject] = [namespace]
        objects += networkPolicies
        if let resourceQuota { objects.append(resourceQuota) }
        if let limitRange { objects.append(limitRange) }
        return objects
    }

    /// Problems with peer namespace names, ports and quantities, at `<manifest>/Namespace/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("Namespace").appending(name)
        var found: [Diagnostic] = []
        for (field, names) in [
            ("allowIngressFromNamespaces", allowIngressFromNamespaces),
            ("allowEgressToNamespaces", allowEgressToNamespaces),
        ] {
            for (offset, peer) in names.enumerated() {
                if let problem = NameRules.dns1123Label(peer) {
                    found.append(
                        .error(here.appending(field, index: offset), "namespace '\(peer)' is invalid: \(problem)"))
                }
            }
        }
        for (offset, cidr) in publicSourceCIDRs.enumerated() where !Self.isIPv4CIDR(cidr) {
            found.append(.error(here.appending("publicSourceCIDRs", index: offset), "'\(cidr)' is not an IPv4 CIDR"))
        }
        if !publicPorts.isEmpty && publicSourceCIDRs.isEmpty {
            found.append(.error(here.appending("publicSourceCIDRs"), "public ports are open to no source"))
        }
        for (offset, port) in publicPorts.enumerated() where !(1...65535).contains(port) {
            found.append(.error(here.appending("publicPorts", index: offset), "port \(port) is outside 1–65535"))
        }
        if let containerDefaults {
            for problem in containerDefaults.problems() {
                found.append(.error(here.appending("containerDefaults"), problem))
            }
        }
        if enforce == .privileged {
            found.append(
                .warning(here, "pod security is not enforced (privileged)", hint: "enforce baseline or restricted"))
        }
        return found
    }

    /// Whether `text` is `a.b.c.d/n` with octets 0–255 and a prefix 0–32.
    static func isIPv4CIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix) else { return false }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in Int(octet).map { (0...255).contains($0) } ?? false }
    }

    private func namespacePeer(_ namespace: String) -> NetworkPolicyPeer {
        NetworkPolicyPeer(namespaceSelector: .matching([Self.namespaceNameLabel: namespace]))
    }

    private func policy(
        _ policyName: String, ingress: [NetworkPolicyIngressRule]?, egress: [NetworkPolicyEgressRule]?,
        types: [String]
    ) -> NetworkPolicy {
        NetworkPolicy(
            metadata: ObjectMeta(name: policyName, namespace: name),
            spec: NetworkPolicySpec(egress: egress, ingress: ingress, podSelector: .init(), policyTypes: types))
    }
}
