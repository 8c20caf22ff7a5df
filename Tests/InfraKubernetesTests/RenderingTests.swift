// Typed objects render to InfraCore values with the conventional key order (apiVersion,
// kind, metadata, spec, then the rest), unset optionals left out, maps sorted by key.

import InfraCore
import InfraKubernetes
import Testing

@Suite("Rendering typed objects")
struct RenderingTests {
    @Test("top-level keys come in the order apiVersion, kind, metadata, spec")
    func topLevelKeyOrder() throws {
        let value = Samples.deployment().renderValue()
        let object = try #require(value.objectValue)
        #expect(object.keys == ["apiVersion", "kind", "metadata", "spec"])
        #expect(value["apiVersion"] == "apps/v1")
        #expect(value["kind"] == "Deployment")
    }

    @Test("metadata starts with name, namespace, labels, annotations")
    func metadataKeyOrder() throws {
        let meta = ObjectMeta(name: "a", namespace: "b", labels: ["x": "1"], annotations: ["y": "2"], finalizers: ["f"])
        #expect(meta.renderValue().objectValue?.keys == ["name", "namespace", "labels", "annotations", "finalizers"])
    }

    @Test("other keys follow alphabetically after the priority keys")
    func nestedKeysAreAlphabetical() throws {
        let container = Container(name: "app", args: ["-v"], image: "nginx", workingDir: "/srv")
        #expect(container.renderValue().objectValue?.keys == ["name", "args", "image", "workingDir"])
        let configMap = ConfigMap(metadata: .init(name: "c"), data: ["b": "2", "a": "1"], immutable: true)
        #expect(configMap.renderValue().objectValue?.keys == ["apiVersion", "kind", "metadata", "data", "immutable"])
        #expect(configMap.renderValue()["data"]?.objectValue?.keys == ["a", "b"])
    }

    @Test("unset optional fields are left out, empty collections are kept")
    func optionalsAreOmitted() {
        let value = ConfigMap(metadata: .init(name: "c"), data: [:]).renderValue()
        #expect(value["binaryData"] == nil)
        #expect(value["data"] == .object(ValueObject()))
        #expect(value["metadata"]?.objectValue?.keys == ["name"])
    }

    @Test("an object's yaml is the document a manifest writes")
    func objectYAML() {
        let configMap = ConfigMap(metadata: .init(name: "settings"), data: ["mode": "on"])
        #expect(
            configMap.yaml == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: \"on\"\n")
    }

    @Test("IntOrString renders as a number or a string")
    func intOrStringRendering() {
        let byNumber = ServicePort(port: 80, targetPort: 8080).renderValue()
        let byName = ServicePort(port: 80, targetPort: "http").renderValue()
        #expect(byNumber["targetPort"] == .int(8080))
        #expect(byName["targetPort"] == .string("http"))
    }

    @Test("CRD kinds carry their apiVersion and kind")
    func crdKinds() {
        #expect(Samples.clusterIssuer.renderValue()["apiVersion"] == "cert-manager.io/v1")
        #expect(Samples.clusterIssuer.renderValue()["kind"] == "ClusterIssuer")
        #expect(Samples.verticalAutoscaler.renderValue()["apiVersion"] == "autoscaling.k8s.io/v1")
        #expect(Samples.certificate.kind == "Certificate")
    }

    @Test("UnstructuredObject writes spec right after metadata, then its other fields in order")
    func unstructuredOrder() throws {
        let object = UnstructuredObject(
            apiVersion: "example.com/v1", kind: "Widget", metadata: .init(name: "w"),
            fields: ["zeta": 1, "spec": ["size": 2], "alpha": true])
        #expect(object.renderValue().objectValue?.keys == ["apiVersion", "kind", "metadata", "spec", "zeta", "alpha"])
    }
}
