// Resource requests and limits as one small value: every helper's containers get both
// (the scheduler needs requests, the namespace quota needs limits), so there is no way to
// forget one half.

/// CPU and memory requests and limits for a container.
///
/// ```swift
/// let resources = ComputeResources(cpu: "250m", memory: "256Mi", cpuLimit: "1", memoryLimit: "512Mi")
/// container.resources = resources.requirements
/// ```
public struct ComputeResources: Sendable, Hashable {
    /// Requested CPU (what the scheduler reserves).
    public var cpu: Quantity
    /// Requested memory.
    public var memory: Quantity
    /// The CPU limit.
    public var cpuLimit: Quantity
    /// The memory limit (the container is killed above it).
    public var memoryLimit: Quantity

    /// Creates requests and limits.
    public init(cpu: Quantity, memory: Quantity, cpuLimit: Quantity, memoryLimit: Quantity) {
        self.cpu = cpu
        self.memory = memory
        self.cpuLimit = cpuLimit
        self.memoryLimit = memoryLimit
    }

    /// A small web service: 100m/128Mi requested, 500m/512Mi limit.
    public static let small = ComputeResources(cpu: "100m", memory: "128Mi", cpuLimit: "500m", memoryLimit: "512Mi")
    /// A medium service: 250m/512Mi requested, 1 CPU/1Gi limit.
    public static let medium = ComputeResources(cpu: "250m", memory: "512Mi", cpuLimit: "1", memoryLimit: "1Gi")
    /// A large service or database: 500m/2Gi requested, 2 CPU/4Gi limit.
    public static let large = ComputeResources(cpu: "500m", memory: "2Gi", cpuLimit: "2", memoryLimit: "4Gi")

    /// The Kubernetes `resources` block.
    public var requirements: ResourceRequirements {
        ResourceRequirements(
            limits: ["cpu": cpuLimit, "memory": memoryLimit], requests: ["cpu": cpu, "memory": memory])
    }

    /// Problems: unparsable quantities, or a request above its limit.
    public func problems() -> [String] {
        var found: [String] = []
        for (label, quantity) in [
            ("cpu", cpu), ("memory", memory), ("cpuLimit", cpuLimit), ("memoryLimit", memoryLimit),
        ] {
            if let problem = quantity.problem { found.append("\(label): \(problem)") }
        }
        if let request = cpu.value, let limit = cpuLimit.value, request > limit {
            found.append("cpu request \(cpu) is above its limit \(cpuLimit)")
        }
        if let request = memory.value, let limit = memoryLimit.value, request > limit {
            found.append("memory request \(memory) is above its limit \(memoryLimit)")
        }
        return found
    }
}
