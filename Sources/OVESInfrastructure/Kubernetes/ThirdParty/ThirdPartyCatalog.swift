// The third-party services of the dev cluster, each with the namespace it runs in. The dev
// manifest deploys exactly this list; tests and documentation read it too.

/// A third-party service of the dev cluster.
struct ThirdPartyService: Sendable, Hashable {
    /// The seed's name of the service (`Grafana`).
    var displayName: String
    /// The workload name (`grafana`).
    var name: String
    /// The namespace it runs in.
    var namespace: String
    /// The workload kind (`StatefulSet` when it keeps data, else `Deployment`).
    var kind: String
}

/// The namespaces that group the third-party services in dev.
enum ThirdPartyNamespace {
    /// Metrics, dashboards and alerting.
    static let monitoring = "monitoring"
    /// Logs and search.
    static let logging = "logging"
    /// External uptime monitoring.
    static let uptime = "uptime"
    /// The Checkly private location agent.
    static let checkly = "checkly"

    /// All of them.
    static let all = [monitoring, logging, uptime, checkly]
}

extension ThirdPartyService {
    /// Every third-party service the seed lists for the dev cluster.
    static let catalog: [ThirdPartyService] = [
        ThirdPartyService(
            displayName: "Grafana", name: "grafana", namespace: ThirdPartyNamespace.monitoring, kind: "StatefulSet"),
        ThirdPartyService(
            displayName: "Prometheus", name: "prometheus", namespace: ThirdPartyNamespace.monitoring,
            kind: "StatefulSet"),
        ThirdPartyService(
            displayName: "Elasticsearch", name: "elasticsearch", namespace: ThirdPartyNamespace.logging,
            kind: "StatefulSet"),
        ThirdPartyService(
            displayName: "InfluxDB", name: "influxdb", namespace: ThirdPartyNamespace.monitoring, kind: "StatefulSet"),
        ThirdPartyService(
            displayName: "Kibana", name: "kibana", namespace: ThirdPartyNamespace.logging, kind: "Deployment"),
        ThirdPartyService(
            displayName: "Loki", name: "loki", namespace: ThirdPartyNamespace.logging, kind: "StatefulSet"),
        ThirdPartyService(
            displayName: "AlertManager", name: "alertmanager", namespace: ThirdPartyNamespace.monitoring,
            kind: "StatefulSet"),
        ThirdPartyService(
            displayName: "Uptime Kuma", name: "uptime-kuma", namespace: ThirdPartyNamespace.uptime, kind: "StatefulSet"),
        ThirdPartyService(
            displayName: "Checkly", name: "checkly-agent", namespace: ThirdPartyNamespace.checkly, kind: "Deployment"),
    ]
}
