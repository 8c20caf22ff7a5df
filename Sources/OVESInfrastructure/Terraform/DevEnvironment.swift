// `terraform/environments/dev`: the development VPC (one shared NAT gateway) and EKS
// cluster in us-east-1 — general t3.medium nodes (2–8) and a mixed spot group — with the
// same IRSA roles as production.

import InfraAWS
import InfraCore
import InfraTerraform

/// The development environment root.
public enum DevEnvironment {
    static let tags = OVESSettings.tags(environment: "dev")

    /// The development VPC.
    public static var network: Network {
        Network(
            "dev", vpcName: "oves-dev", cidrBlock: OVESSettings.devVPCCIDR,
            availabilityZones: OVESSettings.primaryZones,
            natGateways: .single, eksClusterNames: [OVESSettings.devClusterName], flowLogRetentionDays: 90, tags: tags)
    }

    /// The development node groups (seed: t3.medium 2–8, plus mixed spot instances).
    public static let nodeGroups = [
        EKSNodeGroup("general", instanceTypes: ["t3.medium"], minSize: 2, maxSize: 8, labels: ["workload": "general"]),
        EKSNodeGroup(
            "spot", instanceTypes: ["t3.medium", "t3a.medium", "t3.large", "t3a.large"], capacity: .spot, minSize: 0,
            maxSize: 6, desiredSize: 1, labels: ["workload": "spot"],
            taints: [EKSNodeGroup.Taint(key: "capacity", value: "spot", effect: "PREFER_NO_SCHEDULE")]),
    ]

    /// The module calls of the root.
    static var calls: [ConstructModuleCall] {
        let vpc = network.call("vpc", module: OVESModules.vpc)
            .tunable(["flow_log_retention_days": "flow_log_retention_days"])
        let eks = EKSCluster(
            "dev", clusterName: OVESSettings.devClusterName, kubernetesVersion: OVESSettings.kubernetesVersion,
            vpcID: vpc.output("vpc_id"), subnetIDs: vpc.output("private_subnet_ids"), nodeGroups: nodeGroups,
            logRetentionDays: 90, tags: tags
        ).call("eks", module: OVESModules.eks)
            .tunable(["kubernetes_version": "kubernetes_version", "log_retention_days": "cluster_log_retention_days"])
        let iam = WorkloadRoles(
            "dev", clusterName: OVESSettings.devClusterName, oidcProviderARN: eks.output("oidc_provider_arn"),
            oidcIssuer: eks.output("oidc_issuer"), roles: OVESWorkloadRoles.roles(cluster: OVESSettings.devClusterName),
            tags: tags
        ).call("iam", module: OVESModules.iam)
        let legacy = LegacyCompute(
            "dev", groupName: "oves-dev-legacy", vpcID: vpc.output("vpc_id"),
            subnetIDs: vpc.output("private_subnet_ids"),
            instanceType: "t3.medium", minSize: 1, maxSize: 2, appPorts: [8080],
            allowedCIDRs: [OVESSettings.devVPCCIDR],
            snapshotRetentionDays: 7, tags: tags
        ).call("ec2", module: OVESModules.ec2)
            .tunable(["instance_type": "legacy_instance_type", "volume_size": "legacy_volume_size"])
        return [vpc, eks, iam, legacy]
    }

    /// The root.
    public static var stack: Stack {
        let calls = self.calls
        var tfvars: [String: Value] = [:]
        for call in calls { tfvars.merge(call.tfvars) { first, _ in first } }
        return Stack(
            "dev", directory: "terraform/environments/dev",
            settings: TerraformSettings(backend: OVESSettings.backend(key: "environments/dev/terraform.tfstate")),
            tfvars: tfvars
        ) {
            Provider.aws(
                region: Expr(.string(OVESSettings.primaryRegion)), defaultTags: Expr(ConstructLiterals.map(tags)))
            calls
            Output("vpc_id", calls[0].output("vpc_id") as Expr<String>, description: "The development VPC")
            Output(
                "cluster_name", calls[1].output("cluster_name") as Expr<String>, description: "The development cluster")
        }
    }
}
