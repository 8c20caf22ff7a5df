// `terraform/shared`: what both environments use — the Terraform state bucket and lock
// table (main), the Route53 zone for China-accessible domains (route53), alerting and log
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

    /// The root.
    public static var stack: Stack {
        Stack(
            "shared", directory: "terraform/shared",
            settings: TerraformSettings(backend: OVESSettings.backend(key: "shared/terraform.tfstate"))
        ) {
            Provider.aws(
                region: Expr(.string(OVESSettings.primaryRegion)), defaultTags: Expr(ConstructLiterals.map(tags)))
            stateBackend
            OVESSharedServices.content(tags: tags)
        }
    }
}
