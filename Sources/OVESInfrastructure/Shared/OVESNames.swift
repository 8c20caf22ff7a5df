// Organisation-wide OVES constants that both halves of the reference use: regions, the
// domain, the AWS account id placeholder, the ops contact, access groups and node group
// bounds. Environment-specific names live in `OVESEnvironment`.

/// OVES-wide names and constants.
///
/// ```swift
/// OVESNames.primaryRegion        // "us-east-1"
/// OVESNames.accountID            // placeholder until the real account id is configured
/// ```
public enum OVESNames {
    /// The primary region (both EKS clusters).
    public static let primaryRegion = "us-east-1"
    /// The secondary region (production databases, reached over VPC peering).
    public static let databaseRegion = "eu-central-1"
    /// The public domain.
    public static let domain = "omnivoltaic.com"
    /// The contact of the ACME (Let's Encrypt) account and of alerts.
    public static let devopsEmail = "devops@omnivoltaic.com"

    /// The AWS account id used in ARNs written into Kubernetes manifests.
    ///
    /// A documented placeholder (AWS's documentation account id): replace it with the real
    /// account id, or pass one to `OVESKubernetes.manifests(accountID:)`. Terraform's own ARNs
    /// come from `aws_caller_identity` and do not use this value.
    public static let accountID = "111122223333"

    /// The Kubernetes group of developers (mapped from IAM by EKS access entries): read-only in prod, edit in dev.
    public static let developersGroup = "oves:developers"
    /// The Kubernetes group of platform administrators (cluster-admin).
    public static let platformAdminsGroup = "oves:platform-admins"

    /// The StorageClass of every persistent volume (encrypted gp3 through the EBS CSI driver).
    public static let storageClassName = "ebs-sc"

    /// The size bounds the Cluster Autoscaler works within for each node group (Terraform sets
    /// them as the Auto Scaling groups' min/max; the autoscaler discovers them by tag).
    public static let autoscaledNodeGroupSize: ClosedRange<Int> = 2...10
}
