// How the AWS Load Balancer Controller (LBC) provisions a Network Load Balancer for a
// `type: LoadBalancer` Service: `spec.loadBalancerClass: service.k8s.aws/nlb` hands the Service
// to the LBC (the in-tree cloud provider then ignores it), and the LBC's annotations choose the
// scheme and the target type. The in-tree controller reads other annotations (e.g.
// `aws-load-balancer-internal`), so mixing the two silently gives an internet-facing NLB.

/// The settings of an NLB that the AWS Load Balancer Controller creates for a Service.
///
/// ```swift
/// var service = Service(metadata: ObjectMeta(name: "tcp-router"), spec: ServiceSpec(type: "LoadBalancer"))
/// AWSNetworkLoadBalancer(scheme: .internal).apply(to: &service)
/// service.spec?.loadBalancerClass   // "service.k8s.aws/nlb"
/// ```
public struct AWSNetworkLoadBalancer: Sendable, Hashable {
    /// Whether the NLB has public addresses.
    public enum Scheme: String, Sendable, Hashable, CaseIterable {
        /// Reachable only inside the VPC and networks routed to it (the LBC's default since v2.2.0).
        case `internal`
        /// Reachable from the internet.
        case internetFacing = "internet-facing"
    }

    /// How the NLB registers its targets.
    public enum TargetType: String, Sendable, Hashable, CaseIterable {
        /// Pod IPs directly (needs the AWS VPC CNI; no extra hop through a NodePort).
        case ip
        /// Every node's NodePort (the LBC's default when a load balancer class is set).
        case instance
    }

    /// The Service load balancer class the LBC reconciles.
    public static let loadBalancerClass = "service.k8s.aws/nlb"

    /// The annotation keys the LBC reads on a Service (its `docs/guide/service/annotations.md`).
    public enum Annotation {
        /// `internal` or `internet-facing`.
        public static let scheme = "service.beta.kubernetes.io/aws-load-balancer-scheme"
        /// `ip` or `instance`.
        public static let targetType = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"
        /// `external` (or the deprecated `nlb-ip`) hands a Service without a class to the LBC.
        public static let type = "service.beta.kubernetes.io/aws-load-balancer-type"
        /// Load balancer attributes as `key=value,…` (e.g. `load_balancing.cross_zone.enabled=true`).
        public static let attributes = "service.beta.kubernetes.io/aws-load-balancer-attributes"
        /// Target group attributes as `key=value,…` (e.g. `preserve_client_ip.enabled=true`).
        public static let targetGroupAttributes = "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes"
        /// `*` turns on proxy protocol v2 towards the targets.
        public static let proxyProtocol = "service.beta.kubernetes.io/aws-load-balancer-proxy-protocol"
        /// Tags on the load balancer, as `key=value,…`.
        public static let additionalResourceTags =
            "service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags"
        /// Source CIDRs allowed to reach the listeners, as `cidr,…`.
        public static let sourceRanges = "service.beta.kubernetes.io/load-balancer-source-ranges"
    }

    /// Internal or internet-facing.
    public var scheme: Scheme
    /// How targets are registered.
    public var targetType: TargetType
    /// Whether the NLB balances across availability zones (`load_balancing.cross_zone.enabled`).
    public var crossZone: Bool
    /// Whether the NLB sends proxy protocol v2 headers (the backend must expect them).
    public var proxyProtocol: Bool
    /// Tags on the load balancer and its target groups.
    public var tags: [String: String]

    /// Creates NLB settings; internal, IP targets and cross-zone by default.
    public init(
        scheme: Scheme = .internal, targetType: TargetType = .ip, crossZone: Bool = true, proxyProtocol: Bool = false,
        tags: [String: String] = [:]
    ) {
        self.scheme = scheme
        self.targetType = targetType
        self.crossZone = crossZone
        self.proxyProtocol = proxyProtocol
        self.tags = tags
    }

    /// The annotations the LBC reads for these settings.
    public var annotations: [String: String] {
        var result = [
            Annotation.scheme: scheme.rawValue,
            Annotation.targetType: targetType.rawValue,
            Annotation.attributes: "load_balancing.cross_zone.enabled=\(crossZone)",
        ]
        if proxyProtocol { result[Annotation.proxyProtocol] = "*" }
        if !tags.isEmpty {
            result[Annotation.additionalResourceTags] = tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: ",")
        }
        return result
    }

    /// Makes `service` a `LoadBalancer` Service of the LBC's class with these settings' annotations
    /// (added to the Service's own).
    public func apply(to service: inout Service) {
        var spec = service.spec ?? ServiceSpec()
        spec.type = "LoadBalancer"
        spec.loadBalancerClass = Self.loadBalancerClass
        service.spec = spec
        service.metadata.annotations = (service.metadata.annotations ?? [:]).merging(annotations) { _, new in new }
    }
}
