// OVES-wide constants the Kubernetes half adds to the Terraform side's `OVESSettings`: the
// AWS account id used in ARNs (from `OVESConfiguration`), the access groups, the storage class and the
// node group bounds of the Cluster Autoscaler.

/// OVES-wide names and constants used by the Kubernetes manifests.
///
/// ```swift
/// OVESNames.accountID            // OVESConfiguration.current.accountID
/// OVESNames.developersGroup      // "oves:developers"
/// ```
public enum OVESNames {
    /// The AWS account id used in ARNs written into Kubernetes manifests (IRSA roles, ECR images):
    /// ``OVESConfiguration/current`` (`OVES_CONFIG` / `OVES_ACCOUNT_ID`), the example account
    /// `111122223333` when neither is set. Terraform's own ARNs come from the provider.
    public static var accountID: String { OVESConfiguration.current.accountID }

    /// The Kubernetes group of developers (mapped from IAM by EKS access entries): read-only in prod, edit in dev.
    public static let developersGroup = "oves:developers"
    /// The Kubernetes group of platform administrators (cluster-admin).
    public static let platformAdminsGroup = "oves:platform-admins"

    /// The StorageClass of every persistent volume (encrypted gp3 through the EBS CSI driver).
    public static let storageClassName = "ebs-sc"

    /// The tag that puts an EBS volume under the daily DLM snapshot policy of its environment
    /// (`OVESVolumeBackups`): StorageClasses set it on the volumes they provision
    /// (`tagSpecification_1: "oves.io/backup=daily"`).
    public static let backupTag = (key: "oves.io/backup", value: "daily")

    /// The seed's Cluster Autoscaler bounds: at least 2 and at most 10 nodes per node group. The
    /// autoscaler discovers the groups by tag and works within each group's own min/max, which
    /// Terraform sets (the seed's per-group sizes, e.g. t3.large 3–10).
    public static let autoscaledNodeGroupSize: ClosedRange<Int> = 2...10

    /// Cluster Autoscaler releases by Kubernetes minor version (the autoscaler's minor must match the
    /// cluster's), for each minor EKS supports: the newest `cluster-autoscaler-1.N.P` tag of
    /// kubernetes/autoscaler in the copy checked (taken 2026-08-22); look for newer patches when bumping.
    public static let clusterAutoscalerReleases: [String: String] = [
        "1.32": "v1.32.7", "1.33": "v1.33.6", "1.34": "v1.34.5", "1.35": "v1.35.2", "1.36": "v1.36.1",
    ]
}
