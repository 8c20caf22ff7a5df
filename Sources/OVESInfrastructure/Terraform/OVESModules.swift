// The reusable Terraform modules of the OVES reference (`terraform/modules/*`), each one
// a construct packaged with its variables and outputs, called from the environments.

import InfraAWS
import InfraCore
import InfraTerraform

/// The modules under `terraform/modules/`.
public enum OVESModules {
    /// `modules/vpc`: `Network`.
    public static let vpc = TerraformModule.construct(Network.self, "vpc", directory: "terraform/modules/vpc")
    /// `modules/eks`: `EKSCluster`.
    public static let eks = TerraformModule.construct(EKSCluster.self, "eks", directory: "terraform/modules/eks")
    /// `modules/iam`: `WorkloadRoles` (IRSA).
    public static let iam = TerraformModule.construct(WorkloadRoles.self, "iam", directory: "terraform/modules/iam")
    /// `modules/s3`: `SecureBucket`; the replica uses the `aws.replica` provider.
    public static let s3 = TerraformModule.construct(
        SecureBucket.self, "s3", directory: "terraform/modules/s3", configurationAliases: ["replica"])
    /// `modules/networking`: `VPCPeering`; the accepter uses the `aws.peer` provider.
    public static let networking = TerraformModule.construct(
        VPCPeering.self, "networking", directory: "terraform/modules/networking", configurationAliases: ["peer"])
    /// `modules/ec2`: `LegacyCompute`.
    public static let ec2 = TerraformModule.construct(LegacyCompute.self, "ec2", directory: "terraform/modules/ec2")
    /// `modules/rds`: `DatabaseTier`.
    public static let rds = TerraformModule.construct(DatabaseTier.self, "rds", directory: "terraform/modules/rds")
}
