// `terraform/shared`: what both environments use — the Terraform state bucket and lock
// table (main; adopted with import blocks from `bootstrap`), the Route53 zone for China-accessible domains (route53), alerting and log
// groups (cloudwatch).

import InfraAWS
import InfraCore
import InfraTerraform

/// The shared root.
public enum SharedRoot {
    static let tags = OVESSettings.tags(environment: "shared")

    /// The state backend.
    public static let stateBackend = StateBackend(
        "state", bucketName: OVESSettings.stateBucket, lockTable: OVESSettings.lockTable,
        region: OVESSettings.primaryRegion, logBucket: OVESSettings.logBucket, tags: tags)

    /// The `import` blocks that adopt what `infra-manifest bootstrap` created before any root could
    /// run (the state bucket with its versioning, encryption and public access block, and the lock
    /// table), so the shared root's first apply takes them over instead of failing to create them.
    /// The addresses are those `bootstrap` prints for `StateBackend("state", …)`.
    public static var bootstrapImports: [Import] {
        let name = ConstructNaming.local(stateBackend.name)
        let bucket = Expr<String>(.string(OVESSettings.stateBucket))
        return [
            Import(AWSS3Bucket.self, named: name, id: bucket),
            Import(AWSS3BucketVersioning.self, named: name, id: bucket),
            Import(AWSS3BucketServerSideEncryptionConfiguration.self, named: name, id: bucket),
            Import(AWSS3BucketPublicAccessBlock.self, named: name, id: bucket),
            Import(AWSDynamoDBTable.self, named: name + "_locks", id: Expr(.string(OVESSettings.lockTable))),
        ]
    }

    /// What the shared root publishes for other roots (read by the dns root through `RemoteRoot`).
    public struct Outputs: RootOutputs {
        /// The name servers of the cn.omnivoltaic.com zone, which Cloudflare delegates to.
        public var chinaZoneNameServers: RootOutput<[String]>
    }

    /// The published values.
    public static var outputs: Outputs {
        let zone = ConstructNaming.local(OVESSharedServices.chinaZone.name)
        return Outputs(
            chinaZoneNameServers: RootOutput(
                "china_zone_name_servers", Expr(.reference("aws_route53_zone", zone, "name_servers")),
                description: "Name servers of \(OVESSettings.chinaZone), delegated to from Cloudflare"))
    }

    /// The root.
    public static var stack: Stack {
        Stack(
            "shared", directory: "terraform/shared",
            settings: TerraformSettings(backend: OVESSettings.backend(key: "shared/terraform.tfstate"))
        ) {
            Provider.aws(
                region: Expr(.string(OVESSettings.primaryRegion)), defaultTags: Expr(ConstructLiterals.map(tags)))
            stateBackend
            bootstrapImports
            outputs
            OVESSharedServices.content(tags: tags)
            OVESContainerRegistry.content(tags: tags)
        }
    }
}
