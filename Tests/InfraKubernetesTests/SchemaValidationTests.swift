// The YAML a manifest writes must pass ../shared/tools/k8s-validate: strict schemas of
// Kubernetes 1.28–1.31 plus the cert-manager and VPA CRD schemas.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

@Suite("k8s-validate accepts synthesized YAML")
struct SchemaValidationTests {
    @Test("the sample manifest synthesizes without errors and passes strict validation for 1.28–1.31")
    func sampleManifestPassesK8sValidate() throws {
        let result = Samples.manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(!result.artifacts.isEmpty)
        guard let tool = ExternalTools.sharedTool("k8s-validate") else { return }
        let directory = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        let output = try ExternalTools.run(tool, [directory.path])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
    }

    @Test("an UnstructuredObject of a CRD kind passes validation")
    func unstructuredIssuerPasses() throws {
        let issuer = UnstructuredObject(
            apiVersion: "cert-manager.io/v1", kind: "Issuer", metadata: .init(name: "self", namespace: "prod"),
            fields: ["spec": ["selfSigned": [:]]])
        let yaml = YAMLWriter().write(issuer.renderValue())
        guard let tool = ExternalTools.sharedTool("k8s-validate") else { return }
        let directory = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("issuer.yaml")
        try Data(yaml).write(to: file)
        let output = try ExternalTools.run(tool, [file.path])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
    }
}
