// The OVES in-house microservices (account, auth, client, thing) as `Microservice`s: the
// same definition in both clusters, with production sizes and autoscaling in prod and a
// lighter footprint in dev. Each is routed under `/<service>` on the environment's API host.

import InfraKubernetes

/// One in-house service and how it is deployed in an environment.
struct InHouseMicroservice: Sendable {
    /// The short name (`account`); the workload is `<short>-microservice`.
    var shortName: String
    /// The released image tag in prod.
    var productionVersion: String
    /// The image tag deployed in dev.
    var developmentVersion: String

    /// The workload name, e.g. `account-microservice`.
    var name: String { "\(shortName)-microservice" }

    /// The port every OVES microservice listens on.
    static let port = 3000

    /// The services the seed names.
    static let all: [InHouseMicroservice] = [
        InHouseMicroservice(shortName: "account", productionVersion: "1.8.2", developmentVersion: "1.9.0-rc.1"),
        InHouseMicroservice(shortName: "auth", productionVersion: "2.3.0", developmentVersion: "2.4.0-rc.2"),
        InHouseMicroservice(shortName: "client", productionVersion: "1.12.1", developmentVersion: "1.13.0-rc.1"),
        InHouseMicroservice(shortName: "thing", productionVersion: "3.0.4", developmentVersion: "3.1.0-rc.3"),
    ]

    /// The image in the account's ECR registry in the environment's region.
    func image(environment: OVESEnvironment, accountID: String) -> String {
        let version = environment == .prod ? productionVersion : developmentVersion
        return "\(accountID).dkr.ecr.\(environment.region).amazonaws.com/oves/\(name):\(version)"
    }

    /// The seed's limit of 100 requests per second per client, across the controller's replicas
    /// (`limit-req-scale`), and HTTPS only.
    static let nginx = NGINXIngressOptions(
        rateLimit: .init(rate: 100, scaleWithReplicas: true), sslRedirect: true,
        hsts: .init(maxAgeSeconds: 31_536_000, includeSubdomains: false))

    /// The route under `/<short name>` on the API host. The `account` route requests the shared
    /// `api-tls` certificate from cert-manager; the others reuse that Secret (one Certificate owner).
    func route(environment: OVESEnvironment) -> IngressRoute {
        IngressRoute(
            name: name, host: environment.apiHost, tlsSecretName: "api-tls",
            clusterIssuer: shortName == "account" ? "letsencrypt-prod" : nil,
            paths: [IngressRoute.Path("/\(shortName)", pathType: .prefix, service: name, port: Self.port)],
            nginx: Self.nginx)
    }

    /// The microservice in `namespace` of `environment`.
    func microservice(environment: OVESEnvironment, namespace: String, accountID: String) -> Microservice {
        let production = environment == .prod
        return Microservice(
            name: name, namespace: namespace, image: image(environment: environment, accountID: accountID),
            port: Self.port,
            autoscaling: production
                ? .init(minReplicas: 2, maxReplicas: 10, cpuUtilization: 70, memoryUtilization: 80)
                : .init(minReplicas: 1, maxReplicas: 3, cpuUtilization: 80, memoryUtilization: 80),
            minAvailable: production ? 1 : nil,
            resources: production ? .medium : .small,
            health: .http(path: "/health", port: "http"),
            env: [
                .plain("NODE_ENV", production ? "production" : "development"),
                .plain("PORT", String(Self.port)),
            ],
            envFrom: [EnvFromSource(secretRef: SecretEnvSource(name: "\(name)-secrets"))],
            labels: ["app.kubernetes.io/part-of": "oves", "oves.omnivoltaic.com/tier": "api"],
            ingress: route(environment: environment))
    }

    /// Recommendations-only VPA (the HPA scales on CPU/memory, so the VPA must not act).
    func verticalAutoscaling(namespace: String) -> VerticalAutoscaling {
        VerticalAutoscaling(name: name, namespace: namespace, kind: "Deployment", mode: .off)
    }
}
