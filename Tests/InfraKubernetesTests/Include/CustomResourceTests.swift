// CRDs in a manifest register their kinds: custom resources of those kinds get the CRD's scope and
// are checked against the served version's schema; the output passes k8s-validate, which checks
// custom resources against the CRDs among the validated documents.

import Foundation
import InfraCore
import InfraKubernetes
import InfraKubernetesImportFixture
import InfraTestSupport
import Testing

/// The committed test fixtures (Tests/InfraKubernetesTests/Fixtures).
enum Fixtures {
    static let root = ExternalTools.packageRoot.appendingPathComponent("Tests/InfraKubernetesTests/Fixtures")
    static let widgets = root.appendingPathComponent("import-crd/widgets.example.com.yaml").path
    static func upstream(_ name: String) -> String { root.appendingPathComponent("upstream/\(name)").path }
    static let upstreamFiles = [
        "cert-manager.io_certificaterequests.yaml", "cert-manager.io_certificates.yaml",
        "cert-manager.io_clusterissuers.yaml", "cert-manager.io_issuers.yaml", "vpa-v1-crd-gen.yaml",
    ]
}

@Suite("Custom resources against the manifest's CRDs")
struct CustomResourceTests {
    /// A manifest with the Widget/Gadget CRDs and `resources` (YAML).
    func manifest(_ resources: String) -> Manifest {
        Manifest("apps", namespace: "apps") {
            Include(file: Fixtures.widgets)
            Include(yaml: resources, source: "resources.yaml")
        }
    }

    @Test("a valid Widget and a Gadget synthesize; the Gadget goes to _cluster.yaml without a namespace")
    func valid() throws {
        let result = manifest(
            """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: small}
            spec: {size: 3, color: red, ports: [{name: http, port: 8080}], memory: 64Mi, template: {any: [thing]}}
            ---
            apiVersion: example.com/v1beta1
            kind: Widget
            metadata: {name: old}
            spec: {size: 1}
            ---
            apiVersion: example.com/v1
            kind: Gadget
            metadata: {name: g}
            spec: {widgets: [small]}
            """
        ).synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let cluster = try #require(result.artifacts.first { $0.path.hasSuffix("_cluster.yaml") })
        #expect(cluster.text.contains("kind: Gadget\nmetadata:\n  name: g\n"))
        let apps = try #require(result.artifacts.first { $0.path.hasSuffix("apps.yaml") })
        #expect(apps.text.contains("name: small\n  namespace: apps\n"))
        let directory = try ExternalTools.temporaryDirectory("include-crd")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate([directory.path], versions: KubernetesVersionWindow.supported)
    }

    @Test("versions, required fields, enums, bounds, patterns, unknown fields and types are checked against the CRD")
    func invalid() {
        let result = manifest(
            """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {size: 11, color: pink, ports: [{name: HTTP, port: true}], extra: 1, memory: lots}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: empty}
            spec: {color: red}
            ---
            apiVersion: example.com/v1alpha1
            kind: Widget
            metadata: {name: alpha}
            ---
            apiVersion: example.com/v2
            kind: Widget
            metadata: {name: future}
            ---
            apiVersion: example.com/v1
            kind: Gizmo
            metadata: {name: typo}
            """
        ).synthesize()
        let found = result.diagnostics.sorted.map(\.description)
        let expected = [
            "error: apps/Widget/alpha: version v1alpha1 of Widget is not served by its CRD "
                + "apps/CustomResourceDefinition/widgets.example.com",
            "error: apps/Widget/empty/spec: 'size' is required",
            "error: apps/Widget/future: Widget has no version v2 in its CRD apps/CustomResourceDefinition/widgets.example.com "
                + "(it has v1, v1alpha1, v1beta1)",
            "error: apps/Widget/w/spec/color: the string \"pink\" is not one of \"red\", \"green\", \"blue\"",
            "error: apps/Widget/w/spec/extra: unknown field 'extra' (hint: the CRD's schema has no such field "
                + "(kubectl's strict field validation refuses it))",
            "error: apps/Widget/w/spec/memory: \"lots\" does not match the pattern ^[0-9]+(Mi|Gi)?$",
            "error: apps/Widget/w/spec/ports[0]/name: \"HTTP\" does not match the pattern ^[a-z][a-z0-9-]*$",
            "error: apps/Widget/w/spec/ports[0]/port: expected an integer or a string, found the boolean true",
            "error: apps/Widget/w/spec/size: 11 is above the maximum 10",
            "warning: apps/Gizmo/typo: no CustomResourceDefinition of this manifest defines Gizmo in example.com "
                + "(hint: check the kind's spelling, or install its CRD)",
        ]
        for line in expected { #expect(found.contains(line), "missing: \(line)\nfound: \(found)") }
        #expect(result.artifacts.isEmpty)
    }

    @Test("a CRD the API server would refuse is an error")
    func badCRD() {
        let result = Manifest("crds") {
            Include(
                yaml: """
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata: {name: widgets}
                    spec:
                      group: example.com
                      names: {kind: Widget, plural: widgets}
                      scope: Global
                      versions:
                      - {name: v1, served: true, storage: false}
                    """)
        }.synthesize()
        let found = result.diagnostics.errors.map(\.description)
        #expect(
            found == [
                "error: crds/CustomResourceDefinition/widgets: CustomResourceDefinition must be named "
                    + "'widgets.example.com' (<plural>.<group>) (hint: the API server refuses any other name)",
                "error: crds/CustomResourceDefinition/widgets/scope: scope must be Namespaced or Cluster",
                "error: crds/CustomResourceDefinition/widgets/versions: exactly one version must be the storage version, found 0",
            ], "\(found)")
    }

    @Test("typed cert-manager objects are checked against the vendored cert-manager CRDs in the manifest")
    func typedAgainstUpstreamCRDs() throws {
        let manifest = Manifest("certs", namespace: "web") {
            for file in ["cert-manager.io_certificates.yaml", "cert-manager.io_clusterissuers.yaml"] {
                Include(file: Fixtures.upstream(file))
            }
            Certificate(
                metadata: .init(name: "site"),
                spec: .init(
                    dnsNames: ["example.com"], issuerRef: .init(kind: "ClusterIssuer", name: "letsencrypt"),
                    secretName: "site-tls"))
            ClusterIssuer(metadata: .init(name: "letsencrypt"), spec: .init(selfSigned: .init()))
        }
        let result = manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let directory = try ExternalTools.temporaryDirectory("include-crd")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate([directory.path], versions: KubernetesVersionWindow.supported)
    }
}

@Suite("Types generated by import-crd")
struct ImportedKindsTests {
    @Test("imported kinds build, synthesize with their CRDs and pass strict validation; Include reads them typed")
    func importedKinds() throws {
        let widget = Widget(
            metadata: .init(name: "typed"),
            spec: .init(
                labels: ["a": "b"], appKubernetesIoTier: "front", color: "green", default: true, memory: "128Mi",
                ports: [WidgetPort(name: "http", port: 80)], size: 4, template: ["free": ["form": 1]]))
        let gadget = Gadget(metadata: .init(name: "tools"), spec: .init(widgets: ["typed"]))
        #expect(gadget.isClusterScoped && !widget.isClusterScoped)
        let request = CertificateRequest(
            metadata: .init(name: "req"),
            spec: .init(issuerRef: .init(name: "ca"), request: "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K"))
        let manifest = Manifest("imported", namespace: "apps") {
            Include(file: Fixtures.widgets)
            Include(file: Fixtures.upstream("cert-manager.io_certificaterequests.yaml"))
            widget
            gadget
            request
            WidgetV1Beta1(metadata: .init(name: "beta"), spec: .init(size: 2))
        }
        let result = manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let directory = try ExternalTools.temporaryDirectory("import-crd")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate([directory.path], versions: KubernetesVersionWindow.supported)

        // What was written reads back into the same typed values.
        let written = result.artifacts.map(\.text).joined(separator: "---\n")
        let reread = Include(yaml: written, kinds: InfraKubernetesImportFixtureKinds.registry)
        #expect(messages(reread).isEmpty)
        let typedWidget = try #require(reread.objects.compactMap { $0 as? Widget }.first)
        var expected = widget
        expected.metadata.namespace = "apps"
        #expect(typedWidget == expected)
        #expect(reread.objects.contains { $0 is Gadget } && reread.objects.contains { $0 is CertificateRequest })
        #expect(reread.objects.contains { $0 is WidgetV1Beta1 })
    }
}
