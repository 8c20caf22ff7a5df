// The AWS Load Balancer Controller's CRDs in each OVES cluster are the pinned release's four, and
// they agree with the controller's ClusterRole: every kind the role grants in the controller's own
// API groups has its CRD in the same manifest, and every such CRD is one the role grants. Read from
// the synthesized model (the vendored v2.17.1 `crds.yaml` through `Include`), not the Swift source.

import InfraCore
import OVESInfrastructure
import Testing

@Suite("OVES reference: the Load Balancer Controller's CRDs are its release's and match its RBAC")
struct LoadBalancerControllerCRDTests {
    /// The CRDs of the v2.17.1 chart's `crds/crds.yaml` (the Gateway API ones live in
    /// `crds/gateway-crds.yaml`, which OVES does not install).
    static let releaseCRDs: Set<String> = [
        "albtargetcontrolconfigs.elbv2.k8s.aws", "globalaccelerators.aga.k8s.aws",
        "ingressclassparams.elbv2.k8s.aws", "targetgroupbindings.elbv2.k8s.aws",
    ]
    /// The controller's own API groups whose CRDs the release's `crds.yaml` carries.
    static let groups: Set<String> = ["elbv2.k8s.aws", "aga.k8s.aws"]

    /// `group/plural` of each CRD of the controller's groups in `documents`.
    static func crdResources(_ documents: [Value]) -> Set<String> {
        Set(
            PlatformModel.all("CustomResourceDefinition", in: documents).compactMap { crd in
                guard let group = crd["spec"]?["group"]?.stringValue, groups.contains(group),
                    let plural = crd["spec"]?["names"]?["plural"]?.stringValue
                else { return nil }
                return "\(group)/\(plural)"
            })
    }

    /// `group/resource` of each top-level resource (no `/status`, `/finalizers`) the controller's
    /// ClusterRole grants in the controller's groups.
    static func grantedResources(_ role: Value) -> Set<String> {
        var granted: Set<String> = []
        for rule in role["rules"]?.arrayValue ?? [] {
            for group in PlatformModel.strings(rule["apiGroups"]) where groups.contains(group) {
                for resource in PlatformModel.strings(rule["resources"]) where !resource.contains("/") {
                    granted.insert("\(group)/\(resource)")
                }
            }
        }
        return granted
    }

    @Test("each cluster carries exactly the release's four controller CRDs, as upstream wrote them")
    func releaseCRDsInEachCluster() throws {
        #expect(PlatformModel.clusters.keys.sorted() == ["dev", "prod"])
        for (cluster, documents) in PlatformModel.clusters.sorted(by: { $0.key < $1.key }) {
            let crds = PlatformModel.all("CustomResourceDefinition", in: documents).filter {
                Self.groups.contains($0["spec"]?["group"]?.stringValue ?? "")
            }
            #expect(Set(crds.map(PlatformModel.name)) == Self.releaseCRDs, "\(cluster)")
            #expect(crds.count == Self.releaseCRDs.count, "\(cluster): a CRD is included twice")
            for crd in crds {
                #expect(
                    crd["metadata"]?["annotations"]?["controller-gen.kubebuilder.io/version"]?.stringValue
                        == "v0.19.0", "\(cluster)/\(PlatformModel.name(crd)): not the release's generated CRD")
            }
            let binding = try #require(crds.first { PlatformModel.name($0) == "targetgroupbindings.elbv2.k8s.aws" })
            let stored = (binding["spec"]?["versions"]?.arrayValue ?? []).filter { $0["storage"] == .bool(true) }
            #expect(stored.compactMap { $0["name"]?.stringValue } == ["v1beta1"], "\(cluster)")
        }
    }

    @Test("the controller's ClusterRole grants exactly the kinds whose CRDs the cluster installs")
    func crdsMatchClusterRole() throws {
        for (cluster, documents) in PlatformModel.clusters.sorted(by: { $0.key < $1.key }) {
            let role = try #require(
                PlatformModel.all("ClusterRole", in: documents).first {
                    $0["metadata"]?["labels"]?["app.kubernetes.io/name"]?.stringValue
                        == AWSLoadBalancerControllerRelease.serviceAccount
                }, "\(cluster): no controller ClusterRole")
            let installed = Self.crdResources(documents)
            let granted = Self.grantedResources(role)
            #expect(installed.count == 4, "\(cluster): \(installed.sorted())")
            #expect(granted == installed, "\(cluster): granted \(granted.sorted()), installed \(installed.sorted())")
        }
    }
}
