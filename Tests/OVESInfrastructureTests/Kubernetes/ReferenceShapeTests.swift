// The OVES reference as a whole: what runs in each cluster (microservices, databases, the
// third-party services with their namespaces, HAProxy), how it is secured (restricted pod
// security in prod, namespace isolation in dev, no literal secrets) and that it synthesizes.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: workloads and security")
struct ReferenceShapeTests {
    @Test("both manifests synthesize without errors into kubernetes/prod and kubernetes/dev, the add-ons' CRDs apart")
    func synthesizes() {
        let result = Infrastructure(units: OVESKubernetes.manifests).synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let folders = Set(result.artifacts.map { $0.path.split(separator: "/").prefix(2).joined(separator: "/") })
        #expect(folders == ["kubernetes/prod", "kubernetes/dev", "kubernetes/_addon-crds"])
        #expect(result.artifacts.contains { $0.path == "kubernetes/prod/_cluster.yaml" })
    }

    @Test("synthesis is deterministic")
    func deterministic() {
        let first = Infrastructure(units: OVESKubernetes.manifests).synthesize().artifacts
        let second = Infrastructure(units: OVESKubernetes.manifests).synthesize().artifacts
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }

    @Test(
        "the in-house microservices run in both clusters, routed on the environment's API host",
        arguments: ["account", "auth", "client", "thing"])
    func microservices(service: String) throws {
        for (objects, host) in [
            (ReferenceLookup.prod, "api.omnivoltaic.com"), (ReferenceLookup.dev, "api.dev.omnivoltaic.com"),
        ] {
            let name = "\(service)-microservice"
            #expect(ReferenceLookup.find(Deployment.self, name, in: objects) != nil)
            #expect(ReferenceLookup.find(Service.self, name, in: objects) != nil)
            #expect(ReferenceLookup.find(HorizontalPodAutoscaler.self, "\(name)-hpa", in: objects) != nil)
            #expect(
                ReferenceLookup.find(VerticalPodAutoscaler.self, "\(name)-vpa", in: objects)?.spec.updatePolicy?
                    .updateMode == "Off")
            let ingress = try #require(ReferenceLookup.find(Ingress.self, name, in: objects))
            #expect(ingress.spec?.rules?.first?.host == host)
            #expect(ingress.spec?.rules?.first?.http?.paths.first?.path == "/\(service)")
        }
        #expect(
            ReferenceLookup.find(PodDisruptionBudget.self, "\(service)-microservice-pdb", in: ReferenceLookup.prod)
                != nil)
    }

    @Test(
        "prod runs MongoDB, Redis and PostgreSQL as StatefulSets with ebs-sc volumes and a VPA",
        arguments: ["mongodb", "redis", "postgresql"])
    func databases(name: String) throws {
        let set = try #require(
            ReferenceLookup.find(StatefulSet.self, name, namespace: "databases", in: ReferenceLookup.prod))
        let claim = try #require(set.spec?.volumeClaimTemplates?.first?.spec)
        #expect(claim.storageClassName == "ebs-sc")
        #expect(claim.accessModes == ["ReadWriteOnce"])
        #expect(
            ReferenceLookup.find(Service.self, name, namespace: "databases", in: ReferenceLookup.prod)?.spec?.clusterIP
                == "None")
        let vpa = try #require(
            ReferenceLookup.find(VerticalPodAutoscaler.self, "\(name)-vpa", in: ReferenceLookup.prod))
        #expect(vpa.spec.targetRef.kind == "StatefulSet")
    }

    /// The seed's third-party services of the dev cluster: name, workload, namespace, kind.
    static let thirdParty: [(String, String, String, String)] = [
        ("Grafana", "grafana", "monitoring", "StatefulSet"),
        ("Prometheus", "prometheus", "monitoring", "StatefulSet"),
        ("Elasticsearch", "elasticsearch", "logging", "StatefulSet"),
        ("InfluxDB", "influxdb", "monitoring", "StatefulSet"),
        ("Kibana", "kibana", "logging", "Deployment"),
        ("Loki", "loki", "logging", "StatefulSet"),
        ("AlertManager", "alertmanager", "monitoring", "StatefulSet"),
        ("Uptime Kuma", "uptime-kuma", "uptime", "StatefulSet"),
        ("Checkly", "checkly-agent", "checkly", "Deployment"),
    ]

    @Test("every third-party service of the seed runs in dev in its namespace", arguments: thirdParty)
    func thirdPartyService(service: (String, String, String, String)) throws {
        let (displayName, name, namespace, kind) = service
        let workload = ReferenceLookup.dev.first {
            $0.kind == kind && $0.name == name && $0.metadata.namespace == namespace
        }
        #expect(workload != nil, "\(displayName) has no \(kind) '\(name)' in namespace '\(namespace)'")
        #expect(ReferenceLookup.find(Namespace.self, namespace, in: ReferenceLookup.dev) != nil)
        if kind == "StatefulSet" {
            let set = try #require(workload as? StatefulSet)
            #expect(
                set.spec?.volumeClaimTemplates?.first?.spec?.storageClassName == "ebs-sc",
                "\(displayName) keeps no data")
        }
        if name != "checkly-agent" {
            #expect(ReferenceLookup.find(Service.self, name, namespace: namespace, in: ReferenceLookup.dev) != nil)
        }
        // Prometheus runs in prod too (issue 17 §2); MonitoringScrapeTests checks both clusters'.
        #expect(
            name == "prometheus" || !ReferenceLookup.prod.contains { $0.name == name && $0.kind == kind },
            "\(displayName) should only run in dev")
    }

    @Test(
        "services that need configuration get it from a ConfigMap",
        arguments: ["prometheus-config", "alertmanager-config", "grafana-datasources", "loki-config"])
    func configMaps(name: String) {
        let config = ReferenceLookup.find(ConfigMap.self, name, in: ReferenceLookup.dev)
        #expect(config?.data?.isEmpty == false)
    }

    @Test("the Checkly agent reads its API key from a Secret reference")
    func checklyAgentKey() throws {
        let agent = try #require(ReferenceLookup.find(Deployment.self, "checkly-agent", in: ReferenceLookup.dev))
        let key = try #require(agent.spec?.template.spec?.containers.first?.env?.first { $0.name == "API_KEY" })
        #expect(key.value == nil)
        #expect(key.valueFrom?.secretKeyRef == SecretKeySelector(name: "checkly-agent", key: "api-key"))
    }

    @Test("no manifest defines a Secret or a credential as a literal value")
    func noLiteralSecrets() {
        for objects in [ReferenceLookup.prod, ReferenceLookup.dev] {
            #expect(!objects.contains { $0.kind == "Secret" })
            for object in objects {
                let text = JSONWriter(sortKeys: true, pretty: false).string(object.renderValue())
                for marker in ["\"name\":\"API_KEY\",\"value\"", "PASSWORD\",\"value\"", "TOKEN\",\"value\""] {
                    #expect(!text.contains(marker), "\(object.kind)/\(object.name) has a literal credential")
                }
            }
        }
    }

    @Test(
        "prod namespaces enforce, audit and warn the restricted Pod Security Standard",
        arguments: ["prod", "databases", "edge", "monitoring"])
    func prodPodSecurity(namespace: String) throws {
        let labels = try #require(
            ReferenceLookup.find(Namespace.self, namespace, in: ReferenceLookup.prod)?.metadata.labels)
        for mode in ["enforce", "audit", "warn"] {
            #expect(labels["pod-security.kubernetes.io/\(mode)"] == "restricted")
        }
        #expect(
            ReferenceLookup.find(NetworkPolicy.self, "default-deny", namespace: namespace, in: ReferenceLookup.prod)
                != nil)
    }

    @Test("every prod pod meets the restricted profile")
    func prodPodsAreRestricted() {
        var specs: [(String, PodSpec?)] = []
        for object in ReferenceLookup.prod {
            switch object {
            case let o as Deployment: specs.append((o.name, o.spec?.template.spec))
            case let o as StatefulSet: specs.append((o.name, o.spec?.template.spec))
            case let o as CronJob: specs.append((o.name, o.spec.jobTemplate.spec?.template.spec))
            default: break
            }
        }
        #expect(specs.count >= 10)
        for (name, spec) in specs {
            #expect(spec?.securityContext?.runAsNonRoot == true, "\(name)")
            #expect(spec?.securityContext?.seccompProfile?.type == "RuntimeDefault", "\(name)")
            for container in spec?.containers ?? [] {
                let security = container.securityContext
                #expect(security?.allowPrivilegeEscalation == false, "\(name)")
                #expect(security?.capabilities?.drop == ["ALL"], "\(name)")
                #expect(security?.readOnlyRootFilesystem == true, "\(name)")
                #expect(
                    container.resources?.requests?["cpu"] != nil && container.resources?.limits?["memory"] != nil,
                    "\(name)")
            }
        }
    }

    @Test(
        "dev namespaces are isolated: default-deny, baseline enforced, restricted warned",
        arguments: ["dev", "monitoring", "logging", "uptime", "checkly"])
    func devIsolation(namespace: String) throws {
        let labels = try #require(
            ReferenceLookup.find(Namespace.self, namespace, in: ReferenceLookup.dev)?.metadata.labels)
        #expect(labels["pod-security.kubernetes.io/enforce"] == "baseline")
        #expect(labels["pod-security.kubernetes.io/warn"] == "restricted")
        let deny = try #require(
            ReferenceLookup.find(NetworkPolicy.self, "default-deny", namespace: namespace, in: ReferenceLookup.dev))
        #expect(deny.spec?.policyTypes == ["Ingress", "Egress"])
        #expect(ReferenceLookup.find(ResourceQuota.self, "quota", namespace: namespace, in: ReferenceLookup.dev) != nil)
    }

    @Test("HAProxy forwards TCP to the databases from inside the VPC only")
    func tcpRouter() throws {
        let config = try #require(
            ReferenceLookup.find(ConfigMap.self, "tcp-router-config", namespace: "edge", in: ReferenceLookup.prod))
        let haproxy = try #require(config.data?["haproxy.cfg"])
        #expect(haproxy.contains("server postgresql-0 postgresql-0.postgresql.databases.svc.cluster.local:5432 check"))
        let service = try #require(ReferenceLookup.find(Service.self, "tcp-router", in: ReferenceLookup.prod))
        #expect(service.metadata.annotations?["service.beta.kubernetes.io/aws-load-balancer-scheme"] == "internal")
        let policy = try #require(
            ReferenceLookup.find(NetworkPolicy.self, "allow-public-ports", namespace: "edge", in: ReferenceLookup.prod))
        #expect(policy.spec?.ingress?.first?.from?.first?.ipBlock?.cidr == OVESEnvironment.prod.vpcCIDR)
    }

    @Test("RBAC: developers read prod and edit dev; platform admins are cluster-admin")
    func accessControl() throws {
        let readOnly = try #require(
            ReferenceLookup.find(ClusterRoleBinding.self, "oves-developers-read-only", in: ReferenceLookup.prod))
        #expect(readOnly.subjects?.first?.name == OVESNames.developersGroup)
        let role = try #require(ReferenceLookup.find(ClusterRole.self, "oves-read-only", in: ReferenceLookup.prod))
        #expect(!(role.rules ?? []).contains { $0.resources?.contains("secrets") == true })
        #expect(
            ReferenceLookup.find(RoleBinding.self, "oves-developers-edit", namespace: "dev", in: ReferenceLookup.dev)?
                .roleRef.name == "edit")
        #expect(!ReferenceLookup.prod.contains { $0.kind == "RoleBinding" && $0.name == "oves-developers-edit" })
    }
}
