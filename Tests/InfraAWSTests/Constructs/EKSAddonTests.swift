// EKS add-ons on `EKSCluster`: the pinned version table, the typed configuration values, the
// IRSA roles the cluster creates for add-ons, install order, and the diagnostics of bad add-ons.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("EKS add-ons")
struct EKSAddonTests {
    func cluster(_ addons: [EKSAddon], name: String = "oves-test") -> EKSCluster {
        EKSCluster(
            "eks", clusterName: name, kubernetesVersion: EKSCluster.recommendedKubernetesVersion, vpcID: "vpc-a",
            subnetIDs: ["subnet-a", "subnet-b"],
            nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 3, maxSize: 10)],
            addons: addons)
    }

    @Test("every pinned version is an EKS build and the table is for the recommended Kubernetes version")
    func pinnedTable() {
        #expect(EKSAddon.pinnedKubernetesVersion == EKSCluster.recommendedKubernetesVersion)
        for (name, version) in EKSAddon.pinnedVersions {
            #expect(EKSAddon(name, version: version).diagnostics(at: "t", cluster: "c").isEmpty, "\(name) \(version)")
        }
        #expect(
            EKSAddon.pinnedVersions["kube-proxy"]?.hasPrefix("v1.35.") == true, "kube-proxy follows the cluster minor")
        let constructors: [EKSAddon] =
            EKSAddon.core + [
                .metricsServer(), .kubeStateMetrics(), .prometheusNodeExporter(), .certManager(),
                .cloudWatchObservability(),
            ]
        for addon in constructors { #expect(addon.version == EKSAddon.pinnedVersions[addon.name], "\(addon.name)") }
    }

    @Test("the VPC CNI enforces NetworkPolicies: configuration_values is the JSON of the typed value")
    func networkPolicy() throws {
        let result = synthesizeConstructs { cluster(EKSAddon.core) }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let early = try #require(result.resource("aws_eks_addon", "eks_before_nodes"))
        let forEach = try #require(early["for_each"]?.stringValue)
        #expect(forEach.contains("jsonencode({ \"enableNetworkPolicy\" = \"true\" })"))
        #expect(
            early["configuration_values"]
                == "${each.value.configuration_values != \"\" ? each.value.configuration_values : null}")
        #expect(early["addon_version"] == "${each.value.addon_version}")
        #expect(EKSAddon.vpcCNI().configuration == ["enableNetworkPolicy": "true"])
        #expect(EKSAddon.vpcCNI(networkPolicy: false).configuration == nil)
    }

    @Test("networking add-ons are installed before the nodes, the others after them")
    func order() throws {
        let result = synthesizeConstructs { cluster(EKSAddon.core) }
        #expect(result.resourceNames("aws_eks_addon").sorted() == ["eks", "eks_before_nodes"])
        let late = try #require(result.resource("aws_eks_addon", "eks"))
        let early = try #require(result.resource("aws_eks_addon", "eks_before_nodes"))
        #expect(late["depends_on"]?.arrayValue?.contains("aws_eks_node_group.eks") == true)
        #expect(early["depends_on"]?.arrayValue?.contains("aws_eks_node_group.eks") == false)
        #expect(early["for_each"]?.stringValue?.contains("if a.before_nodes") == true)
        let nodes = try #require(result.resource("aws_eks_node_group", "eks"))
        #expect(nodes["depends_on"]?.arrayValue?.contains("aws_eks_addon.eks_before_nodes") == true)
        #expect(late["for_each"]?.stringValue?.contains("if !a.before_nodes") == true)
        #expect(EKSAddon.core.filter(\.beforeNodes).map(\.name) == ["vpc-cni", "kube-proxy"])
    }

    @Test("add-ons with a ServiceAccount role get an IRSA role named <cluster>-addon-<name> with its policies")
    func irsa() throws {
        let result = synthesizeConstructs { cluster(EKSAddon.core + [.cloudWatchObservability(xray: true)]) }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let role = try #require(result.resource("aws_iam_role", "eks_addon"))
        #expect(role["name"] == "oves-test-addon-${each.key}")
        #expect(role["for_each"]?.stringValue?.contains("if a.service_account != \"\"") == true)
        let late = try #require(result.resource("aws_eks_addon", "eks"))
        #expect(
            late["service_account_role_arn"]?.stringValue?.hasPrefix("${lookup({ for k, r in aws_iam_role.eks_addon")
                == true)
        #expect(result.resource("aws_iam_role_policy_attachment", "eks_addon") != nil)
        let cloudWatch = EKSAddon.cloudWatchObservability(xray: true).serviceAccountRole
        #expect(cloudWatch?.namespace == "amazon-cloudwatch" && cloudWatch?.serviceAccount == "cloudwatch-agent")
        #expect(cloudWatch?.managedPolicyARNs.contains("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy") == true)
        #expect(
            EKSAddon.roleName(cluster: "oves-prod", addon: "aws-ebs-csi-driver") == "oves-prod-addon-aws-ebs-csi-driver"
        )
    }

    @Test("bad add-ons are reported all at once with their paths")
    func diagnostics() {
        let bad = cluster(
            [
                EKSAddon("coredns", version: "latest"),
                EKSAddon("coredns", version: "v1.13.2-eksbuild.1"),
                EKSAddon("vpc-cni", version: "v1.21.1-eksbuild.3", configuration: "enableNetworkPolicy"),
                EKSAddon("kube-proxy", version: "v1.35.0-eksbuild.2", resolveConflictsOnCreate: .preserve),
                EKSAddon(
                    "amazon-cloudwatch-observability", version: "v5.3.0-eksbuild.1",
                    serviceAccountRole: .init(namespace: "Amazon_CloudWatch", serviceAccount: "cloudwatch-agent")),
            ], name: "a-very-long-cluster-name-that-leaves-no-room-for-roles")
        let messages = bad.diagnostics(at: "prod/eks").filter { $0.severity == .error }
        let lines = messages.map { "\($0.path): \($0.message)" }
        #expect(lines.contains { $0.hasPrefix("prod/eks/addon/coredns: add-on version \"latest\"") }, "\(lines)")
        #expect(lines.contains("prod/eks/addon/coredns: add-on \"coredns\" is defined twice"), "\(lines)")
        #expect(lines.contains("prod/eks/addon/vpc-cni: the configuration values of vpc-cni must be a JSON object"))
        #expect(lines.contains { $0.hasPrefix("prod/eks/addon/kube-proxy: PRESERVE") })
        let role = "prod/eks/addon/amazon-cloudwatch-observability/role"
        #expect(lines.contains("\(role): namespace \"Amazon_CloudWatch\" is not a valid Kubernetes name"))
        #expect(
            lines.contains { $0.hasPrefix("\(role): role name") && $0.hasSuffix("longer than IAM's 64 characters") })
        #expect(lines.contains { $0.hasPrefix("\(role): the role of amazon-cloudwatch-observability grants nothing") })
        #expect(messages.count == 7, "\(lines)")
    }
}
