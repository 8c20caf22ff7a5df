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

    /// The module calls of the root.
    static var calls: [ConstructModuleCall] {
        let vpc = network.call("vpc", module: OVESModules.vpc)
            .tunable(["flow_log_retention_days": "flow_log_retention_days"])
        let databaseVPC = databaseNetwork.call(
            "database_vpc", module: OVESModules.vpc, providers: ["aws": .aws(alias: "eu")]
        )
        let eks = EKSCluster(
            "prod", clusterName: OVESSettings.prodClusterName, kubernetesVersion: OVESSettings.kubernetesVersion,
            vpcID: vpc.output("vpc_id"), subnetIDs: vpc.output("private_subnet_ids"), nodeGroups: nodeGroups, tags: tags
        ).call("eks", module: OVESModules.eks)
            .tunable(["kubernetes_version": "kubernetes_version", "log_retention_days": "cluster_log_retention_days"])
        let iam = WorkloadRoles(
            "prod", clusterName: OVESSettings.prodClusterName, oidcProviderARN: eks.output("oidc_provider_arn"),
            oidcIssuer: eks.output("oidc_issuer"),
            roles: OVESWorkloadRoles.roles(cluster: OVESSettings.prodClusterName),
            tags: tags
        ).call("iam", module: OVESModules.iam)
        let peering = VPCPeering(
            "prod_to_database", connectionName: "oves-prod-to-database", requesterVPCID: vpc.output("vpc_id"),
            requesterCIDR: OVESSettings.prodVPCCIDR, accepterVPCID: databaseVPC.output("vpc_id"),
            accepterCIDR: OVESSettings.databaseVPCCIDR, accepterRegion: OVESSettings.databaseRegion,
            requesterRouteTables: vpc.output("private_route_table_ids"),
            accepterRouteTables: databaseVPC.output("private_route_table_ids"), tags: tags
        ).call("peering", module: OVESModules.networking, providers: ["aws": .aws(), "aws.peer": .aws(alias: "eu")])
        let databases = DatabaseTier(
            "prod", identifier: "oves-prod", vpcID: databaseVPC.output("vpc_id"),
            subnetIDs: databaseVPC.output("database_subnet_ids"), allowedCIDRs: [OVESSettings.prodVPCCIDR], tags: tags
        ).call("rds", module: OVESModules.rds, providers: ["aws": .aws(alias: "eu")])
            .tunable([
                "postgres": "postgres", "mysql": "mysql", "docdb_instance_class": "docdb_instance_class",
                "redis_node_type": "redis_node_type", "backup_retention_days": "database_backup_retention_days",
            ])
        let legacy = LegacyCompute(
            "prod", groupName: "oves-prod-legacy", vpcID: vpc.output("vpc_id"),
            subnetIDs: vpc.output("private_subnet_ids"),
            instanceType: "t3.large", minSize: 2, maxSize: 4, appPorts: [8080],
            allowedCIDRs: [OVESSettings.prodVPCCIDR],
            tags: tags
        ).call("ec2", module: OVESModules.ec2)
            .tunable(["instance_type": "legacy_instance_type", "volume_size": "legacy_volume_size"])
        return [vpc, databaseVPC, eks, iam, peering, databases, legacy] + OVESBuckets.calls(tags: tags)
    }

    /// The root.
    public static var stack: Stack {
        let calls = self.calls
        var tfvars: [String: Value] = [:]
        for call in calls { tfvars.merge(call.tfvars) { first, _ in first } }
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
            calls
            SharedFileSystem(
                "shared_files", fileSystemName: "oves-prod-shared", vpcID: calls[0].output("vpc_id"),
                subnetIDs: calls[0].output("private_subnet_ids"), allowedCIDRs: [OVESSettings.prodVPCCIDR], tags: tags)
            Output("vpc_id", calls[0].output("vpc_id") as Expr<String>, description: "The production VPC")
            Output(
                "cluster_name", calls[2].output("cluster_name") as Expr<String>, description: "The production cluster")
        }
    }
}
