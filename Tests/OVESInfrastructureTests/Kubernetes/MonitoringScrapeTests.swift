// Both clusters' Prometheus scrape the kubelets, cAdvisor, kube-state-metrics and node-exporter,
// checked on the synthesized `kubernetes/dev` and `kubernetes/prod` YAML read back with Yams:
// `prometheus.yml` has the four jobs with their discovery roles, namespaces and paths, the
// ClusterRole bound to Prometheus grants exactly what they need, the NetworkPolicies let each
// scrape out of `monitoring` (without an internet allowance) and into the add-on namespaces, and
// alerts go to an Alertmanager of the same cluster or nowhere. Every test runs for both clusters,
// so prod losing its Prometheus fails them.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing
import Yams

@Suite("OVES monitoring: Prometheus in both clusters scrapes nodes, cAdvisor, kube-state-metrics and node-exporter")
struct MonitoringScrapeTests {
    typealias Document = [String: Any]

    /// One OVES cluster, by its manifest's name.
    enum Cluster: String, CaseIterable, CustomTestStringConvertible {
        case dev, prod

        var testDescription: String { rawValue }

        /// The cluster's manifest.
        var manifest: Manifest {
            switch self {
            case .dev: OVESKubernetes.development()
            case .prod: OVESKubernetes.production()
            }
        }

        /// A node IP of the cluster's VPC (host-network node-exporter, the private API endpoint's ENIs).
        var nodeAddress: String {
            switch self {
            case .dev: "10.20.1.17"
            case .prod: "10.10.1.17"
            }
        }
    }

    /// Every document of the synthesized `kubernetes/<cluster>/*.yaml` files, parsed by Yams.
    static func documents(_ cluster: Cluster) throws -> [Document] {
        let result = cluster.manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let folder = "kubernetes/\(cluster.rawValue)/"
        let files = result.artifacts.filter { $0.path.hasPrefix(folder) && $0.path.hasSuffix(".yaml") }
        #expect(files.contains { $0.path == "\(folder)monitoring.yaml" })
        return try files.flatMap { try Yams.load_all(yaml: $0.text).compactMap { $0 as? Document } }
    }

    static func named(
        _ kind: String, _ name: String, namespace: String? = nil, in documents: [Document]
    ) -> Document? {
        documents.first {
            $0["kind"] as? String == kind && metadata($0, "name") == name
                && (namespace == nil || metadata($0, "namespace") == namespace)
        }
    }

    static func metadata(_ document: Document, _ key: String) -> String? {
        (document["metadata"] as? Document)?[key] as? String
    }

    /// `prometheus.yml` of the cluster's Prometheus, parsed.
    static func configuration(_ cluster: Cluster, in documents: [Document]? = nil) throws -> Document {
        let config = try #require(
            named("ConfigMap", "prometheus-config", namespace: "monitoring", in: documents ?? Self.documents(cluster)))
        let text = try #require((config["data"] as? Document)?["prometheus.yml"] as? String)
        return try #require(try Yams.load(yaml: text) as? Document)
    }

    /// The scrape configs of `prometheus.yml` by job name.
    static func jobs(_ cluster: Cluster) throws -> [String: Document] {
        let jobs = try #require(try configuration(cluster)["scrape_configs"] as? [Document])
        return Dictionary(jobs.map { ($0["job_name"] as? String ?? "", $0) }) { first, _ in first }
    }

    @Test("prometheus.yml keeps its jobs and adds the four cluster jobs", arguments: Cluster.allCases)
    func jobNames(cluster: Cluster) throws {
        #expect(
            Set(try Self.jobs(cluster).keys)
                == [
                    "prometheus", "kubernetes-pods", "kubernetes-nodes", "kubernetes-cadvisor", "kube-state-metrics",
                    "node-exporter",
                ])
    }

    @Test(
        "kubelet and cAdvisor metrics come through the API server's node proxy with the ServiceAccount token",
        arguments: Cluster.allCases,
        [
            ("kubernetes-nodes", "/api/v1/nodes/$1/proxy/metrics"),
            ("kubernetes-cadvisor", "/api/v1/nodes/$1/proxy/metrics/cadvisor"),
        ])
    func nodeProxyJobs(cluster: Cluster, job: (name: String, path: String)) throws {
        let config = try #require(try Self.jobs(cluster)[job.name])
        let discovery = try #require(config["kubernetes_sd_configs"] as? [Document])
        #expect(discovery.map { $0["role"] as? String } == ["node"])
        #expect(config["scheme"] as? String == "https")
        let directory = "/var/run/secrets/kubernetes.io/serviceaccount"
        #expect((config["tls_config"] as? Document)?["ca_file"] as? String == "\(directory)/ca.crt")
        #expect((config["authorization"] as? Document)?["credentials_file"] as? String == "\(directory)/token")
        let relabels = try #require(config["relabel_configs"] as? [Document])
        let address = relabels.first { $0["target_label"] as? String == "__address__" }
        #expect(address?["replacement"] as? String == "kubernetes.default.svc:443")
        let metricsPath = try #require(relabels.first { $0["target_label"] as? String == "__metrics_path__" })
        #expect(metricsPath["source_labels"] as? [String] == ["__meta_kubernetes_node_name"])
        #expect(metricsPath["replacement"] as? String == job.path)
    }

    @Test(
        "the add-ons' Services are discovered as endpoints in their own namespaces and kept by name and port",
        arguments: Cluster.allCases,
        [
            ("kube-state-metrics", "kube-state-metrics", "kube-state-metrics", 8080),
            ("node-exporter", "prometheus-node-exporter", "prometheus-node-exporter", 9100),
        ])
    func addonJobs(cluster: Cluster, job: (name: String, namespace: String, service: String, port: Int)) throws {
        let config = try #require(try Self.jobs(cluster)[job.name])
        let discovery = try #require(config["kubernetes_sd_configs"] as? [Document])
        #expect(discovery.map { $0["role"] as? String } == ["endpoints"])
        #expect(((discovery.first?["namespaces"] as? Document)?["names"] as? [String]) == [job.namespace])
        let keeps = (config["relabel_configs"] as? [Document] ?? []).filter { $0["action"] as? String == "keep" }
        let kept = Dictionary(keeps.map { (($0["source_labels"] as? [String]) ?? [], $0["regex"] as? String) }) {
            first, _ in first
        }
        #expect(kept[["__meta_kubernetes_service_name"]] == job.service)
        #expect(kept[["__address__"]] == ".+:\(job.port)")
    }

    /// What `relabel_configs` of `replace` actions (the default) make of `labels`, as Prometheus
    /// applies them: source labels joined by `;`, the anchored regex, `$n` in the replacement.
    static func relabel(_ labels: [String: String], by configs: [Document]) throws -> [String: String] {
        var labels = labels
        for config in configs where (config["action"] as? String ?? "replace") == "replace" {
            let sources = config["source_labels"] as? [String] ?? []
            let value = sources.map { labels[$0] ?? "" }.joined(separator: ";")
            let pattern = try Regex("^(?:\(config["regex"] as? String ?? "(.*)"))$")
            guard let target = config["target_label"] as? String, let match = try pattern.wholeMatch(in: value)
            else { continue }
            var replacement = config["replacement"] as? String ?? "$1"
            for index in stride(from: match.output.count - 1, through: 1, by: -1) {
                let group = match.output[index].substring.map(String.init) ?? ""
                replacement = replacement.replacingOccurrences(of: "$\(index)", with: group)
            }
            labels[target] = replacement
        }
        return labels
    }

    @Test(
        "annotated pods are scraped on their prometheus.io/port and path, not on every container port",
        arguments: Cluster.allCases)
    func annotatedPodTargets(cluster: Cluster) throws {
        let config = try #require(try Self.jobs(cluster)["kubernetes-pods"])
        let relabels = try #require(config["relabel_configs"] as? [Document])
        let webhookPort = try Self.relabel(
            [
                "__address__": "10.10.3.4:9443", "__metrics_path__": "/metrics",
                "__meta_kubernetes_pod_annotation_prometheus_io_scrape": "true",
                "__meta_kubernetes_pod_annotation_prometheus_io_port": "8080",
            ], by: relabels)
        #expect(webhookPort["__address__"] == "10.10.3.4:8080")
        #expect(webhookPort["__metrics_path__"] == "/metrics")
        let customPath = try Self.relabel(
            [
                "__address__": "10.10.3.5", "__metrics_path__": "/metrics",
                "__meta_kubernetes_pod_annotation_prometheus_io_port": "9000",
                "__meta_kubernetes_pod_annotation_prometheus_io_path": "/stats/prometheus",
            ], by: relabels)
        #expect(customPath["__address__"] == "10.10.3.5:9000")
        #expect(customPath["__metrics_path__"] == "/stats/prometheus")
    }

    @Test(
        "the StatefulSet mounts the token, runs restricted and keeps its data on an ebs-sc volume it cannot fill",
        arguments: Cluster.allCases)
    func statefulSet(cluster: Cluster) throws {
        let statefulSet = try #require(
            Self.named("StatefulSet", "prometheus", namespace: "monitoring", in: Self.documents(cluster)))
        let spec = try #require(statefulSet["spec"] as? Document)
        let pod = try #require((spec["template"] as? Document)?["spec"] as? Document)
        #expect(pod["serviceAccountName"] as? String == "prometheus")
        #expect(pod["automountServiceAccountToken"] as? Bool != false)
        #expect((pod["securityContext"] as? Document)?["runAsNonRoot"] as? Bool == true)
        let container = try #require((pod["containers"] as? [Document])?.first)
        let security = try #require(container["securityContext"] as? Document)
        #expect(security["allowPrivilegeEscalation"] as? Bool == false)
        #expect(security["readOnlyRootFilesystem"] as? Bool == true)
        #expect((security["capabilities"] as? Document)?["drop"] as? [String] == ["ALL"])
        #expect((container["resources"] as? Document)?["limits"] != nil)
        let claim = try #require((spec["volumeClaimTemplates"] as? [Document])?.first?["spec"] as? Document)
        #expect(claim["storageClassName"] as? String == "ebs-sc")
        let storage = try #require(
            ((claim["resources"] as? Document)?["requests"] as? Document)?["storage"] as? String)
        let volumeGiB = try #require(Int(storage.dropLast(2)), "\(storage) is not in Gi")
        let arguments = container["args"] as? [String] ?? []
        let sizeFlag = "--storage.tsdb.retention.size="
        let retention = try #require(arguments.first { $0.hasPrefix(sizeFlag) }?.dropFirst(sizeFlag.count))
        // Prometheus' GB are GiB; the WAL and compaction need room beyond the retained blocks.
        let retainedGiB = try #require(Int(retention.dropLast(2)), "\(retention) is not in GB")
        #expect(retention.hasSuffix("GB") && retainedGiB < volumeGiB && retainedGiB * 10 >= volumeGiB * 7)
        #expect(arguments.contains { $0.hasPrefix("--storage.tsdb.retention.time=") })
    }

    @Test("prod keeps more history than dev")
    func prodRetention() throws {
        func days(_ cluster: Cluster) throws -> Int? {
            let statefulSet = try #require(
                Self.named("StatefulSet", "prometheus", namespace: "monitoring", in: Self.documents(cluster)))
            let pod = ((statefulSet["spec"] as? Document)?["template"] as? Document)?["spec"] as? Document
            let arguments = (pod?["containers"] as? [Document])?.first?["args"] as? [String] ?? []
            let flag = "--storage.tsdb.retention.time="
            return arguments.first { $0.hasPrefix(flag) }.flatMap { Int($0.dropFirst(flag.count).dropLast()) }
        }
        let prod = try #require(try days(.prod))
        let dev = try #require(try days(.dev))
        #expect(prod > dev)
    }

    @Test(
        "the ClusterRole bound to Prometheus grants exactly discovery, the node proxy and /metrics",
        arguments: Cluster.allCases)
    func clusterRole(cluster: Cluster) throws {
        let documents = try Self.documents(cluster)
        let binding = try #require(Self.named("ClusterRoleBinding", "prometheus", in: documents))
        let subjects = binding["subjects"] as? [Document] ?? []
        #expect(
            subjects.map { "\($0["kind"] ?? "")/\($0["namespace"] ?? "")/\($0["name"] ?? "")" }
                == ["ServiceAccount/monitoring/prometheus"])
        let roleName = try #require((binding["roleRef"] as? Document)?["name"] as? String)
        let role = try #require(Self.named("ClusterRole", roleName, in: documents))
        var granted: Set<String> = []
        for rule in role["rules"] as? [Document] ?? [] {
            let verbs = rule["verbs"] as? [String] ?? []
            for url in rule["nonResourceURLs"] as? [String] ?? [] {
                for verb in verbs { granted.insert("url \(url) \(verb)") }
            }
            for group in rule["apiGroups"] as? [String] ?? [] {
                for resource in rule["resources"] as? [String] ?? [] {
                    for verb in verbs { granted.insert("\(group)/\(resource) \(verb)") }
                }
            }
        }
        var expected: Set<String> = ["url /metrics get"]
        for resource in [
            "/nodes", "/nodes/proxy", "/nodes/metrics", "/services", "/endpoints", "/pods",
            "discovery.k8s.io/endpointslices",
        ] {
            for verb in ["get", "list", "watch"] { expected.insert("\(resource) \(verb)") }
        }
        #expect(granted == expected)
    }

    @Test(
        "alerts go to an Alertmanager Service of the same cluster (dev) or nowhere (prod), and both evaluate the same rules",
        arguments: Cluster.allCases)
    func alerting(cluster: Cluster) throws {
        let documents = try Self.documents(cluster)
        let configuration = try Self.configuration(cluster, in: documents)
        #expect(configuration["rule_files"] as? [String] == ["/etc/prometheus/rules.yml"])
        let alertmanagers = (configuration["alerting"] as? Document)?["alertmanagers"] as? [Document] ?? []
        let targets = alertmanagers.flatMap { manager in
            (manager["static_configs"] as? [Document] ?? []).flatMap { $0["targets"] as? [String] ?? [] }
        }
        switch cluster {
        case .dev: #expect(targets == ["alertmanager.monitoring.svc.cluster.local:9093"])
        case .prod: #expect(configuration["alerting"] == nil)
        }
        for target in targets {
            let parts = target.split(separator: ":")
            let host = parts.first?.split(separator: ".").map(String.init) ?? []
            let service = try #require(
                Self.named("Service", host.first ?? "", namespace: host.count > 1 ? host[1] : "", in: documents),
                "\(target) names no Service of \(cluster)")
            let ports = ((service["spec"] as? Document)?["ports"] as? [Document] ?? []).compactMap {
                $0["port"] as? Int
            }
            #expect(ports.contains(Int(parts.last ?? "") ?? 0))
        }
        func rules(_ cluster: Cluster) throws -> String? {
            let config = Self.named(
                "ConfigMap", "prometheus-config", namespace: "monitoring", in: try Self.documents(cluster))
            return (config?["data"] as? Document)?["rules.yml"] as? String
        }
        let text = try #require(try rules(cluster))
        #expect(text == (try rules(.dev)))
        let groups = try #require((try Yams.load(yaml: text) as? Document)?["groups"] as? [Document])
        let alerts = groups.flatMap { ($0["rules"] as? [Document] ?? []).compactMap { $0["alert"] as? String } }
        #expect(alerts.contains("TargetDown") && alerts.contains("KubePodCrashLooping"))
    }

    @Test("nothing routes to Prometheus from outside: no Ingress, no LoadBalancer", arguments: Cluster.allCases)
    func notPublished(cluster: Cluster) throws {
        let documents = try Self.documents(cluster)
        let ingresses = documents.filter { $0["kind"] as? String == "Ingress" }
        let backends = ingresses.flatMap { ingress in
            ((ingress["spec"] as? Document)?["rules"] as? [Document] ?? []).flatMap { rule in
                ((rule["http"] as? Document)?["paths"] as? [Document] ?? []).compactMap {
                    (($0["backend"] as? Document)?["service"] as? Document)?["name"] as? String
                }
            }
        }
        #expect(!backends.contains("prometheus"))
        let service = try #require(Self.named("Service", "prometheus", namespace: "monitoring", in: documents))
        #expect((service["spec"] as? Document)?["type"] as? String ?? "ClusterIP" == "ClusterIP")
    }

    @Test("prod's monitoring namespace admits no connection from another namespace or address")
    func prodIngressClosed() throws {
        let policies = try Self.documents(.prod).filter {
            $0["kind"] as? String == "NetworkPolicy" && Self.metadata($0, "namespace") == "monitoring"
        }
        #expect(policies.contains { Self.metadata($0, "name") == "default-deny" })
        let peers = policies.flatMap { policy in
            ((policy["spec"] as? Document)?["ingress"] as? [Document] ?? []).flatMap {
                $0["from"] as? [Document] ?? [[:]]
            }
        }
        #expect(!peers.isEmpty)
        #expect(peers.allSatisfy { $0["namespaceSelector"] == nil && $0["ipBlock"] == nil && $0["podSelector"] != nil })
    }

    /// A connection a scrape makes: to the pods of a namespace (all, or those with `labels`), or to
    /// an address, on a TCP port.
    struct Destination: CustomTestStringConvertible {
        var namespace: String?
        var labels: [String: String] = [:]
        var address: String?
        var port: Int
        var testDescription: String { "\(namespace ?? address ?? "?"):\(port)" }
    }

    /// The paths the four jobs need out of `monitoring`.
    static func scrapePaths(_ cluster: Cluster) -> [Destination] {
        [
            Destination(address: cluster.nodeAddress, port: 443),
            Destination(namespace: "kube-state-metrics", port: 8080),
            Destination(namespace: "prometheus-node-exporter", port: 9100),
            Destination(address: cluster.nodeAddress, port: 9100),
        ]
    }

    /// Whether `labels` match a `{matchLabels}` selector (an empty or missing selector matches all).
    static func selects(_ selector: Any?, _ labels: [String: String]) -> Bool {
        let selector = selector as? Document ?? [:]
        guard selector["matchExpressions"] == nil else { return false }
        let wanted = selector["matchLabels"] as? [String: String] ?? [:]
        return wanted.allSatisfy { labels[$0.key] == $0.value }
    }

    static func ipv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".").compactMap { UInt32($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 < 256 }) else { return nil }
        return parts.reduce(0) { $0 << 8 | $1 }
    }

    static func contains(cidr: String, _ address: String) -> Bool {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let base = ipv4(parts[0]), let bits = UInt32(parts[1]), bits <= 32,
            let value = ipv4(Substring(address))
        else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~0 << (32 - bits)
        return base & mask == value & mask
    }

    /// Whether the policies of the Prometheus pods' namespace (except those named in `ignoring`)
    /// let them connect to `destination`: none selects them for egress, or one has a rule whose
    /// ports and peers admit it.
    static func egressAllowed(
        to destination: Destination, ignoring: Set<String> = [], in documents: [Document]
    ) -> Bool {
        let pod = ["app": "prometheus", "app.kubernetes.io/name": "prometheus"]
        let policies = documents.filter {
            $0["kind"] as? String == "NetworkPolicy" && metadata($0, "namespace") == "monitoring"
                && selects(($0["spec"] as? Document)?["podSelector"], pod)
                && ((($0["spec"] as? Document)?["policyTypes"] as? [String]) ?? []).contains("Egress")
        }
        guard !policies.isEmpty else { return true }
        return policies.filter { !ignoring.contains(metadata($0, "name") ?? "") }.contains { policy in
            let rules = (policy["spec"] as? Document)?["egress"] as? [Document] ?? []
            return rules.contains { rule in
                let ports = rule["ports"] as? [Document]
                let portMatches =
                    ports.map { ports in
                        ports.contains {
                            $0["port"] as? Int == destination.port && ($0["protocol"] as? String ?? "TCP") == "TCP"
                        }
                    } ?? true
                guard portMatches else { return false }
                guard let peers = rule["to"] as? [Document] else { return true }
                return peers.contains { peer in
                    if let block = peer["ipBlock"] as? Document, let address = destination.address {
                        let except = block["except"] as? [String] ?? []
                        return contains(cidr: block["cidr"] as? String ?? "", address)
                            && !except.contains { contains(cidr: $0, address) }
                    }
                    if let namespace = destination.namespace, peer["namespaceSelector"] != nil {
                        return selects(peer["namespaceSelector"], ["kubernetes.io/metadata.name": namespace])
                            && selects(peer["podSelector"], destination.labels)
                    }
                    return false
                }
            }
        }
    }

    @Test(
        "each scrape path leaves monitoring by a policy of its own, not an internet allowance",
        arguments: Cluster.allCases)
    func egress(cluster: Cluster) throws {
        let documents = try Self.documents(cluster)
        for destination in Self.scrapePaths(cluster) {
            #expect(
                Self.egressAllowed(to: destination, ignoring: ["allow-internet-egress"], in: documents),
                "\(destination.testDescription)")
        }
    }

    @Test(
        "every pod annotated for the kubernetes-pods job is reachable on its prometheus.io/port",
        arguments: Cluster.allCases)
    func annotatedPodsReachable(cluster: Cluster) throws {
        let documents = try Self.documents(cluster)
        var annotated: [Destination] = []
        for document in documents
        where ["Deployment", "StatefulSet", "DaemonSet"].contains(document["kind"] as? String) {
            let template = (document["spec"] as? Document)?["template"] as? Document
            let metadata = template?["metadata"] as? Document
            let annotations = metadata?["annotations"] as? [String: String] ?? [:]
            guard annotations["prometheus.io/scrape"] == "true" else { continue }
            let port = try #require(annotations["prometheus.io/port"].flatMap { Int($0) })
            annotated.append(
                Destination(
                    namespace: Self.metadata(document, "namespace"),
                    labels: metadata?["labels"] as? [String: String] ?? [:], port: port))
        }
        #expect(!annotated.isEmpty, "the AWS Load Balancer Controller asks to be scraped in both clusters")
        for destination in annotated {
            #expect(
                Self.egressAllowed(to: destination, ignoring: ["allow-internet-egress"], in: documents),
                "\(destination.testDescription)")
        }
    }

    @Test("the egress check denies what no policy allows", arguments: Cluster.allCases)
    func egressDenies(cluster: Cluster) throws {
        let documents = try Self.documents(cluster)
        let internet: Set = ["allow-internet-egress"]
        #expect(
            !Self.egressAllowed(
                to: Destination(namespace: "kube-system", port: 8080), ignoring: internet, in: documents))
        #expect(!Self.egressAllowed(to: Destination(namespace: "kube-state-metrics", port: 9090), in: documents))
        #expect(
            !Self.egressAllowed(
                to: Destination(address: "10.99.1.1", port: 9100), ignoring: internet, in: documents))
    }

    @Test("prod's Prometheus has no internet allowance (dev's namespace keeps one)", arguments: Cluster.allCases)
    func noInternetInProd(cluster: Cluster) throws {
        let allowed = Self.egressAllowed(
            to: Destination(address: "203.0.113.10", port: 443), in: try Self.documents(cluster))
        #expect(allowed == (cluster == .dev))
    }

    @Test(
        "the add-on namespaces admit Prometheus: no ingress policy there, or one allowing monitoring",
        arguments: Cluster.allCases, [("kube-state-metrics", 8080), ("prometheus-node-exporter", 9100)])
    func ingress(cluster: Cluster, addon: (namespace: String, port: Int)) throws {
        let policies = try Self.documents(cluster).filter {
            $0["kind"] as? String == "NetworkPolicy" && Self.metadata($0, "namespace") == addon.namespace
                && ((($0["spec"] as? Document)?["policyTypes"] as? [String]) ?? []).contains("Ingress")
        }
        let admitted =
            policies.isEmpty
            || policies.contains { policy in
                ((policy["spec"] as? Document)?["ingress"] as? [Document] ?? []).contains { rule in
                    let ports = rule["ports"] as? [Document]
                    let portMatches = ports.map { $0.contains { $0["port"] as? Int == addon.port } } ?? true
                    let peers = rule["from"] as? [Document]
                    return portMatches
                        && (peers.map { peers in
                            peers.contains {
                                Self.selects($0["namespaceSelector"], ["kubernetes.io/metadata.name": "monitoring"])
                                    && $0["ipBlock"] == nil
                            }
                        } ?? true)
                }
            }
        #expect(admitted)
    }
}
