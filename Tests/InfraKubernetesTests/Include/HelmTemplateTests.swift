// `Include(helmChart:)` runs the real `helm template` (Scripts/install-helm.sh installs helm
// v4.1.4; CI fails when it is missing) on a chart of ours and reads its output like any YAML.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

@Suite("Helm charts through helm template")
struct HelmTemplateTests {
    static let chart = Fixtures.root.appendingPathComponent("helm/webapp").path

    @Test(
        "a chart renders with values and capabilities into typed objects, CRDs included, and passes strict validation")
    func renders() throws {
        guard let helm = ExternalTools.helm() else { return }
        let include = Include(
            helmChart: Self.chart, release: "shop", namespace: "shop",
            values: ["replicas": 3, "ingress": ["enabled": true, "host": "shop.example.com"]],
            apiVersions: ["networking.k8s.io/v1/Ingress"], helm: helm)
        #expect(messages(include).isEmpty)
        #expect(
            include.objects.map(\.kind).sorted() == ["CustomResourceDefinition", "Deployment", "Ingress", "Service"])
        let deployment = try #require(include.objects.compactMap { $0 as? Deployment }.first)
        #expect(deployment.spec?.replicas == 3)
        let ingress = try #require(include.objects.compactMap { $0 as? Ingress }.first)
        #expect(ingress.spec?.rules?.first?.host == "shop.example.com")
        let result = Manifest("shop", namespace: "shop") { include }.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let references = Set(result.model.nodes.flatMap { node in node.references.map { "\(node.address) -> \($0)" } })
        #expect(references.contains("shop/Ingress/shop -> shop/Service/shop"), "\(references)")
        let directory = try ExternalTools.temporaryDirectory("helm")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate([directory.path], versions: KubernetesVersionWindow.supported)
    }

    @Test("without CRDs or the capabilities a template asks for, those objects are left out; output is repeatable")
    func defaults() throws {
        guard let helm = ExternalTools.helm() else { return }
        // The chart's Ingress needs `.Capabilities.APIVersions.Has "networking.k8s.io/v1/Ingress"`.
        let first = Include(
            helmChart: Self.chart, release: "web", values: ["ingress": ["enabled": true]], includeCRDs: false,
            helm: helm)
        #expect(first.objects.map(\.kind).sorted() == ["Deployment", "Service"])
        let again = Include(
            helmChart: Self.chart, release: "web", values: ["ingress": ["enabled": true]], includeCRDs: false,
            helm: helm)
        #expect(first.objects.map { $0.renderValue() } == again.objects.map { $0.renderValue() })
    }

    @Test("a missing helm binary and a chart that fails to render are errors of the manifest")
    func failures() throws {
        let missing = Include(helmChart: Self.chart, release: "web", helm: "/nonexistent/helm")
        #expect(messages(missing).first?.contains("helm was not found") == true, "\(messages(missing))")
        guard let helm = ExternalTools.helm() else { return }
        let broken = Include(helmChart: Self.chart + "-missing", release: "web", helm: helm)
        let found = messages(broken)
        #expect(found.count == 1)
        #expect(found.first?.contains("helm template failed (exit 1)") == true, "\(found)")
        #expect(Manifest("m") { broken }.synthesize().artifacts.isEmpty)
    }
}
