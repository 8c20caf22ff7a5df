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

    /// The module calls of the root, by name.
    struct Calls {
        let vpc: ConstructModuleCall<Network>
        let eks: ConstructModuleCall<EKSCluster>
        let iam: ConstructModuleCall<WorkloadRoles>
        let legacy: ConstructModuleCall<LegacyCompute>

        /// Every call, in declaration order.
        var all: [any TunableModuleCall] { [vpc, eks, iam, legacy] }
    }

    /// The module calls of the root, wired to each other by typed outputs.
    static var calls: Calls {
        let vpc = network.call("vpc", module: OVESModules.vpc)
            .tunable(\.flowLogRetentionDays, as: "flow_log_retention_days")
        let configuration = OVESConfiguration.current
        let eks = EKSCluster(
            "dev", clusterName: OVESSettings.devClusterName, kubernetesVersion: OVESSettings.kubernetesVersion,
            vpcID: vpc.outputs.vpcID, subnetIDs: vpc.outputs.privateSubnetIDs,
            endpointPublicAccess: !configuration.endpointPublicAccessCIDRs.isEmpty,
            publicAccessCIDRs: configuration.endpointPublicAccessCIDRs, nodeGroups: nodeGroups,
            addons: OVESAddons.addons(for: .dev),
            accessEntries: OVESAccess.entries(configuration),
            logRetentionDays: 90, tags: tags
        ).call("eks", module: OVESModules.eks)
            .tunable(\.kubernetesVersion, as: "kubernetes_version")
            .tunable(\.logRetentionDays, as: "cluster_log_retention_days")
        let iam = WorkloadRoles(
            "dev", clusterName: OVESSettings.devClusterName, oidcProviderARN: eks.outputs.oidcProviderARN,
            oidcIssuer: eks.outputs.oidcIssuer, roles: OVESWorkloadRoles.roles(cluster: OVESSettings.devClusterName),
            tags: tags
        ).call("iam", module: OVESModules.iam)
        let legacy = LegacyCompute(
            "dev", groupName: "oves-dev-legacy", vpcID: vpc.outputs.vpcID,
            subnetIDs: vpc.outputs.privateSubnetIDs,
            instanceType: "t3.medium", minSize: 1, maxSize: 2, appPorts: [8080],
            allowedCIDRs: [OVESSettings.devVPCCIDR],
            snapshotRetentionDays: 7, tags: tags
        ).call("ec2", module: OVESModules.ec2)
            .tunable(\.instanceType, as: "legacy_instance_type")
            .tunable(\.volumeSize, as: "legacy_volume_size")
        return Calls(vpc: vpc, eks: eks, iam: iam, legacy: legacy)
    }

    /// The root.
    public static var stack: Stack {
        let calls = self.calls
        var tfvars: [String: Value] = [:]
        for call in calls.all { tfvars.merge(call.tfvars) { first, _ in first } }
        let content: [any StackContent] = calls.all
        return Stack(
            "dev", directory: "terraform/environments/dev",
            settings: TerraformSettings(backend: OVESSettings.backend(key: "environments/dev/terraform.tfstate")),
            tfvars: tfvars
        ) {
            Provider.aws(
                region: Expr(.string(OVESSettings.primaryRegion)), defaultTags: Expr(ConstructLiterals.map(tags)))
            content
            OVESVolumeBackups.policy(.dev, tags: tags)
            OVESSecretContainers.secrets(.dev, tags: tags)
            Output("vpc_id", calls.vpc.outputs.vpcID, description: "The development VPC")
            Output("cluster_name", calls.eks.outputs.clusterName, description: "The development cluster")
            // `infra-manifest apply` writes the manifests' kubeconfig from these (ManifestCluster).
            Output("cluster_endpoint", calls.eks.outputs.clusterEndpoint, description: "Its API server")
            Output(
                "cluster_certificate_authority_data", calls.eks.outputs.clusterCertificateAuthorityData,
                description: "Its API server's CA bundle (base64)")
        }
    }
}
