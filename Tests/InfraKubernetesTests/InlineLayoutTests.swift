// The generator's estimate of how wide each generated struct is inline (InlineLayout) against
// Swift's own layout, and the rule it serves: no unboxed generated struct is wider than
// `InlineLayout.boxedWidth`, so an unset optional of it costs little in every value holding it.

import InfraKubernetes
import InfraKubernetesCodegen
import InfraTestSupport
import Testing

@Suite("Generated structs are narrow inline")
struct InlineLayoutTests {
    static func layout() throws -> InlineLayout {
        let input = ExternalTools.packageRoot.appendingPathComponent("codegen/kubernetes").path
        return InlineLayout(
            models: try BuiltInGeneration.models(input: input).models, fieldCount: SwiftRenderer.copyOnWriteFieldCount)
    }

    /// Unboxed types with Swift's size for them, from one field to nested optionals.
    static let inline: [(String, Int)] = [
        ("Lifecycle", MemoryLayout<Lifecycle>.size), ("ContainerPort", MemoryLayout<ContainerPort>.size),
        ("ServicePort", MemoryLayout<ServicePort>.size), ("Toleration", MemoryLayout<Toleration>.size),
        ("HTTPGetAction", MemoryLayout<HTTPGetAction>.size), ("TCPSocketAction", MemoryLayout<TCPSocketAction>.size),
        ("ResourceRequirements", MemoryLayout<ResourceRequirements>.size), ("Affinity", MemoryLayout<Affinity>.size),
        ("SELinuxOptions", MemoryLayout<SELinuxOptions>.size), ("EnvVar", MemoryLayout<EnvVar>.size),
        ("SessionAffinityConfig", MemoryLayout<SessionAffinityConfig>.size),
        ("DeploymentStrategy", MemoryLayout<DeploymentStrategy>.size),
        ("PodDNSConfig", MemoryLayout<PodDNSConfig>.size),
    ]

    @Test("the estimate is Swift's size for unboxed types")
    func estimateMatchesSwift() throws {
        var layout = try Self.layout()
        for (name, size) in Self.inline {
            #expect(!layout.boxed.contains(name), "\(name) is boxed")
            #expect(layout.width(of: name).size == size, "\(name)")
        }
    }

    @Test("a wide struct is boxed: one pointer where it is held")
    func wideTypesAreBoxed() throws {
        let layout = try Self.layout()
        for name in ["LifecycleHandler", "EnvVarSource", "Container", "PodSpec"] {
            #expect(layout.boxed.contains(name), "\(name)")
        }
        #expect(MemoryLayout<LifecycleHandler>.size == 8)
        #expect(MemoryLayout<EnvVarSource>.size == 8)
        // Lifecycle holds two handlers and a signal name; it was 304 bytes inline in every Container.
        #expect(MemoryLayout<Lifecycle>.size <= 32)
    }

    @Test("no unboxed generated struct is wider than the limit")
    func nothingUnboxedIsWide() throws {
        var layout = try Self.layout()
        let input = ExternalTools.packageRoot.appendingPathComponent("codegen/kubernetes").path
        for model in try BuiltInGeneration.models(input: input).models where !layout.boxed.contains(model.name) {
            #expect(layout.width(of: model.name).size <= InlineLayout.boxedWidth, "\(model.name)")
        }
    }
}
