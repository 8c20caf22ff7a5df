// Every helper's output passes ../shared/tools/k8s-validate (strict, every supported Kubernetes
// version, cert-manager and VPA CRDs), synthesized together in one manifest.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

@Suite("Helpers pass k8s-validate")
struct HelperSchemaTests {
    static var manifest: Manifest {
        Manifest("helpers", namespace: "apps") {
            TeamNamespace(
                name: "apps", allowEgressToNamespaces: ["data"], publicPorts: [1883], allowInternetEgress: true)
            TeamNamespace(name: "data", podSecurity: .baseline, warn: .restricted, allowIngressFromNamespaces: ["apps"])
            LetsEncryptIssuers(email: "ops@example.com")
            EBSStorageClass()
            ClusterAutoscaler(clusterName: "demo", roleARN: "arn:aws:iam::111122223333:role/demo-cluster-autoscaler")
            AWSLoadBalancerControllerTests.controller
            VerticalPodAutoscalerComponents()
            MicroserviceTests.service
            VerticalAutoscaling(name: "account", mode: .off)
            TCPLoadBalancer(name: "broker", ports: [.init(name: "mqtt", port: 1883)], selector: ["app": "broker"])
            StatefulWorkload(
                name: "broker", image: "eclipse-mosquitto:2.0.18", ports: [.init(name: "mqtt", port: 1883)],
                storage: "1Gi", mountPath: "/mosquitto/data", health: .tcp(port: "mqtt"),
                config: ConfigFiles(
                    name: "broker-config", mountPath: "/mosquitto/config", files: ["mosquitto.conf": "listener 1883\n"]),
                serviceName: "broker-headless")
            NetworkingHelperTests.router
            ExternalDNSTests.cloudflare
            ExternalDNSTests.route53
        }
    }

    @Test("a manifest using every helper synthesizes without errors and passes strict validation")
    func everyHelperValidates() throws {
        let result = Self.manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let directory = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate([directory.path], versions: KubernetesVersionWindow.supported)
    }
}
