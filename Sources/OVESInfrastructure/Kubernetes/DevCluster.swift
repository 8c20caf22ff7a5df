// The development cluster (`oves-dev`): dev versions of the microservices and every
// third-party service of the seed, each group in its own namespace (namespace isolation:
// default-deny plus the paths each tool needs), baseline Pod Security enforced with
// restricted audited and warned ("relaxed policies for development").

import InfraKubernetes

/// The dev manifest, written to `kubernetes/dev/`.
struct DevCluster {
    /// The AWS account of the IRSA roles and ECR images.
    var accountID: String

    /// The environment.
    let environment = OVESEnvironment.dev
    /// The microservices' namespace.
    static let applications = "dev"

    private func team(
        _ name: String, ingressController: Bool = true, from: [String] = [], to: [String] = [], internet: Bool = false,
        quota: TeamNamespace.Quota = .init()
    ) -> TeamNamespace {
        TeamNamespace(
            name: name, podSecurity: .baseline, audit: .restricted, warn: .restricted,
            ingressControllerNamespace: ingressController ? NGINXIngressController.namespace : nil,
            allowIngressFromNamespaces: from,
            allowEgressToNamespaces: to, allowInternetEgress: internet, quota: quota,
            labels: ["oves.omnivoltaic.com/environment": "dev"])
    }

    /// The namespaces and the traffic allowed between them.
    var namespaces: [TeamNamespace] {
        let monitoring = ThirdPartyNamespace.monitoring
        let logging = ThirdPartyNamespace.logging
        let uptime = ThirdPartyNamespace.uptime
        let checkly = ThirdPartyNamespace.checkly
        return [
            team(Self.applications, from: [monitoring, uptime, checkly], internet: true),
            team(
                monitoring, from: [], to: [Self.applications, logging, uptime, checkly], internet: true,
                quota: .init(requestsStorage: "500Gi")),
            team(
                logging, from: [monitoring],
                quota: .init(requestsCPU: "8", requestsMemory: "24Gi", limitsMemory: "32Gi")),
            team(
                uptime, to: [Self.applications], internet: true,
                quota: .init(requestsCPU: "2", requestsMemory: "4Gi", limitsCPU: "4", limitsMemory: "8Gi", pods: 20)),
            team(
                checkly, ingressController: false, from: [monitoring], to: [Self.applications], internet: true,
                quota: .init(requestsCPU: "2", requestsMemory: "4Gi", limitsCPU: "4", limitsMemory: "8Gi", pods: 20)),
        ]
    }

    /// The manifest.
    var manifest: Manifest {
        let baseline = ClusterBaseline(environment: environment, accountID: accountID)
        let monitoring = ThirdPartyNamespace.monitoring
        let logging = ThirdPartyNamespace.logging
        return Manifest(
            "dev", directory: "kubernetes/dev", namespace: Self.applications,
            cluster: ManifestCluster(root: "dev", region: OVESSettings.primaryRegion)
        ) {
            namespaces
            baseline.content
            NGINXIngressController(
                backendNamespaces: [
                    Self.applications, ThirdPartyNamespace.monitoring, ThirdPartyNamespace.logging,
                    ThirdPartyNamespace.uptime,
                ],
                dnsHostnames: CloudflareDNS(environment: environment).hostnames
            ).content
            CloudflareDNS(environment: environment).content
            TLSCertificates(environment: environment, accountID: accountID).content
            VerticalPodAutoscalerPlatform().content
            WorkloadSecretSync(environment: environment, accountID: accountID).content
            AccessControl.development(editableNamespaces: [Self.applications])
            for service in InHouseMicroservice.all {
                service.microservice(environment: environment, namespace: Self.applications, accountID: accountID)
                service.verticalAutoscaling(namespace: Self.applications)
            }
            PrometheusServer(
                namespace: monitoring, vpcCIDR: environment.vpcCIDR, retentionDays: 15, volumeGiB: 50,
                alertmanager: AlertManager(namespace: monitoring).address,
                annotatedPods: LoadBalancerController(environment: environment, accountID: accountID).scrapedPods
            ).content
            AlertManager(namespace: monitoring).content
            Grafana(namespace: monitoring, loggingNamespace: logging, environment: environment).content
            InfluxDB(namespace: monitoring).content
            Elasticsearch(namespace: logging).content
            Kibana(namespace: logging, environment: environment).content
            Loki(namespace: logging).content
            UptimeKuma(namespace: ThirdPartyNamespace.uptime, environment: environment).content
            Checkly(namespace: ThirdPartyNamespace.checkly).agent
        }
    }
}
