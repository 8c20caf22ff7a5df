// TeamNamespace, ClusterAutoscaler, LetsEncryptIssuers, EBSStorageClass, StatefulWorkload and
// VerticalAutoscaling: the objects they expand to and the diagnostics for impossible settings.

import InfraCore
import InfraKubernetes
import Testing

@Suite("Platform helpers")
struct PlatformHelperTests {
    @Test("TeamNamespace labels the namespace for enforce, audit and warn")
    func podSecurityLabels() {
        let labels = TeamNamespace(name: "team", podSecurity: .baseline, warn: .restricted).namespace.metadata.labels
        #expect(labels?["pod-security.kubernetes.io/enforce"] == "baseline")
        #expect(labels?["pod-security.kubernetes.io/audit"] == "baseline")
        #expect(labels?["pod-security.kubernetes.io/warn"] == "restricted")
        #expect(labels?["pod-security.kubernetes.io/enforce-version"] == "latest")
    }

    @Test("TeamNamespace denies all traffic by default and allows same-namespace, DNS and the ingress controller")
    func networkPolicies() throws {
        let team = TeamNamespace(name: "team", allowEgressToNamespaces: ["data"], publicPorts: [1883])
        let policies = team.networkPolicies
        #expect(
            policies.map(\.name) == [
                "default-deny", "allow-same-namespace", "allow-dns-egress", "allow-from-ingress-controller",
                "allow-to-peer-namespaces", "allow-public-ports",
            ])
        let deny = try #require(policies.first?.spec)
        #expect(deny.podSelector.isEmpty)
        #expect(deny.policyTypes == ["Ingress", "Egress"])
        #expect(deny.ingress == nil && deny.egress == nil)
        let dns = try #require(policies[2].spec?.egress?.first)
        #expect(dns.ports?.map(\.port) == [53, 53])
        #expect(dns.to?.first?.namespaceSelector?.matchLabels == ["kubernetes.io/metadata.name": "kube-system"])
        let controller = policies[3].spec?.ingress?.first?.from?.first?.namespaceSelector?.matchLabels
        #expect(controller == ["kubernetes.io/metadata.name": "nginx-ingress"])
        #expect(policies.allSatisfy { $0.metadata.namespace == "team" })
    }

    @Test("TeamNamespace adds a ResourceQuota and a LimitRange with container defaults")
    func quotaAndLimits() throws {
        let team = TeamNamespace(name: "team")
        let quota = try #require(team.resourceQuota)
        #expect(quota.spec?.hard?["requests.cpu"] == "8")
        #expect(quota.spec?.hard?["pods"] == "100")
        let item = try #require(team.limitRange?.spec?.limits.first)
        #expect(item.type == "Container")
        #expect(item.default?["memory"] == "512Mi")
        #expect(item.defaultRequest?["cpu"] == "100m")
        #expect(team.manifestObjects.map(\.kind).first == "Namespace")
    }

    @Test("TeamNamespace reports bad peer names and CIDRs")
    func namespaceDiagnostics() {
        let team = TeamNamespace(
            name: "team", allowIngressFromNamespaces: ["Not_OK"], publicPorts: [70000],
            publicSourceCIDRs: ["10.0.0.0/33"])
        let paths = team.manifestDiagnostics(at: "dev").map(\.path.description)
        #expect(
            paths == [
                "dev/Namespace/team/allowIngressFromNamespaces[0]", "dev/Namespace/team/publicSourceCIDRs[0]",
                "dev/Namespace/team/publicPorts[0]",
            ])
    }

    static let autoscaler = ClusterAutoscaler(
        clusterName: "demo", roleARN: "arn:aws:iam::111122223333:role/demo-cluster-autoscaler")

    @Test("ClusterAutoscaler renders its flags from the typed settings")
    func autoscalerFlags() throws {
        let command = try #require(Self.autoscaler.deployment.spec?.template.spec?.containers.first?.command)
        for flag in [
            "--cloud-provider=aws", "--scale-down-utilization-threshold=0.5", "--scale-down-unneeded-time=10m",
            "--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/demo",
            "--balance-similar-node-groups", "--skip-nodes-with-system-pods=false", "--expander=least-waste",
        ] {
            #expect(command.contains(flag), "missing \(flag)")
        }
        var settings = ClusterAutoscaler.Settings()
        settings.balanceSimilarNodeGroups = false
        settings.expander = .mostPods
        settings.scaleDownUtilizationThreshold = 0.65
        let custom = ClusterAutoscaler(clusterName: "demo", roleARN: Self.autoscaler.roleARN, settings: settings)
        #expect(!custom.command.contains("--balance-similar-node-groups"))
        #expect(custom.command.contains("--expander=most-pods"))
        #expect(custom.command.contains("--scale-down-utilization-threshold=0.65"))
    }

    @Test("ClusterAutoscaler's ServiceAccount carries the IRSA role and the pods use it")
    func autoscalerIdentity() {
        #expect(
            Self.autoscaler.serviceAccount.metadata.annotations == [
                "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/demo-cluster-autoscaler"
            ])
        let pod = Self.autoscaler.deployment.spec?.template.spec
        #expect(pod?.serviceAccountName == "cluster-autoscaler")
        #expect(pod?.automountServiceAccountToken == true)
        #expect(pod?.securityContext?.runAsNonRoot == true)
    }

    @Test("ClusterAutoscaler has the upstream RBAC: node updates, evictions, leases and its status ConfigMap")
    func autoscalerRBAC() {
        let rules = Self.autoscaler.clusterRole.rules ?? []
        #expect(rules.contains { $0.resources == ["nodes"] && $0.verbs.contains("update") })
        #expect(rules.contains { $0.resources == ["pods/eviction"] && $0.verbs == ["create"] })
        #expect(
            rules.contains { $0.apiGroups == ["coordination.k8s.io"] && $0.resourceNames == ["cluster-autoscaler"] })
        #expect(
            Self.autoscaler.role.rules?.contains { $0.resourceNames?.contains("cluster-autoscaler-status") == true }
                == true)
        #expect(
            Self.autoscaler.clusterRoleBinding.subjects == [
                Subject(kind: "ServiceAccount", name: "cluster-autoscaler", namespace: "kube-system")
            ])
        #expect(
            Self.autoscaler.manifestObjects.map(\.kind) == [
                "ServiceAccount", "ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding", "Deployment",
            ])
    }

    @Test("ClusterAutoscaler rejects a malformed role ARN and an out-of-range threshold")
    func autoscalerDiagnostics() {
        var settings = ClusterAutoscaler.Settings()
        settings.scaleDownUtilizationThreshold = 1.5
        let bad = ClusterAutoscaler(clusterName: "demo", roleARN: "demo-role", settings: settings)
        let paths = bad.manifestDiagnostics(at: "prod").map(\.path.description)
        #expect(
            paths == [
                "prod/ServiceAccount/cluster-autoscaler/annotations", "prod/Deployment/cluster-autoscaler/settings",
            ])
    }

    @Test("LetsEncryptIssuers renders staging and production ACME issuers with an HTTP-01 nginx solver")
    func issuers() {
        let issuers = LetsEncryptIssuers(email: "ops@example.com")
        #expect(issuers.manifestObjects.map(\.name) == ["letsencrypt-staging", "letsencrypt-prod"])
        let acme = issuers.production.spec.acme
        #expect(acme?.server == "https://acme-v02.api.letsencrypt.org/directory")
        #expect(acme?.email == "ops@example.com")
        #expect(acme?.privateKeySecretRef.name == "letsencrypt-prod")
        #expect(acme?.solvers?.first?.http01?.ingress?.class == "nginx")
        #expect(issuers.staging.spec.acme?.server == "https://acme-staging-v02.api.letsencrypt.org/directory")
        #expect(LetsEncryptIssuers(email: "nobody").manifestDiagnostics(at: "prod").count == 1)
    }

    @Test("EBSStorageClass is encrypted gp3, binds on first consumer and allows expansion")
    func storageClass() {
        let storageClass = EBSStorageClass().storageClass
        #expect(storageClass.name == "ebs-sc")
        #expect(storageClass.provisioner == "ebs.csi.aws.com")
        #expect(storageClass.parameters == ["type": "gp3", "encrypted": "true", "iops": "3000", "throughput": "125"])
        #expect(storageClass.volumeBindingMode == "WaitForFirstConsumer")
        #expect(storageClass.allowVolumeExpansion == true)
        let paths = EBSStorageClass(iops: 20000, throughput: 2000).manifestDiagnostics(at: "prod").map(
            \.path.description)
        #expect(paths == ["prod/StorageClass/ebs-sc/iops", "prod/StorageClass/ebs-sc/throughput"])
    }

    @Test("StatefulWorkload gives each pod a ReadWriteOnce claim on ebs-sc and a headless Service")
    func statefulWorkload() throws {
        let redis = StatefulWorkload(
            name: "redis", namespace: "data", image: "redis:7.2.5", ports: [.init(name: "redis", port: 6379)],
            replicas: 3, storage: "20Gi", mountPath: "/data", health: .tcp(port: "redis"))
        #expect(redis.manifestObjects.map(\.kind) == ["Service", "StatefulSet", "PodDisruptionBudget"])
        let claim = try #require(redis.statefulSet.spec?.volumeClaimTemplates?.first?.spec)
        #expect(claim.storageClassName == "ebs-sc")
        #expect(claim.accessModes == ["ReadWriteOnce"])
        #expect(claim.resources?.requests?["storage"] == "20Gi")
        #expect(redis.service.spec?.clusterIP == "None")
        let container = redis.statefulSet.spec?.template.spec?.containers.first
        #expect(container?.securityContext?.readOnlyRootFilesystem == true)
        #expect(container?.volumeMounts?.first == VolumeMount(name: "data", mountPath: "/data"))
        var broken = redis
        broken.storage = "20 GB"
        broken.replicas = 0
        let paths = broken.manifestDiagnostics(at: "prod").map(\.path.description)
        #expect(paths == ["prod/StatefulSet/redis/replicas", "prod/StatefulSet/redis/volumeClaimTemplates[0]"])
    }

    @Test("VerticalAutoscaling targets the workload and rejects a minimum above the maximum")
    func verticalAutoscaling() {
        let vpa = VerticalAutoscaling(
            name: "redis", kind: "StatefulSet", mode: .initial, minAllowed: .init(cpu: "2", memory: "1Gi"),
            maxAllowed: .init(cpu: "1", memory: "2Gi"))
        #expect(vpa.verticalPodAutoscaler.spec.targetRef.kind == "StatefulSet")
        #expect(vpa.verticalPodAutoscaler.spec.updatePolicy?.updateMode == "Initial")
        #expect(vpa.manifestDiagnostics(at: "prod").map(\.message) == ["minimum cpu 2 is above the maximum 1"])
    }
}
