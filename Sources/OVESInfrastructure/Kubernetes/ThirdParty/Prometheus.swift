// Prometheus in dev: scrapes itself, annotated pods in every namespace, the kubelets and their
// cAdvisor (through the API server's node proxy), and the kube-state-metrics and
// prometheus-node-exporter EKS add-ons; sends alerts to Alertmanager. Kubernetes service
// discovery needs the read-only ClusterRole bound to its ServiceAccount (the only dev tool whose
// pods get an API token); the scrape paths leave the default-deny namespace by one NetworkPolicy.

import InfraKubernetes

/// Prometheus: ServiceAccount + ClusterRole/Binding, config, StatefulSet, Service.
struct Prometheus {
    /// The namespace.
    var namespace: String
    /// The cluster's VPC range: node IPs (host-network node-exporter) and the private API endpoint.
    var vpcCIDR: String

    /// The namespace and Service of the `kube-state-metrics` EKS add-on (chart default name, port `http` 8080).
    static let kubeStateMetrics = (namespace: "kube-state-metrics", service: "kube-state-metrics", port: 8080)
    /// The namespace and Service of the `prometheus-node-exporter` EKS add-on (host network, port 9100).
    static let nodeExporter = (
        namespace: "prometheus-node-exporter", service: "prometheus-node-exporter", port: 9100
    )
    /// Where the ServiceAccount's token and the cluster CA are mounted.
    static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

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
          - job_name: kubernetes-nodes
            scheme: https
            tls_config:
              ca_file: \(Self.serviceAccountDirectory)/ca.crt
            authorization:
              credentials_file: \(Self.serviceAccountDirectory)/token
            kubernetes_sd_configs:
              - role: node
            relabel_configs:
              - action: labelmap
                regex: __meta_kubernetes_node_label_(.+)
              - target_label: __address__
                replacement: kubernetes.default.svc:443
              - source_labels: [__meta_kubernetes_node_name]
                regex: (.+)
                target_label: __metrics_path__
                replacement: /api/v1/nodes/$1/proxy/metrics
          - job_name: kubernetes-cadvisor
            scheme: https
            tls_config:
              ca_file: \(Self.serviceAccountDirectory)/ca.crt
            authorization:
              credentials_file: \(Self.serviceAccountDirectory)/token
            kubernetes_sd_configs:
              - role: node
            relabel_configs:
              - action: labelmap
                regex: __meta_kubernetes_node_label_(.+)
              - target_label: __address__
                replacement: kubernetes.default.svc:443
              - source_labels: [__meta_kubernetes_node_name]
                regex: (.+)
                target_label: __metrics_path__
                replacement: /api/v1/nodes/$1/proxy/metrics/cadvisor
          - job_name: kube-state-metrics
            kubernetes_sd_configs:
              - role: endpoints
                namespaces:
                  names: [\(Self.kubeStateMetrics.namespace)]
            relabel_configs:
              - source_labels: [__meta_kubernetes_service_name]
                action: keep
                regex: \(Self.kubeStateMetrics.service)
              - source_labels: [__address__]
                action: keep
                regex: .+:\(Self.kubeStateMetrics.port)
          - job_name: node-exporter
            kubernetes_sd_configs:
              - role: endpoints
                namespaces:
                  names: [\(Self.nodeExporter.namespace)]
            relabel_configs:
              - source_labels: [__meta_kubernetes_service_name]
                action: keep
                regex: \(Self.nodeExporter.service)
              - source_labels: [__address__]
                action: keep
                regex: .+:\(Self.nodeExporter.port)
              - source_labels: [__meta_kubernetes_endpoint_node_name]
                target_label: node

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

    /// Read access for service discovery; `nodes/proxy` for the kubelet and cAdvisor metrics through the API server.
    var clusterRole: ClusterRole {
        ClusterRole(
            metadata: ObjectMeta(name: "prometheus"),
            rules: [
                PolicyRule(
                    apiGroups: [""],
                    resources: ["nodes", "nodes/proxy", "nodes/metrics", "services", "endpoints", "pods"],
                    verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["get", "list", "watch"]),
                PolicyRule(nonResourceURLs: ["/metrics"], verbs: ["get"]),
            ])
    }

    /// Egress of the Prometheus pods out of the namespace's default-deny: the API server (443, the
    /// node and cAdvisor proxy and discovery), kube-state-metrics (8080) and node-exporter (9100,
    /// on the node IPs because its pods use the host network).
    var scrapeEgress: NetworkPolicy {
        let vpc = NetworkPolicyPeer(ipBlock: IPBlock(cidr: vpcCIDR))
        func pods(of name: String) -> NetworkPolicyPeer {
            NetworkPolicyPeer(namespaceSelector: .matching([TeamNamespace.namespaceNameLabel: name]))
        }
        return NetworkPolicy(
            metadata: ObjectMeta(name: "allow-prometheus-scrape", namespace: namespace),
            spec: NetworkPolicySpec(
                egress: [
                    NetworkPolicyEgressRule(ports: [NetworkPolicyPort(port: 443, protocol: "TCP")], to: [vpc]),
                    NetworkPolicyEgressRule(
                        ports: [NetworkPolicyPort(port: .int(Self.kubeStateMetrics.port), protocol: "TCP")],
                        to: [pods(of: Self.kubeStateMetrics.namespace)]),
                    NetworkPolicyEgressRule(
                        ports: [NetworkPolicyPort(port: .int(Self.nodeExporter.port), protocol: "TCP")],
                        to: [pods(of: Self.nodeExporter.namespace), vpc]),
                ],
                podSelector: .matching(["app": "prometheus"]), policyTypes: ["Egress"]))
    }

    /// Everything Prometheus needs.
    var content: ObjectGroup {
        ObjectGroup {
            ServiceAccount(metadata: ObjectMeta(name: "prometheus", namespace: namespace))
            clusterRole
            scrapeEgress
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
