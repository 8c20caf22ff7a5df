// A TCP service exposed through an AWS Network Load Balancer: a `LoadBalancer` Service of the
// AWS Load Balancer Controller's class, with the annotations that controller reads
// (``AWSNetworkLoadBalancer``) — the in-tree cloud provider does not touch it.

import InfraCore

/// A `type: LoadBalancer` Service served by an AWS NLB.
///
/// ```swift
/// TCPLoadBalancer(
///     name: "mqtt-broker", ports: [.init(name: "mqtt", port: 1883)], selector: ["app": "mqtt-broker"],
///     loadBalancer: AWSNetworkLoadBalancer(scheme: .internetFacing))
/// ```
public struct TCPLoadBalancer: ManifestContent, Hashable {
    /// One exposed port.
    public struct Port: Sendable, Hashable {
        /// The port's name (an IANA service name, e.g. `mqtt`).
        public var name: String
        /// The port the load balancer listens on.
        public var port: Int
        /// The pods' port (number or name); defaults to ``port``.
        public var targetPort: IntOrString
        /// `TCP` or `UDP`.
        public var `protocol`: String

        /// Creates a port; the target port defaults to the same number.
        public init(name: String, port: Int, targetPort: IntOrString? = nil, protocol: String = "TCP") {
            self.name = name
            self.port = port
            self.targetPort = targetPort ?? .int(port)
            self.protocol = `protocol`
        }
    }

    /// The Service name.
    public var name: String
    /// The namespace, or `nil` for the manifest's default.
    public var namespace: String?
    /// The exposed ports.
    public var ports: [Port]
    /// The pod labels the Service sends traffic to.
    public var selector: [String: String]
    /// The NLB's scheme, target type and attributes (internal with IP targets unless said otherwise).
    public var loadBalancer: AWSNetworkLoadBalancer
    /// Labels of the Service.
    public var labels: [String: String]
    /// More annotations (health checks, cross-zone load balancing, …).
    public var annotations: [String: String]

    /// Creates an NLB Service; it is internal unless `loadBalancer` says `.internetFacing`.
    public init(
        name: String, namespace: String? = nil, ports: [Port], selector: [String: String],
        loadBalancer: AWSNetworkLoadBalancer = AWSNetworkLoadBalancer(), labels: [String: String] = [:],
        annotations: [String: String] = [:]
    ) {
        self.name = name
        self.namespace = namespace
        self.ports = ports
        self.selector = selector
        self.loadBalancer = loadBalancer
        self.labels = labels
        self.annotations = annotations
    }

    /// Whether the NLB is reachable only inside the VPC and its peers.
    public var isInternal: Bool { loadBalancer.scheme == .internal }

    /// The rendered Service.
    public var service: Service {
        var service = Service(
            metadata: ObjectMeta(
                name: name, namespace: namespace, labels: labels.isEmpty ? nil : labels,
                annotations: annotations.isEmpty ? nil : annotations),
            spec: ServiceSpec(
                ports: ports.map {
                    ServicePort(name: $0.name, port: $0.port, protocol: $0.protocol, targetPort: $0.targetPort)
                },
                selector: selector, type: "LoadBalancer"))
        loadBalancer.apply(to: &service)
        return service
    }

    /// The Service.
    public var manifestObjects: [any KubernetesObject] { [service] }

    /// Problems with the ports and the selector, at `<manifest>/Service/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("Service").appending(name)
        var found: [Diagnostic] = []
        if ports.isEmpty { found.append(.error(here.appending("ports"), "the load balancer exposes no ports")) }
        for (offset, port) in ports.enumerated() where !["TCP", "UDP"].contains(port.protocol) {
            found.append(
                .error(
                    here.appending("ports", index: offset),
                    "protocol '\(port.protocol)' is not supported by an NLB (use TCP or UDP)"))
        }
        if selector.isEmpty {
            found.append(.error(here.appending("selector"), "the load balancer selects no pods"))
        }
        for key in annotations.keys.sorted() where Self.controlledAnnotations.contains(key) {
            found.append(
                .error(
                    here.appending("annotations").appending(key),
                    "'\(key)' is set by the load balancer settings and would be overwritten",
                    hint: "set it through `loadBalancer:` (AWSNetworkLoadBalancer)"))
        }
        return found
    }

    /// The annotations ``loadBalancer`` owns, plus the in-tree controller's, which the LBC's class makes dead.
    static let controlledAnnotations: Set<String> = [
        AWSNetworkLoadBalancer.Annotation.scheme, AWSNetworkLoadBalancer.Annotation.targetType,
        AWSNetworkLoadBalancer.Annotation.type, AWSNetworkLoadBalancer.Annotation.attributes,
        AWSNetworkLoadBalancer.Annotation.proxyProtocol, AWSNetworkLoadBalancer.Annotation.additionalResourceTags,
        "service.beta.kubernetes.io/aws-load-balancer-internal",
    ]
}
