// A TCP service exposed through an AWS Network Load Balancer: a `LoadBalancer` Service with
// the annotation the AWS cloud provider / Load Balancer Controller reads to create an NLB.

import InfraCore

/// A `type: LoadBalancer` Service served by an AWS NLB.
///
/// ```swift
/// TCPLoadBalancer(name: "mqtt-broker", ports: [.init(name: "mqtt", port: 1883)], selector: ["app": "mqtt-broker"])
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

    /// The annotation that makes the AWS integration create a Network Load Balancer.
    public static let loadBalancerTypeAnnotation = "service.beta.kubernetes.io/aws-load-balancer-type"
    /// The annotation choosing an internet-facing or internal NLB.
    public static let schemeAnnotation = "service.beta.kubernetes.io/aws-load-balancer-scheme"

    /// The Service name.
    public var name: String
    /// The namespace, or `nil` for the manifest's default.
    public var namespace: String?
    /// The exposed ports.
    public var ports: [Port]
    /// The pod labels the Service sends traffic to.
    public var selector: [String: String]
    /// Whether the NLB is internal (reachable only inside the VPC and its peers).
    public var isInternal: Bool
    /// Labels of the Service.
    public var labels: [String: String]
    /// More annotations (health checks, cross-zone load balancing, …).
    public var annotations: [String: String]

    /// Creates an NLB Service.
    public init(
        name: String, namespace: String? = nil, ports: [Port], selector: [String: String], isInternal: Bool = false,
        labels: [String: String] = [:], annotations: [String: String] = [:]
    ) {
        self.name = name
        self.namespace = namespace
        self.ports = ports
        self.selector = selector
        self.isInternal = isInternal
        self.labels = labels
        self.annotations = annotations
    }

    /// The rendered Service.
    public var service: Service {
        var allAnnotations = annotations
        allAnnotations[Self.loadBalancerTypeAnnotation] = "nlb"
        if isInternal { allAnnotations[Self.schemeAnnotation] = "internal" }
        return Service(
            metadata: ObjectMeta(
                name: name, namespace: namespace, labels: labels.isEmpty ? nil : labels, annotations: allAnnotations),
            spec: ServiceSpec(
                ports: ports.map {
                    ServicePort(name: $0.name, port: $0.port, protocol: $0.protocol, targetPort: $0.targetPort)
                },
                selector: selector, type: "LoadBalancer"))
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
        return found
    }
}
