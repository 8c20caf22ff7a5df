// Every VerticalPodAutoscaler of the synthesized OVES model has the components that act on it in
// its own cluster: the recommender always, the admission controller for `Initial` and the updater
// plus admission controller for `Recreate`/`Auto`; the webhook is served with a cert-manager
// certificate and no NetworkPolicy stands between the API server and it. Read from the model.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES reference: the VPA components run where the VerticalPodAutoscalers are")
struct VerticalPodAutoscalerPresenceTests {
    /// The VPA component Deployments of a cluster, by name, with their images.
    static func components(in documents: [Value]) -> [String: String] {
        var found: [String: String] = [:]
        for deployment in PlatformModel.all("Deployment", in: documents) {
            let image =
                deployment["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["image"]?.stringValue ?? ""
            if image.hasPrefix("\(VerticalPodAutoscalerComponents.registry)/vpa-") {
                found[PlatformModel.name(deployment)] = image
            }
        }
        return found
    }

    @Test("every cluster with a VerticalPodAutoscaler runs the components its update modes need, at the CRDs' release")
    func componentsForEveryMode() {
        var clustersWithVPAs = 0
        for (cluster, documents) in PlatformModel.clusters.sorted(by: { $0.key < $1.key }) {
            let vpas = PlatformModel.all("VerticalPodAutoscaler", in: documents)
            guard !vpas.isEmpty else { continue }
            clustersWithVPAs += 1
            let running = Self.components(in: documents)
            #expect(running[VerticalPodAutoscalerComponents.recommenderName] != nil, "\(cluster): no recommender")
            for vpa in vpas {
                let mode = vpa["spec"]?["updatePolicy"]?["updateMode"]?.stringValue ?? "Auto"
                var needed: [String] = [VerticalPodAutoscalerComponents.recommenderName]
                if mode != "Off" { needed.append(VerticalPodAutoscalerComponents.admissionControllerName) }
                if ["Auto", "Recreate", "InPlaceOrRecreate"].contains(mode) {
                    needed.append(VerticalPodAutoscalerComponents.updaterName)
                }
                for component in needed {
                    #expect(
                        running[component] != nil,
                        "\(cluster)/\(PlatformModel.name(vpa)) (\(mode)) needs \(component), which does not run")
                }
            }
            for (name, image) in running {
                #expect(image.hasSuffix(":\(VerticalPodAutoscalerComponents.defaultVersion)"), "\(cluster)/\(name)")
            }
            let crds = PlatformModel.all("CustomResourceDefinition", in: documents).map(PlatformModel.name)
            #expect(crds.contains("verticalpodautoscalers.autoscaling.k8s.io"), "\(cluster)")
        }
        #expect(clustersWithVPAs == 2)
    }

    @Test("the admission controller's certificate Secret is one a Certificate of the same namespace writes")
    func webhookCertificate() throws {
        for (cluster, documents) in PlatformModel.clusters.sorted(by: { $0.key < $1.key }) {
            guard
                let controller = PlatformModel.all("Deployment", in: documents).first(where: {
                    PlatformModel.name($0) == VerticalPodAutoscalerComponents.admissionControllerName
                })
            else { continue }
            let namespace = PlatformModel.namespace(controller)
            let volumes = controller["spec"]?["template"]?["spec"]?["volumes"]?.arrayValue ?? []
            let secrets = volumes.flatMap { volume in
                (volume["projected"]?["sources"]?.arrayValue ?? []).compactMap { $0["secret"]?["name"]?.stringValue }
            }
            #expect(secrets == [VerticalPodAutoscalerComponents.webhookSecretName], "\(cluster)")
            let written = PlatformModel.all("Certificate", in: documents).filter {
                PlatformModel.namespace($0) == namespace
            }.compactMap { $0["spec"]?["secretName"]?.stringValue }
            #expect(written.contains(VerticalPodAutoscalerComponents.webhookSecretName), "\(cluster)")
            let services = PlatformModel.all("Service", in: documents).filter {
                PlatformModel.name($0) == VerticalPodAutoscalerComponents.webhookServiceName
                    && PlatformModel.namespace($0) == namespace
            }
            #expect(services.count == 1, "\(cluster): the webhook Service the admission controller registers")
        }
    }

    @Test("no NetworkPolicy of the output selects the VPA pods' namespace, so the API server reaches the webhook")
    func webhookReachable() {
        for (cluster, documents) in PlatformModel.clusters.sorted(by: { $0.key < $1.key }) {
            let namespace = VerticalPodAutoscalerComponents().namespace
            let policies = PlatformModel.all("NetworkPolicy", in: documents).filter {
                PlatformModel.namespace($0) == namespace
            }
            #expect(policies.isEmpty, "\(cluster): \(policies.map(PlatformModel.name)) in \(namespace)")
        }
    }
}
