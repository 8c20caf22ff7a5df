// The production cluster (`oves-prod`): restricted Pod Security everywhere, default-deny
// networking with explicit paths (ingress → microservices → databases, VPC → HAProxy →
// databases, internet → MQTT), the in-house microservices, databases, MQTT and HAProxy.

import InfraKubernetes

/// The prod manifest, written to `kubernetes/prod/`.
struct ProdCluster {
    /// The AWS account of the IRSA roles and ECR images.
    var accountID: String

    /// The environment.
    let environment = OVESEnvironment.prod
    /// The microservices' namespace (also the MQTT broker's).
    static let applications = "prod"
    /// The databases' namespace.
    static let databases = "databases"
    /// The TCP router's namespace.
    static let edge = "edge"
    /// Prometheus' namespace (the same name as dev's).
    static let monitoring = ThirdPartyNamespace.monitoring

    /// The namespaces: restricted pod security (enforce, audit, warn) and default-deny policies.
    var namespaces: [TeamNamespace] {
        [
            TeamNamespace(
                name: Self.applications, podSecurity: .restricted,
                ingressControllerNamespace: NGINXIngressController.namespace, allowEgressToNamespaces: [Self.databases],
                publicPorts: [1883], allowInternetEgress: true,
                quota: .init(requestsCPU: "16", requestsMemory: "32Gi", limitsCPU: "32", limitsMemory: "64Gi"),
                labels: ["oves.omnivoltaic.com/environment": "prod"]),
            TeamNamespace(
                name: Self.databases, podSecurity: .restricted, ingressControllerNamespace: nil,
                allowIngressFromNamespaces: [Self.applications, Self.edge],
                quota: .init(
                    requestsCPU: "8", requestsMemory: "32Gi", limitsCPU: "16", limitsMemory: "64Gi",
                    requestsStorage: "2Ti", loadBalancers: 0),
                containerDefaults: .medium, labels: ["oves.omnivoltaic.com/environment": "prod"]),
            TeamNamespace(
                name: Self.edge, podSecurity: .restricted, ingressControllerNamespace: nil,
                allowEgressToNamespaces: [Self.databases],
                publicPorts: TCPForwarding(
                    namespace: Self.edge, databaseNamespace: Self.databases
                ).routes.map(\.listenPort), publicSourceCIDRs: [environment.vpcCIDR],
                quota: .init(requestsCPU: "2", requestsMemory: "4Gi", limitsCPU: "4", limitsMemory: "8Gi", pods: 20),
                labels: ["oves.omnivoltaic.com/environment": "prod"]),
            // Nothing connects in: operators reach Prometheus by `kubectl port-forward`. Its scrapes
            // leave by `allow-prometheus-scrape`, not by a namespace-wide allowance.
            TeamNamespace(
                name: Self.monitoring, podSecurity: .restricted, ingressControllerNamespace: nil,
                quota: .init(
                    requestsCPU: "1", requestsMemory: "4Gi", limitsCPU: "4", limitsMemory: "8Gi",
                    requestsStorage: "200Gi", pods: 10, persistentVolumeClaims: 2, loadBalancers: 0),
                labels: ["oves.omnivoltaic.com/environment": "prod"]),
        ]
    }

    /// The manifest.
    var manifest: Manifest {
        let baseline = ClusterBaseline(environment: environment, accountID: accountID)
        return Manifest(
            "prod", directory: "kubernetes/prod", namespace: Self.applications,
            cluster: ManifestCluster(root: "prod", region: OVESSettings.primaryRegion)
        ) {
            namespaces
            baseline.content
            // external-dns points the seed's names at this NLB: Cloudflare (CloudflareDNS) the apex, api
            // and *, Route53 (EKS add-on) the China names.
            NGINXIngressController(
                backendNamespaces: [Self.applications],
                dnsHostnames: CloudflareDNS(environment: environment).hostnames
                    + ["api", "www"].map { "\($0).\(OVESSettings.chinaZone)" }
            ).content
            CloudflareDNS(environment: environment).content
            TLSCertificates(environment: environment, accountID: accountID).content
            VerticalPodAutoscalerPlatform().content
            WorkloadSecretSync(environment: environment, accountID: accountID).content
            AccessControl.production
            for service in InHouseMicroservice.all {
                service.microservice(environment: environment, namespace: Self.applications, accountID: accountID)
                service.verticalAutoscaling(namespace: Self.applications)
            }
            MQTTBroker(namespace: Self.applications).content
            ProductionDatabases(namespace: Self.databases).content(accountID: accountID)
            TCPForwarding(namespace: Self.edge, databaseNamespace: Self.databases).router
            // The same Prometheus as dev's, keeping twice the history; no Alertmanager in this cluster,
            // so its alerts are shown, not sent: the CloudWatch alarms stay the paging path.
            PrometheusServer(
                namespace: Self.monitoring, vpcCIDR: environment.vpcCIDR, retentionDays: 30, volumeGiB: 100,
                alertmanager: nil,
                annotatedPods: LoadBalancerController(environment: environment, accountID: accountID).scrapedPods
            ).content
        }
    }
}
