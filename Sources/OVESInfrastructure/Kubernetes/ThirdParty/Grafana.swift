// Grafana in dev: dashboards over Prometheus, Loki, InfluxDB and Elasticsearch (data sources
// provisioned from a ConfigMap), SQLite state on a volume, admin password and InfluxDB token
// from Secrets, published at grafana.dev.omnivoltaic.com.

import InfraKubernetes

/// Grafana: data source config, StatefulSet, Service, Ingress.
struct Grafana {
    /// The namespace.
    var namespace: String
    /// The namespace of Loki and Elasticsearch.
    var loggingNamespace: String
    /// The environment (for the host name).
    var environment: OVESEnvironment

    /// `datasources.yaml` (Grafana provisioning).
    var datasources: String {
        """
        apiVersion: 1
        datasources:
          - name: Prometheus
            type: prometheus
            access: proxy
            url: http://prometheus.\(namespace).svc.cluster.local:9090
            isDefault: true
          - name: Loki
            type: loki
            access: proxy
            url: http://loki.\(loggingNamespace).svc.cluster.local:3100
          - name: InfluxDB
            type: influxdb
            access: proxy
            url: http://influxdb.\(namespace).svc.cluster.local:8086
            jsonData:
              version: Flux
              organization: oves
              defaultBucket: telemetry
            secureJsonData:
              token: $INFLUXDB_TOKEN
          - name: Elasticsearch
            type: elasticsearch
            access: proxy
            url: http://elasticsearch.\(loggingNamespace).svc.cluster.local:9200
            basicAuth: true
            basicAuthUser: elastic
            jsonData:
              index: "logs-*"
              timeField: "@timestamp"
            secureJsonData:
              basicAuthPassword: $ELASTIC_PASSWORD

        """
    }

    /// Everything Grafana needs.
    var content: ObjectGroup {
        ObjectGroup {
            StatefulWorkload(
                name: "grafana", namespace: namespace, image: "grafana/grafana:11.1.3",
                ports: [.init(name: "http", port: 3000)], storage: "10Gi", mountPath: "/var/lib/grafana",
                resources: .small, security: .restricted,
                health: .http(path: "/api/health", port: "http"),
                env: [
                    .plain("GF_SERVER_ROOT_URL", "https://\(environment.hostName("grafana"))"),
                    .plain("GF_AUTH_ANONYMOUS_ENABLED", "false"),
                    .plain("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana/password"),
                    .fromSecret("INFLUXDB_TOKEN", secret: "influxdb-credentials", key: "admin-token"),
                    .fromSecret("ELASTIC_PASSWORD", secret: "elasticsearch-credentials", key: "password"),
                ],
                config: ConfigFiles(
                    name: "grafana-datasources", mountPath: "/etc/grafana/provisioning/datasources",
                    files: ["datasources.yaml": datasources]),
                volumes: [
                    Volume(name: "admin", secret: SecretVolumeSource(defaultMode: 0o440, secretName: "grafana-admin"))
                ],
                volumeMounts: [VolumeMount(name: "admin", mountPath: "/run/secrets/grafana", readOnly: true)])
            IngressRoute(
                name: "grafana", namespace: namespace, host: environment.hostName("grafana"),
                tlsSecretName: "grafana-tls", paths: [.init("/", service: "grafana", port: 3000)],
                // Grafana Live pushes dashboard updates over a WebSocket.
                nginx: NGINXIngressOptions(
                    rateLimit: .init(rate: 50), sslRedirect: true, webSocketServices: ["grafana"]))
        }
    }
}
