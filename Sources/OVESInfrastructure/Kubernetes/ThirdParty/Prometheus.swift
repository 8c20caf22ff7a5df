// Prometheus in dev: scrapes itself, annotated pods in every namespace and Loki/Alertmanager,
// sends alerts to Alertmanager. Kubernetes service discovery needs the read-only ClusterRole
// bound to its ServiceAccount (the only dev tool whose pods get an API token).

import InfraKubernetes

/// Prometheus: ServiceAccount + ClusterRole/Binding, config, StatefulSet, Service.
struct Prometheus {
    /// The namespace.
    var namespace: String

    /// `prometheus.yml`.
    var configuration: String {
        """
        global:
          scrape_interval: 30s
          evaluation_interval: 30s
        alerting:
          alertmanagers:
            - static_configs:
                - targets: ["alertmanager.\(namespace).svc.cluster.local:9093"]
        rule_files:
          - /etc/prometheus/rules.yml
        scrape_configs:
          - job_name: prometheus
            static_configs:
              - targets: ["localhost:9090"]
          - job_name: kubernetes-pods
            kubernetes_sd_configs:
              - role: pod
            relabel_configs:
              - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
                action: keep
                regex: "true"
              - source_labels: [__meta_kubernetes_namespace]
                target_label: namespace
              - source_labels: [__meta_kubernetes_pod_name]
                target_label: pod

        """
    }

    /// `rules.yml`: a target that stops answering pages the team.
    static let rules = """
        groups:
          - name: availability
            rules:
              - alert: TargetDown
                expr: up == 0
                for: 5m
                labels:
                  severity: critical
                annotations:
                  summary: "{{ $labels.job }} target {{ $labels.instance }} is down"

        """

    /// Read access for service discovery.
    var clusterRole: ClusterRole {
        ClusterRole(
            metadata: ObjectMeta(name: "prometheus"),
            rules: [
                PolicyRule(
                    apiGroups: [""], resources: ["nodes", "nodes/metrics", "services", "endpoints", "pods"],
                    verbs: ["get", "list", "watch"]),
                PolicyRule(nonResourceURLs: ["/metrics"], verbs: ["get"]),
            ])
    }

    /// Everything Prometheus needs.
    var content: ObjectGroup {
        ObjectGroup {
            ServiceAccount(metadata: ObjectMeta(name: "prometheus", namespace: namespace))
            clusterRole
            ClusterRoleBinding(
                metadata: ObjectMeta(name: "prometheus"),
                roleRef: RoleRef(kind: "ClusterRole", name: "prometheus", apiGroup: "rbac.authorization.k8s.io"),
                subjects: [Subject(kind: "ServiceAccount", name: "prometheus", namespace: namespace)])
            StatefulWorkload(
                name: "prometheus", namespace: namespace, image: "prom/prometheus:v2.53.1",
                ports: [.init(name: "http", port: 9090)], storage: "50Gi", mountPath: "/prometheus",
                resources: .large,
                security: WorkloadSecurity(user: 65534, group: 65534, fsGroup: 65534, mountServiceAccountToken: true),
                health: .http(path: "/-/ready", port: "http"),
                args: [
                    "--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus",
                    "--storage.tsdb.retention.time=15d",
                ],
                config: ConfigFiles(
                    name: "prometheus-config", mountPath: "/etc/prometheus",
                    files: ["prometheus.yml": configuration, "rules.yml": Self.rules]),
                serviceAccountName: "prometheus")
        }
    }
}
