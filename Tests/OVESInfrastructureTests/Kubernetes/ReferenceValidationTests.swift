// The synthesized OVES YAML, written to a temporary output folder, passes
// ../shared/tools/k8s-validate (strict, every supported Kubernetes version, cert-manager and
// VPA CRDs) in one run over the whole folder.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: external validation")
struct ReferenceValidationTests {
    @Test("every YAML file of kubernetes/prod and kubernetes/dev passes k8s-validate for every supported version")
    func passesK8sValidate() throws {
        let result = Infrastructure(units: OVESKubernetes.manifests).synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let directory = try ExternalTools.temporaryDirectory("oves-k8s")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate(
            [directory.appendingPathComponent("kubernetes").path], versions: KubernetesVersionWindow.supported)
    }

    @Test("no OVES object uses a field or kind that a supported Kubernetes version lacks")
    func noVersionWarnings() {
        let result = Infrastructure(units: OVESKubernetes.manifests).synthesize()
        let versionWarnings = result.diagnostics.all.filter {
            $0.message.contains("does not exist in Kubernetes") || $0.message.contains("is not served by Kubernetes")
        }
        #expect(versionWarnings.isEmpty, "\(versionWarnings)")
    }
}
