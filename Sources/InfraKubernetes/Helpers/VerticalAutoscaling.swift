// A VerticalPodAutoscaler for one workload: recommendations (or automatic updates) of CPU and
// memory requests within bounds. Workloads that an HPA scales on CPU/memory should use
// `.off` (recommendations only) so the two autoscalers do not fight.

import InfraCore

/// A VerticalPodAutoscaler targeting a Deployment or StatefulSet.
///
/// ```swift
/// VerticalAutoscaling(name: "mongodb", kind: "StatefulSet", mode: .initial,
///                     minAllowed: .init(cpu: "250m", memory: "1Gi"), maxAllowed: .init(cpu: "4", memory: "16Gi"))
/// ```
public struct VerticalAutoscaling: ManifestContent, Hashable {
    /// When the VPA applies its recommendations.
    public enum Mode: String, Sendable, Hashable {
        /// Recommendations only (compatible with an HPA on CPU/memory).
        case off = "Off"
        /// Requests are set when pods are created.
        case initial = "Initial"
        /// Pods are evicted and recreated with new requests.
        case recreate = "Recreate"
    }

    /// A CPU/memory pair for the bounds.
    public struct Bound: Sendable, Hashable {
        /// CPU.
        public var cpu: Quantity
        /// Memory.
        public var memory: Quantity

        /// Creates a bound.
        public init(cpu: Quantity, memory: Quantity) {
            self.cpu = cpu
            self.memory = memory
        }

        var map: [String: Quantity] { ["cpu": cpu, "memory": memory] }
    }

    /// The target workload's name; the VPA is `<name>-vpa`.
    public var name: String
    /// The namespace, or `nil` for the manifest's default.
    public var namespace: String?
    /// The target's kind (`Deployment`, `StatefulSet`).
    public var kind: String
    /// The update mode.
    public var mode: Mode
    /// The lowest requests the VPA may set, or `nil`.
    public var minAllowed: Bound?
    /// The highest requests the VPA may set, or `nil`.
    public var maxAllowed: Bound?

    /// Creates a VPA.
    public init(
        name: String, namespace: String? = nil, kind: String = "Deployment", mode: Mode = .off,
        minAllowed: Bound? = nil, maxAllowed: Bound? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.kind = kind
        self.mode = mode
        self.minAllowed = minAllowed
        self.maxAllowed = maxAllowed
    }

    /// The VerticalPodAutoscaler.
    public var verticalPodAutoscaler: VerticalPodAutoscaler {
        VerticalPodAutoscaler(
            metadata: ObjectMeta(name: "\(name)-vpa", namespace: namespace, labels: ["app": name]),
            spec: VerticalPodAutoscalerSpec(
                resourcePolicy: VerticalPodAutoscalerResourcePolicy(containerPolicies: [
                    VerticalPodAutoscalerContainerPolicy(
                        containerName: "*", controlledResources: ["cpu", "memory"], maxAllowed: maxAllowed?.map,
                        minAllowed: minAllowed?.map)
                ]),
                targetRef: VerticalPodAutoscalerTargetRef(apiVersion: "apps/v1", kind: kind, name: name),
                updatePolicy: VerticalPodAutoscalerUpdatePolicy(updateMode: mode.rawValue)))
    }

    /// The VPA.
    public var manifestObjects: [any KubernetesObject] { [verticalPodAutoscaler] }

    /// A minimum above the maximum, at `<manifest>/VerticalPodAutoscaler/<name>-vpa`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        guard let minAllowed, let maxAllowed else { return [] }
        let here = path.appending("VerticalPodAutoscaler").appending("\(name)-vpa")
        var found: [Diagnostic] = []
        for (resource, low, high) in [
            ("cpu", minAllowed.cpu, maxAllowed.cpu), ("memory", minAllowed.memory, maxAllowed.memory),
        ] {
            if let lowValue = low.value, let highValue = high.value, lowValue > highValue {
                found.append(.error(here, "minimum \(resource) \(low) is above the maximum \(high)"))
            }
        }
        return found
    }
}
