// The synthesized OVES YAML, written to a temporary output folder, passes
// ../shared/tools/k8s-validate (strict, Kubernetes 1.28–1.31, cert-manager and VPA CRDs) in
// one run over the whole folder.

import Foundation
import InfraCore
import InfraTestSupport
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: external validation")
struct ReferenceValidationTests {
    @Test("every YAML file of kubernetes/prod and kubernetes/dev passes k8s-validate")
    func passesK8sValidate() throws {
        let result = Infrastructure(units: OVESKubernetes.manifests).synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        guard let tool = ExternalTools.sharedTool("k8s-validate") else { return }
        let directory = try ExternalTools.temporaryDirectory("oves-k8s")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        let output = try ExternalTools.run(tool, [directory.appendingPathComponent("kubernetes").path])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stdout.contains(" 0 failed"))
    }
}
