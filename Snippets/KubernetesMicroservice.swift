// A microservice on Kubernetes with `Microservice`: Deployment, Service, autoscaler, disruption
// budget and an NGINX Ingress (`IngressRoute`) with a Let's Encrypt certificate; prints the YAML.
//
// Run: swift run KubernetesMicroservice

// snippet.hide
import Foundation
import InfraCore
import InfraKubernetes

// snippet.show
let manifest = Manifest("prod", directory: "kubernetes/prod", namespace: "shop") {
    Namespace(metadata: .init(name: "shop"))
    // staging and production ClusterIssuers answering HTTP-01 challenges through NGINX
    LetsEncryptIssuers(email: "platform@example.com")
    Microservice(
        name: "orders", image: "ghcr.io/acme/orders:2.3.1", port: 8080,
        autoscaling: .init(minReplicas: 2, maxReplicas: 8, cpuUtilization: 70),
        resources: .medium,
        env: [EnvVar(name: "LOG_LEVEL", value: "info")],
        ingress: IngressRoute(
            name: "orders", host: "orders.example.com", tlsSecretName: "orders-tls",
            clusterIssuer: "letsencrypt-prod",
            paths: [.init("/", service: "orders", port: 8080)], rateLimit: 50))
}

let result = manifest.synthesize()
// snippet.hide

for diagnostic in result.diagnostics.sorted { print(diagnostic) }
guard !result.diagnostics.hasErrors else { exit(1) }

for artifact in result.artifacts {
    print("--- \(artifact.path)")
    print(artifact.text)
}
