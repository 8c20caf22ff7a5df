// Who may use an `EKSCluster`: authentication mode API by default, one access entry per operator
// principal with its Kubernetes groups, access policies cluster-wide or per namespace, and the
// diagnostics of entries that are malformed or grant nothing.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("EKS access entries")
struct EKSAccessTests {
    static let admin = "arn:aws:iam::123456789012:role/platform-admin"
    static let developer = "arn:aws:iam::123456789012:role/developer"

    func cluster(_ entries: [EKSAccessEntry], public cidrs: [String] = []) -> EKSCluster {
        EKSCluster(
            "eks", clusterName: "oves-test", kubernetesVersion: EKSCluster.recommendedKubernetesVersion,
            vpcID: "vpc-a", subnetIDs: ["subnet-a", "subnet-b"], endpointPublicAccess: !cidrs.isEmpty,
            publicAccessCIDRs: cidrs,
            nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 3, maxSize: 10)],
            accessEntries: entries)
    }

    @Test("the cluster authenticates through access entries only; each principal gets its groups and policies")
    func entries() throws {
        let result = synthesizeConstructs {
            cluster([
                EKSAccessEntry(
                    principalARN: Self.admin, kubernetesGroups: ["oves:platform-admins"],
                    policies: [.init(.clusterAdmin)]),
                EKSAccessEntry(
                    principalARN: Self.developer, kubernetesGroups: ["oves:developers"],
                    policies: [.init(.view, namespaces: ["prod", "dev"])]),
            ])
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let eks = try #require(result.resource("aws_eks_cluster", "eks"))
        #expect(eks["access_config"]?["authentication_mode"] == "API")
        let entry = try #require(result.resource("aws_eks_access_entry", "eks"))
        #expect(entry["principal_arn"] == "${each.key}")
        #expect(entry["for_each"]?[Self.admin]?["kubernetes_groups"] == ["oves:platform-admins"])
        #expect(entry["for_each"]?[Self.developer]?["kubernetes_groups"] == ["oves:developers"])
        let association = try #require(result.resource("aws_eks_access_policy_association", "eks"))
        #expect(association["depends_on"] == ["aws_eks_access_entry.eks"])
        #expect(
            association["access_scope"]?["type"]
                == "${length(each.value.namespaces) > 0 ? \"namespace\" : \"cluster\"}")
        let associations = try #require(association["for_each"]?.objectValue)
        let admin = "\(Self.admin) arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
        #expect(associations[admin]?["namespaces"] == [])
        let view = "\(Self.developer) arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
        #expect(associations[view]?["namespaces"] == ["dev", "prod"])
        #expect(associations[view]?["principal_arn"] == .string(Self.developer))
    }

    @Test("the API endpoint is private unless CIDRs are given, and never open to the whole internet")
    func endpoint() throws {
        let closed = synthesizeConstructs { cluster([]) }
        #expect(closed.resource("aws_eks_cluster", "eks")?["vpc_config"]?["endpoint_public_access"] == .bool(false))
        let open = synthesizeConstructs { cluster([], public: ["203.0.113.0/24"]) }
        #expect(open.diagnostics.errors.isEmpty, "\(open.errorLines)")
        #expect(open.resource("aws_eks_cluster", "eks")?["vpc_config"]?["endpoint_public_access"] == .bool(true))
        let world = cluster([], public: ["0.0.0.0/0"]).diagnostics(at: "prod/eks")
        #expect(world.contains { $0.severity == .error && $0.message.contains("not the whole internet") })
    }

    @Test("malformed or empty entries are reported with the principal in the path")
    func diagnostics() {
        let entries = [
            EKSAccessEntry(principalARN: "platform-admin", kubernetesGroups: ["oves:platform-admins"]),
            EKSAccessEntry(principalARN: Self.developer),
            EKSAccessEntry(principalARN: Self.admin, kubernetesGroups: ["system:masters"]),
            EKSAccessEntry(
                principalARN: Self.admin, policies: [.init(.clusterAdmin, namespaces: ["dev"]), .init(.clusterAdmin)]),
        ]
        let lines = cluster(entries).diagnostics(at: "prod/eks").filter { $0.severity == .error }.map {
            "\($0.path): \($0.message)"
        }
        #expect(lines.contains { $0.hasPrefix("prod/eks/access-entry/platform-admin: principal \"platform-admin\"") })
        #expect(
            lines.contains(
                "prod/eks/access-entry/\(Self.developer): the entry grants nothing: give Kubernetes groups or access policies"
            ))
        #expect(lines.contains { $0.contains("\"system:masters\" is empty or reserved") })
        #expect(lines.contains("prod/eks/access-entry/\(Self.admin): principal \(Self.admin) has two access entries"))
        #expect(lines.contains { $0.hasSuffix("applies cluster-wide; drop the namespaces") })
        #expect(lines.contains { $0.hasSuffix("AmazonEKSClusterAdminPolicy is associated twice") })
        #expect(lines.count == 6, "\(lines)")
        #expect(EKSAccessEntry.AccessPolicy.view.arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy")
    }
}
