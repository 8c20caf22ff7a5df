// A manifest writes each object's YAML straight from its typed fields (the generated
// `appendYAMLDocument(to:)`), not through a rendered `Value`. These tests hold that fast path to
// the bytes InfraCore's generic `YAMLWriter` writes for the object's `renderValue()` — the form
// the PyYAML round trip and the schema validation check — on hostile strings and on every sample kind.

import InfraCore
import InfraKubernetes
import Testing

@Suite("YAML written from typed objects")
struct YAMLEmissionTests {
    /// The object through the generic path: rendered to a `Value`, then written by `YAMLWriter`.
    static func generic(_ object: any KubernetesObject) -> String {
        YAMLWriter().string(object.renderValue())
    }

    @Test("ConfigMaps with YAML-1.1-hostile keys and values write what the generic writer writes")
    func hostileStrings() {
        for (offset, string) in YAMLRoundTripTests.samples().enumerated() {
            var pairs: [String: String] = [:]
            pairs["value"] = string
            pairs["k\(offset)"] = string + string
            pairs[string] = "key"
            let object = ConfigMap(metadata: .init(name: "c\(offset)", labels: pairs, annotations: pairs), data: pairs)
            #expect(object.yaml == Self.generic(object), "string \(offset): \(string.debugDescription)")
        }
    }

    @Test("every sample kind writes what the generic writer writes", arguments: Samples.manifest.objects.indices)
    func sampleKinds(offset: Int) {
        let object = Samples.manifest.objects[offset]
        #expect(object.yaml == Self.generic(object), "\(object.kind) \(object.name)")
    }

    @Test("empty collections, block strings and quoted keys write what the generic writer writes")
    func edgeValues() {
        let objects: [any KubernetesObject] = [
            ConfigMap(metadata: .init(name: "empty", labels: [:], annotations: [:]), data: [:]),
            ConfigMap(metadata: .init(name: "multi-line"), data: ["script.sh": "#!/bin/sh\necho on\n", "x": "a\n b"]),
            Samples.deployment(name: "zero", labels: ["app": "zero", "tier": ""]),
            Service(
                metadata: .init(name: "named-port", annotations: ["on": "yes", "a b": "1.0"]),
                spec: .init(ports: [ServicePort(port: 443, targetPort: "https")], selector: ["app": "on"])),
        ]
        for object in objects {
            #expect(object.yaml == Self.generic(object), "\(object.kind) \(object.name)")
        }
    }
}
