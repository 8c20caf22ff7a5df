// The Prometheus of an OVES cluster, one definition for both: it scrapes itself, annotated pods,
// the kubelets and their cAdvisor (through the API server's node proxy), and the kube-state-metrics
// and prometheus-node-exporter EKS add-ons, and evaluates `PrometheusRules`. The clusters differ
// only in the settings they pass: retention and volume, and whether an Alertmanager receives the
// alerts (dev's; prod has none, its paging path is the CloudWatch alarms). No Ingress in either:
// operators read it with `kubectl port-forward`, which NetworkPolicies do not see.

import InfraKubernetes

/// Prometheus: ServiceAccount + ClusterRole/Binding, config, StatefulSet, Service, scrape egress.
struct PrometheusServer {
    /// The namespace.
    var namespace: String
    /// The cluster's VPC range: node IPs (host-network node-exporter) and the private API endpoint.
    var vpcCIDR: String
    /// How long samples are kept (`--storage.tsdb.retention.time`, e.g. `15d`).
    var retentionDays: Int
    /// The size of the data volume in GiB; retention by size stops at 80 % of it, so the volume never fills.
    var volumeGiB: Int
    /// The Alertmanager the alerts go to (`host:port`), or `nil`: rules are evaluated and shown
    /// (`/alerts`, the `ALERTS` series) but nothing is notified.
    var alertmanager: String?
    /// Pods outside the add-ons that ask to be scraped (`prometheus.io/scrape: "true"`), each let
    /// out of the namespace's default-deny on its annotated port.
    var annotatedPods: [AnnotatedPods] = []

    /// The pods of one workload annotated for the `kubernetes-pods` job.
    struct AnnotatedPods: Hashable {
        /// Their namespace.
        var namespace: String
        /// Their labels (the workload's selector).
        var labels: [String: String]
        /// The `prometheus.io/port` they serve metrics on.
        var port: Int

        /// The pods of `deployment`, or `nil` when its template does not ask to be scraped on a port.
        init?(_ deployment: Deployment) {
            let annotations = deployment.spec?.template.metadata?.annotations ?? [:]
            guard annotations["prometheus.io/scrape"] == "true",
                let port = annotations["prometheus.io/port"].flatMap({ Int($0) }),
                let namespace = deployment.metadata.namespace,
                let labels = deployment.spec?.selector.matchLabels, !labels.isEmpty
            else { return nil }
            self.namespace = namespace
            self.labels = labels
            self.port = port
        }
    }

    /// The namespace and Service of the `kube-state-metrics` EKS add-on (chart default name, port `http` 8080).
    static let kubeStateMetrics = (namespace: "kube-state-metrics", service: "kube-state-metrics", port: 8080)
    /// The namespace and Service of the `prometheus-node-exporter` EKS add-on (host network, port 9100).
    static let nodeExporter = (
        namespace: "prometheus-node-exporter", service: "prometheus-node-exporter", port: 9100
    )
    /// Where the ServiceAccount's token and the cluster CA are mounted.
    static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"
    /// The port Prometheus serves on (`kubectl port-forward -n <namespace> svc/prometheus 9090`).
    static let port = 9090

    /// The `alerting` block, or nothing without an Alertmanager.
    private var alerting: String {
        guard let alertmanager else { return "" }
        return """
            alerting:
              alertmanagers:
                - static_configs:
                    - targets: ["\(alertmanager)"]

            """
    }

    /// A scrape job of every node's kubelet through the API server's node proxy
    /// (`/api/v1/nodes/<node>/proxy/<path>`), with the ServiceAccount's token and CA.
    private static func nodeProxyJob(_ name: String, path: String) -> String {
        """
          - job_name: \(name)
            scheme: https
            tls_config:
              ca_file: \(serviceAccountDirectory)/ca.crt
            authorization:
              credentials_file: \(serviceAccountDirectory)/token
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
                replacement: /api/v1/nodes/$1/proxy/\(path)

        """
    }

    /// A scrape job of an EKS add-on's Service endpoints on its metrics port, in its namespace.
    private static func addOnEndpointsJob(
        _ name: String, _ target: (namespace: String, service: String, port: Int)
    ) -> String {
        """
          - job_name: \(name)
            kubernetes_sd_configs:
              - role: endpoints
                namespaces:
                  names: [\(target.namespace)]
            relabel_configs:
              - source_labels: [__meta_kubernetes_service_name]
                action: keep
                regex: \(target.service)
              - source_labels: [__address__]
                action: keep
                regex: .+:\(target.port)

        """
    }

    /// `prometheus.yml`.
    var configuration: String {
        """
        global:
          scrape_interval: 30s
          evaluation_interval: 30s
        \(alerting)rule_files:
          - /etc/prometheus/rules.yml
        scrape_configs:
          - job_name: prometheus
            static_configs:
              - targets: ["localhost:\(Self.port)"]
          - job_name: kubernetes-pods
            kubernetes_sd_configs:
              - role: pod
            relabel_configs:
              - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
                action: keep
                regex: "true"
              - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_path]
                action: replace
                regex: (.+)
                target_label: __metrics_path__
              - source_labels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
                action: replace
                regex: ([^:]+)(?::\\d+)?;(\\d+)
                replacement: $1:$2
                target_label: __address__
              - source_labels: [__meta_kubernetes_namespace]
                target_label: namespace
              - source_labels: [__meta_kubernetes_pod_name]
                target_label: pod
        \(Self.nodeProxyJob("kubernetes-nodes", path: "metrics"))\
        \(Self.nodeProxyJob("kubernetes-cadvisor", path: "metrics/cadvisor"))\
        \(Self.addOnEndpointsJob("kube-state-metrics", Self.kubeStateMetrics))\
        \(Self.addOnEndpointsJob("node-exporter", Self.nodeExporter))\
              - source_labels: [__meta_kubernetes_endpoint_node_name]
                target_label: node

        """
    }

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
    /// node and cAdvisor proxy and discovery), kube-state-metrics (8080), node-exporter (9100, on
    /// the node IPs because its pods use the host network) and each annotated workload's port.
    var scrapeEgress: NetworkPolicy {
        let vpc = NetworkPolicyPeer(ipBlock: IPBlock(cidr: vpcCIDR))
        func pods(of name: String, labeled labels: [String: String]? = nil) -> NetworkPolicyPeer {
            NetworkPolicyPeer(
                namespaceSelector: .matching([TeamNamespace.namespaceNameLabel: name]),
                podSelector: labels.map { LabelSelector.matching($0) })
        }
        func tcp(_ port: Int) -> [NetworkPolicyPort] { [NetworkPolicyPort(port: .int(port), protocol: "TCP")] }
        return NetworkPolicy(
            metadata: ObjectMeta(name: "allow-prometheus-scrape", namespace: namespace),
            spec: NetworkPolicySpec(
                egress: [
                    NetworkPolicyEgressRule(ports: tcp(443), to: [vpc]),
                    NetworkPolicyEgressRule(
                        ports: tcp(Self.kubeStateMetrics.port), to: [pods(of: Self.kubeStateMetrics.namespace)]),
                    NetworkPolicyEgressRule(
                        ports: tcp(Self.nodeExporter.port), to: [pods(of: Self.nodeExporter.namespace), vpc]),
                ]
                    + annotatedPods.map {
                        NetworkPolicyEgressRule(ports: tcp($0.port), to: [pods(of: $0.namespace, labeled: $0.labels)])
                    },
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
                ports: [.init(name: "http", port: Self.port)], storage: Quantity("\(volumeGiB)Gi"),
                storageClassName: OVESNames.storageClassName, mountPath: "/prometheus",
                resources: .large,
                security: WorkloadSecurity(user: 65534, group: 65534, fsGroup: 65534, mountServiceAccountToken: true),
                health: .http(path: "/-/ready", port: "http"),
                args: [
                    "--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus",
                    "--storage.tsdb.retention.time=\(retentionDays)d",
                    // Prometheus' GB are GiB: 80 % of the volume leaves room for the WAL and compaction.
                    "--storage.tsdb.retention.size=\(volumeGiB * 8 / 10)GB",
                ],
                config: ConfigFiles(
                    name: "prometheus-config", mountPath: "/etc/prometheus",
                    files: ["prometheus.yml": configuration, "rules.yml": PrometheusRules.file]),
                serviceAccountName: "prometheus")
        }
    }
}
