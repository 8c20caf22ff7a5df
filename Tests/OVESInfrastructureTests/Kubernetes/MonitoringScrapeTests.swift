// The dev Prometheus scrapes the kubelets, cAdvisor, kube-state-metrics and node-exporter, checked
// on the synthesized `kubernetes/dev` YAML read back with Yams: `prometheus.yml` has the four jobs
// with their discovery roles, namespaces and paths, the ClusterRole bound to Prometheus grants
// exactly what they need, and the NetworkPolicies let each scrape out of `monitoring` (without
// the namespace's internet allowance) and into the add-on namespaces.

import InfraCore
import OVESInfrastructure
import Testing
import Yams

@Suite("OVES dev monitoring: Prometheus scrapes nodes, cAdvisor, kube-state-metrics and node-exporter")
struct MonitoringScrapeTests {
    typealias Document = [String: Any]

    /// Every document of the synthesized `kubernetes/dev/*.yaml` files, parsed by Yams.
    static func documents() throws -> [Document] {
        let result = OVESKubernetes.development().synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let files = result.artifacts.filter { $0.path.hasPrefix("kubernetes/dev/") && $0.path.hasSuffix(".yaml") }
        #expect(files.contains { $0.path == "kubernetes/dev/monitoring.yaml" })
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

    /// The scrape configs of `prometheus.yml` by job name.
    static func jobs() throws -> [String: Document] {
        let config = try #require(named("ConfigMap", "prometheus-config", namespace: "monitoring", in: documents()))
        let text = try #require((config["data"] as? Document)?["prometheus.yml"] as? String)
        let parsed = try #require(try Yams.load(yaml: text) as? Document)
        let jobs = try #require(parsed["scrape_configs"] as? [Document])
        return Dictionary(jobs.map { ($0["job_name"] as? String ?? "", $0) }) { first, _ in first }
    }

    @Test("prometheus.yml keeps its jobs and adds the four cluster jobs")
    func jobNames() throws {
        #expect(
            Set(try Self.jobs().keys)
                == [
                    "prometheus", "kubernetes-pods", "kubernetes-nodes", "kubernetes-cadvisor", "kube-state-metrics",
                    "node-exporter",
                ])
    }

    @Test(
        "kubelet and cAdvisor metrics come through the API server's node proxy with the ServiceAccount token",
        arguments: [
            ("kubernetes-nodes", "/api/v1/nodes/$1/proxy/metrics"),
            ("kubernetes-cadvisor", "/api/v1/nodes/$1/proxy/metrics/cadvisor"),
        ])
    func nodeProxyJobs(job: String, path: String) throws {
        let config = try #require(try Self.jobs()[job])
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
        #expect(metricsPath["replacement"] as? String == path)
    }

    @Test(
        "the add-ons' Services are discovered as endpoints in their own namespaces and kept by name and port",
        arguments: [
            ("kube-state-metrics", "kube-state-metrics", "kube-state-metrics", 8080),
            ("node-exporter", "prometheus-node-exporter", "prometheus-node-exporter", 9100),
        ])
    func addonJobs(job: String, namespace: String, service: String, port: Int) throws {
        let config = try #require(try Self.jobs()[job])
        let discovery = try #require(config["kubernetes_sd_configs"] as? [Document])
        #expect(discovery.map { $0["role"] as? String } == ["endpoints"])
        #expect(((discovery.first?["namespaces"] as? Document)?["names"] as? [String]) == [namespace])
        let keeps = (config["relabel_configs"] as? [Document] ?? []).filter { $0["action"] as? String == "keep" }
        let kept = Dictionary(keeps.map { (($0["source_labels"] as? [String]) ?? [], $0["regex"] as? String) }) {
            first, _ in first
        }
        #expect(kept[["__meta_kubernetes_service_name"]] == service)
        #expect(kept[["__address__"]] == ".+:\(port)")
    }

    @Test("the StatefulSet mounts the ServiceAccount token the node jobs read")
    func tokenMounted() throws {
        let statefulSet = try #require(
            Self.named("StatefulSet", "prometheus", namespace: "monitoring", in: Self.documents()))
        let pod = ((statefulSet["spec"] as? Document)?["template"] as? Document)?["spec"] as? Document
        #expect(pod?["serviceAccountName"] as? String == "prometheus")
        #expect(pod?["automountServiceAccountToken"] as? Bool != false)
    }

    @Test("the ClusterRole bound to Prometheus grants exactly discovery, the node proxy and /metrics")
    func clusterRole() throws {
        let documents = try Self.documents()
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

    /// A connection a scrape makes: to the pods of a namespace, or to an address, on a TCP port.
    struct Destination: CustomTestStringConvertible {
        var namespace: String?
        var address: String?
        var port: Int
        var testDescription: String { "\(namespace ?? address ?? "?"):\(port)" }
    }

    /// A node IP of the dev VPC (host-network node-exporter, the private API endpoint's ENIs).
    static let nodeAddress = "10.20.1.17"
    /// The paths the four jobs need out of `monitoring`.
    static let scrapePaths = [
        Destination(address: nodeAddress, port: 443), Destination(namespace: "kube-state-metrics", port: 8080),
        Destination(namespace: "prometheus-node-exporter", port: 9100), Destination(address: nodeAddress, port: 9100),
    ]

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
                            && selects(peer["podSelector"], [:])
                    }
                    return false
                }
            }
        }
    }

    @Test(
        "each scrape path leaves monitoring by a policy of its own, not the internet allowance", arguments: scrapePaths)
    func egress(destination: Destination) throws {
        #expect(Self.egressAllowed(to: destination, ignoring: ["allow-internet-egress"], in: try Self.documents()))
    }

    @Test("the egress check denies what no policy allows")
    func egressDenies() throws {
        let documents = try Self.documents()
        #expect(!Self.egressAllowed(to: Destination(namespace: "kube-system", port: 8080), in: documents))
        #expect(!Self.egressAllowed(to: Destination(namespace: "kube-state-metrics", port: 9090), in: documents))
        #expect(
            !Self.egressAllowed(
                to: Destination(address: "10.99.1.1", port: 9100), ignoring: ["allow-internet-egress"], in: documents))
    }

    @Test(
        "the add-on namespaces admit Prometheus: no ingress policy there, or one allowing monitoring",
        arguments: [("kube-state-metrics", 8080), ("prometheus-node-exporter", 9100)])
    func ingress(namespace: String, port: Int) throws {
        let policies = try Self.documents().filter {
            $0["kind"] as? String == "NetworkPolicy" && Self.metadata($0, "namespace") == namespace
                && ((($0["spec"] as? Document)?["policyTypes"] as? [String]) ?? []).contains("Ingress")
        }
        let admitted =
            policies.isEmpty
            || policies.contains { policy in
                ((policy["spec"] as? Document)?["ingress"] as? [Document] ?? []).contains { rule in
                    let ports = rule["ports"] as? [Document]
                    let portMatches = ports.map { $0.contains { $0["port"] as? Int == port } } ?? true
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
