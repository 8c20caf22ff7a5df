// Every Ingress of the synthesized OVES model (per cluster) names an IngressClass of the same
// cluster, that class belongs to the F5 NGINX Ingress Controller the cluster runs, and the
// Ingress carries only annotations that controller (or cert-manager) reads — none of the retired
// community ingress-nginx's, which the F5 controller ignores. Read from the resolved model.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: Ingresses are served by the NGINX Ingress Controller")
struct IngressControllerTests {
    static let clusters = PlatformModel.clusters

    static func named(_ kind: String, in documents: [Value]) -> [Value] { PlatformModel.all(kind, in: documents) }

    @Test("both clusters run the controller and define IngressClass nginx for nginx.org/ingress-controller")
    func classAndController() {
        #expect(Set(Self.clusters.keys) == ["prod", "dev"])
        for (cluster, documents) in Self.clusters {
            let classes = Self.named("IngressClass", in: documents)
            #expect(
                classes.map { [$0["metadata"]?["name"]?.stringValue, $0["spec"]?["controller"]?.stringValue] }
                    == [["nginx", "nginx.org/ingress-controller"]], "\(cluster)")
            let controller = Self.named("Deployment", in: documents).first {
                $0["metadata"]?["name"]?.stringValue == "nginx-ingress"
            }
            let args =
                controller?["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["args"]?
                .arrayValue?.compactMap(\.stringValue) ?? []
            #expect(args.contains("-ingress-class=nginx"), "\(cluster)")
            #expect(
                Self.named("ClusterRoleBinding", in: documents).contains {
                    $0["metadata"]?["name"]?.stringValue == "nginx-ingress"
                }, "\(cluster)")
        }
    }

    @Test("every Ingress uses a class its cluster defines and only annotations its readers know")
    func ingressesAreServed() {
        var checked = 0
        for (cluster, documents) in Self.clusters {
            let classes = Set(
                Self.named("IngressClass", in: documents).compactMap { $0["metadata"]?["name"]?.stringValue })
            for ingress in Self.named("Ingress", in: documents) {
                let name = "\(cluster)/\(ingress["metadata"]?["name"]?.stringValue ?? "?")"
                let className = ingress["spec"]?["ingressClassName"]?.stringValue ?? ""
                #expect(classes.contains(className), "\(name): class '\(className)' is not defined")
                for member in ingress["metadata"]?["annotations"]?.objectValue ?? ValueObject() {
                    let key = member.key
                    #expect(!key.hasPrefix("nginx.ingress.kubernetes.io/"), "\(name): \(key) is read by nobody")
                    #expect(
                        key.hasPrefix("nginx.org/") || key == "ingress.kubernetes.io/ssl-redirect"
                            || key.hasPrefix("cert-manager.io/"), "\(name): \(key) has no reader")
                }
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
