// The YAML a manifest writes must pass ../shared/tools/k8s-validate: strict schemas of every
// supported Kubernetes version (`KubernetesVersionWindow.supported`) plus the cert-manager and
// VPA CRD schemas.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

@Suite("k8s-validate accepts synthesized YAML")
struct SchemaValidationTests {
    @Test("the sample manifest synthesizes without errors and passes strict validation for every supported version")
    func sampleManifestPassesK8sValidate() throws {
        let result = Samples.manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(!result.artifacts.isEmpty)
        let directory = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate([directory.path], versions: KubernetesVersionWindow.supported)
    }

    @Test("an UnstructuredObject of a CRD kind passes validation")
    func unstructuredIssuerPasses() throws {
        let issuer = UnstructuredObject(
            apiVersion: "cert-manager.io/v1", kind: "Issuer", metadata: .init(name: "self", namespace: "prod"),
            fields: ["spec": ["selfSigned": [:]]])
        let yaml = YAMLWriter().write(issuer.renderValue())
        let directory = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("issuer.yaml")
        try Data(yaml).write(to: file)
        try ExternalTools.k8sValidate([file.path], versions: KubernetesVersionWindow.supported)
    }
}
