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

    @Test("a default namespace is written into objects without one, exactly as a copy with it set")
    func defaultNamespace() {
        let unstructured = UnstructuredObject(
            apiVersion: "example.com/v1", kind: "Widget", metadata: .init(name: "w"))
        var web = Samples.deployment(name: "web", labels: ["app": "web"])
        web.metadata.namespace = nil
        var elsewhere = Samples.deployment(name: "elsewhere", labels: ["app": "elsewhere"])
        elsewhere.metadata.namespace = "other"
        let objects: [any KubernetesObject] = [
            web, elsewhere, unstructured, ConfigMap(metadata: .init(), data: ["k": "v"]),
        ]
        for object in objects {
            var written: [UInt8] = []
            object.appendYAMLDocument(to: &written, defaultNamespace: "team-a")
            var copy = object
            if copy.metadata.namespace == nil { copy.metadata.namespace = "team-a" }
            #expect(String(decoding: written, as: UTF8.self) == Self.generic(copy), "\(object.kind) \(object.name)")
            #expect(String(decoding: written, as: UTF8.self).contains("\n  namespace: "))
            var plain: [UInt8] = []
            object.appendYAMLDocument(to: &plain, defaultNamespace: nil)
            #expect(String(decoding: plain, as: UTF8.self) == object.yaml)
        }
    }

    @Test("boxed API values keep value semantics: changing a copy leaves the original as it was")
    func copyOnWrite() {
        let original = Container(name: "app", image: "nginx:1.25", ports: [ContainerPort(containerPort: 80)])
        var copy = original
        copy.image = "nginx:1.27"
        copy.ports?.append(ContainerPort(containerPort: 443))
        copy.resources = .init(requests: ["cpu": "100m"])
        #expect(original.image == "nginx:1.25")
        #expect(original.ports?.count == 1)
        #expect(original.resources == nil)
        #expect(copy.image == "nginx:1.27" && copy.ports?.count == 2)
        #expect(copy != original)
        var restored = copy
        restored.image = "nginx:1.25"
        restored.ports?.removeLast()
        restored.resources = nil
        #expect(restored == original)
        #expect(Set([original, restored]).count == 1)
    }
}
