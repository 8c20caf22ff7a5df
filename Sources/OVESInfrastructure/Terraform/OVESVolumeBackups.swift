// Daily snapshots of the Kubernetes volumes (seed §5): every EBS volume tagged
// `oves.io/backup=daily` (`OVESNames.backupTag`, set by the StorageClasses) is snapshotted at
// 03:00 UTC by DLM, kept 14 days in prod and 7 in dev (like the legacy EC2 volumes).

import InfraAWS

/// The DLM snapshot policies of the OVES environments.
public enum OVESVolumeBackups {
    /// Snapshots kept in production (days).
    public static let prodRetentionDays = 14
    /// Snapshots kept in development (days).
    public static let devRetentionDays = 7

    /// The policy of an environment's cluster volumes.
    public static func policy(_ environment: OVESEnvironment, tags: [String: String]) -> EBSSnapshotPolicy {
        EBSSnapshotPolicy(
            "\(environment.rawValue)_volumes", label: "\(environment.clusterName)-volumes",
            targetTags: [OVESNames.backupTag.key: OVESNames.backupTag.value],
            retentionDays: environment == .prod ? prodRetentionDays : devRetentionDays, tags: tags)
    }
}
