// `terraform/environments/prod`: the production VPC and EKS cluster in us-east-1 (general,
// compute- and memory-optimised node groups), IRSA roles, the production buckets, and the
// EU database VPC in eu-central-1 peered with the production VPC.

import InfraAWS
import InfraCore
import InfraTerraform

/// The production environment root.
public enum ProdEnvironment {
    static let tags = OVESSettings.tags(environment: "prod")

    /// The production VPC.
    public static var network: Network {
        Network(
            "prod", vpcName: "oves-prod", cidrBlock: OVESSettings.prodVPCCIDR,
            availabilityZones: OVESSettings.primaryZones,
            natGateways: .onePerZone, eksClusterNames: [OVESSettings.prodClusterName],
            peerCIDRBlocks: [OVESSettings.databaseVPCCIDR], tags: tags)
    }

    /// The EU database VPC (no internet access at all).
    public static var databaseNetwork: Network {
        Network(
            "database", vpcName: "oves-prod-database", cidrBlock: OVESSettings.databaseVPCCIDR,
            availabilityZones: OVESSettings.databaseZones, publicSubnets: false, databaseSubnets: true,
            natGateways: .none, peerCIDRBlocks: [OVESSettings.prodVPCCIDR], tags: tags)
    }

    /// The production node groups (seed: t3.large 3–10, c5.xlarge 2–5, r5.large 2–4).
    public static let nodeGroups = [
        EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 3, maxSize: 10, labels: ["workload": "general"]),
        EKSNodeGroup("compute", instanceTypes: ["c5.xlarge"], minSize: 2, maxSize: 5, labels: ["workload": "compute"]),
        EKSNodeGroup("memory", instanceTypes: ["r5.large"], minSize: 2, maxSize: 4, labels: ["workload": "memory"]),
    ]

    /// The module calls of the root, by name.
    struct Calls {
        let vpc: ConstructModuleCall<Network>
        let databaseVPC: ConstructModuleCall<Network>
        let eks: ConstructModuleCall<EKSCluster>
        let iam: ConstructModuleCall<WorkloadRoles>
        let peering: ConstructModuleCall<VPCPeering>
        let databases: ConstructModuleCall<DatabaseTier>
        let legacy: ConstructModuleCall<LegacyCompute>
        let buckets: [ConstructModuleCall<SecureBucket>]

        /// Every call, in declaration order.
        var all: [any TunableModuleCall] { [vpc, databaseVPC, eks, iam, peering, databases, legacy] + buckets }
    }

    /// The module calls of the root, wired to each other by typed outputs.
    static var calls: Calls {
        let vpc = network.call("vpc", module: OVESModules.vpc)
            .tunable(\.flowLogRetentionDays, as: "flow_log_retention_days")
        let databaseVPC = databaseNetwork.call(
            "database_vpc", module: OVESModules.vpc, providers: ["aws": .aws(alias: "eu")]
        )
        let configuration = OVESConfiguration.current
        let eks = EKSCluster(
            "prod", clusterName: OVESSettings.prodClusterName, kubernetesVersion: OVESSettings.kubernetesVersion,
            vpcID: vpc.outputs.vpcID, subnetIDs: vpc.outputs.privateSubnetIDs,
            endpointPublicAccess: !configuration.endpointPublicAccessCIDRs.isEmpty,
            publicAccessCIDRs: configuration.endpointPublicAccessCIDRs, nodeGroups: nodeGroups,
            addons: OVESAddons.addons(for: .prod),
            accessEntries: OVESAccess.entries(configuration), tags: tags
        ).call("eks", module: OVESModules.eks)
            .tunable(\.kubernetesVersion, as: "kubernetes_version")
            .tunable(\.logRetentionDays, as: "cluster_log_retention_days")
        let iam = WorkloadRoles(
            "prod", clusterName: OVESSettings.prodClusterName, oidcProviderARN: eks.outputs.oidcProviderARN,
            oidcIssuer: eks.outputs.oidcIssuer,
            roles: OVESWorkloadRoles.roles(cluster: OVESSettings.prodClusterName),
            tags: tags
        ).call("iam", module: OVESModules.iam)
        let peering = VPCPeering(
            "prod_to_database", connectionName: "oves-prod-to-database", requesterVPCID: vpc.outputs.vpcID,
            requesterCIDR: OVESSettings.prodVPCCIDR, accepterVPCID: databaseVPC.outputs.vpcID,
            accepterCIDR: OVESSettings.databaseVPCCIDR, accepterRegion: OVESSettings.databaseRegion,
            requesterRouteTables: vpc.outputs.privateRouteTableIDs,
            accepterRouteTables: databaseVPC.outputs.privateRouteTableIDs, tags: tags
        ).call("peering", module: OVESModules.networking, providers: ["aws": .aws(), "aws.peer": .aws(alias: "eu")])
        let databases = DatabaseTier(
            "prod", identifier: "oves-prod", vpcID: databaseVPC.outputs.vpcID,
            subnetIDs: databaseVPC.outputs.databaseSubnetIDs, allowedCIDRs: [OVESSettings.prodVPCCIDR], tags: tags
        ).call("rds", module: OVESModules.rds, providers: ["aws": .aws(alias: "eu")])
            .tunable(\.postgres, as: "postgres")
            .tunable(\.mysql, as: "mysql")
            .tunable(\.documentDBInstanceClass, as: "docdb_instance_class")
            .tunable(\.redisNodeType, as: "redis_node_type")
            .tunable(\.backupRetentionDays, as: "database_backup_retention_days")
        let legacy = LegacyCompute(
            "prod", groupName: "oves-prod-legacy", vpcID: vpc.outputs.vpcID,
            subnetIDs: vpc.outputs.privateSubnetIDs,
            instanceType: "t3.large", minSize: 2, maxSize: 4, appPorts: [8080],
            allowedCIDRs: [OVESSettings.prodVPCCIDR],
            tags: tags
        ).call("ec2", module: OVESModules.ec2)
            .tunable(\.instanceType, as: "legacy_instance_type")
            .tunable(\.volumeSize, as: "legacy_volume_size")
        return Calls(
            vpc: vpc, databaseVPC: databaseVPC, eks: eks, iam: iam, peering: peering, databases: databases,
            legacy: legacy, buckets: OVESBuckets.calls(tags: tags))
    }

    /// The root.
    public static var stack: Stack {
        let calls = self.calls
        var tfvars: [String: Value] = [:]
        for call in calls.all { tfvars.merge(call.tfvars) { first, _ in first } }
        let content: [any StackContent] = calls.all
        return Stack(
            "prod", directory: "terraform/environments/prod",
            settings: TerraformSettings(backend: OVESSettings.backend(key: "environments/prod/terraform.tfstate")),
            tfvars: tfvars
        ) {
            Provider.aws(
                region: Expr(.string(OVESSettings.primaryRegion)), defaultTags: Expr(ConstructLiterals.map(tags)))
            Provider.aws(
                region: Expr(.string(OVESSettings.databaseRegion)), alias: "eu",
                defaultTags: Expr(ConstructLiterals.map(tags)))
            content
            OVESConfigurationCheck()
            OVESVolumeBackups.policy(.prod, tags: tags)
            OVESSecretContainers.secrets(.prod, tags: tags)
            SharedFileSystem(
                "shared_files", fileSystemName: "oves-prod-shared", vpcID: calls.vpc.outputs.vpcID,
                subnetIDs: calls.vpc.outputs.privateSubnetIDs, allowedCIDRs: [OVESSettings.prodVPCCIDR], tags: tags)
            Output("vpc_id", calls.vpc.outputs.vpcID, description: "The production VPC")
            Output("cluster_name", calls.eks.outputs.clusterName, description: "The production cluster")
            // `infra-manifest apply` writes the manifests' kubeconfig from these (ManifestCluster).
            Output("cluster_endpoint", calls.eks.outputs.clusterEndpoint, description: "Its API server")
            Output(
                "cluster_certificate_authority_data", calls.eks.outputs.clusterCertificateAuthorityData,
                description: "Its API server's CA bundle (base64)")
        }
    }
}
