// Every custom resource of the synthesized OVES model has its CRD in the same cluster's output or
// is served by an EKS add-on named in OVESKubernetes.addOnAPIGroups (the one list); a kind from
// nowhere would be rejected by the API server at apply time.

import InfraCore
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: every custom resource's CRD is part of the platform")
struct CustomResourceDependencyTests {
    /// The API groups Kubernetes itself serves (everything else needs a CRD or an aggregated API).
    static let builtInGroups: Set<String> = [
        "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
        "storage.k8s.io", "scheduling.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io",
        "coordination.k8s.io", "discovery.k8s.io", "certificates.k8s.io", "node.k8s.io", "events.k8s.io",
        "flowcontrol.apiserver.k8s.io", "apiregistration.k8s.io", "resource.k8s.io", "storagemigration.k8s.io",
    ]

    static func group(_ document: Value) -> String {
        let apiVersion = document["apiVersion"]?.stringValue ?? ""
        return apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
    }

    @Test("each custom resource's group and kind is a vendored CRD of its cluster or an add-on's API")
    func everyKindHasItsDefinition() {
        var custom = 0
        for (cluster, documents) in PlatformModel.clusters {
            var defined: Set<String> = []
            for crd in PlatformModel.all("CustomResourceDefinition", in: documents) {
                let group = crd["spec"]?["group"]?.stringValue ?? ""
                defined.insert("\(group)/\(crd["spec"]?["names"]?["kind"]?.stringValue ?? "")")
            }
            for document in documents where !Self.builtInGroups.contains(Self.group(document)) {
                let key = "\(Self.group(document))/\(document["kind"]?.stringValue ?? "")"
                let addOn = OVESKubernetes.addOnAPIGroups[Self.group(document)]
                #expect(
                    defined.contains(key) || addOn != nil,
                    "\(cluster): \(key) \(PlatformModel.name(document)) has no CRD in the output and no add-on")
                custom += 1
            }
        }
        #expect(custom >= 10)
    }

    @Test("the clusters use VPA (vendored CRD) and cert-manager (the EKS add-on)")
    func knownSources() {
        for (cluster, documents) in PlatformModel.clusters {
            let crds = Set(PlatformModel.all("CustomResourceDefinition", in: documents).map(PlatformModel.name))
            #expect(crds.contains("verticalpodautoscalers.autoscaling.k8s.io"), "\(cluster)")
            #expect(
                !crds.contains { $0.hasSuffix("cert-manager.io") }, "\(cluster): cert-manager's CRDs are the add-on's")
            #expect(documents.contains { Self.group($0) == "cert-manager.io" }, "\(cluster)")
        }
        #expect(OVESKubernetes.addOnAPIGroups["cert-manager.io"] == "cert-manager")
    }

    @Test("the add-ons' CRDs are written to kubernetes/_addon-crds, which no cluster applies")
    func addOnCRDsAreWrittenNotApplied() {
        let manifest = OVESKubernetes.addOnCRDs
        #expect(manifest.cluster == nil, "applying them would take the add-on's objects over")
        #expect(OVESKubernetes.clusterManifests().allSatisfy { $0.cluster != nil })
        let result = Infrastructure(units: [manifest]).synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(result.artifacts.map(\.path) == ["kubernetes/_addon-crds/_cluster.yaml"])
        let crds = result.model.nodes(.kubernetes).map { $0.document() }
        #expect(crds.allSatisfy { $0["kind"]?.stringValue == "CustomResourceDefinition" })
        let groups = Set(crds.compactMap { $0["spec"]?["group"]?.stringValue })
        #expect(
            groups.allSatisfy { OVESKubernetes.addOnAPIGroups[$0] != nil }, "only add-on-installed kinds: \(groups)")
        // Every custom kind the clusters use from an add-on that no bundled schema covers has its CRD there.
        let written = Set(
            crds.map {
                "\($0["spec"]?["group"]?.stringValue ?? "")/\($0["spec"]?["names"]?["kind"]?.stringValue ?? "")"
            })
        let used = Set(
            PlatformModel.clusters.values.joined().filter { Self.group($0) == "secrets-store.csi.x-k8s.io" }
                .map { "\(Self.group($0))/\($0["kind"]?.stringValue ?? "")" })
        #expect(!used.isEmpty && used.isSubset(of: written), "used \(used), written \(written)")
    }
}
