// The daily logical backups of the production databases (seed §5): where each one's dumps go in
// the backups bucket and which ServiceAccount uploads them. Terraform grants the upload role
// (`OVESWorkloadRoles.backupWriters`) and the Kubernetes CronJobs use it; both read this value.

/// A production database whose dumps a daily CronJob uploads to `oves-backups-prod`.
///
/// ```swift
/// OVESDatabaseBackup.postgresql.prefix            // "postgresql/"
/// OVESDatabaseBackup.postgresql.objectARNPattern  // "arn:aws:s3:::oves-backups-prod/postgresql/*"
/// OVESDatabaseBackup.postgresql.role.subject      // "system:serviceaccount:databases:postgresql-backup"
/// ```
public enum OVESDatabaseBackup: String, Sendable, Hashable, CaseIterable {
    /// MongoDB (`mongodump --archive --gzip`).
    case mongodb
    /// PostgreSQL (`pg_dump` of every database plus the roles).
    case postgresql
    /// Redis (`redis-cli --rdb`).
    case redis

    /// The environment whose cluster runs the databases.
    public static let environment = OVESEnvironment.prod
    /// The namespace of the databases and their backup jobs.
    public static let namespace = ProdCluster.databases
    /// The bucket the dumps go to, from `OVESSettings`.
    public static let bucket = OVESSettings.backupsBucket

    /// The key prefix of this database's dumps (`postgresql/`); each run writes under `<prefix><UTC time>/`.
    public var prefix: String { "\(rawValue)/" }

    /// The objects the upload role may write: this database's prefix, nothing else.
    public var objectARNPattern: String { "arn:aws:s3:::\(Self.bucket)/\(prefix)*" }

    /// The CronJob's and its ServiceAccount's name (`postgresql-backup`).
    public var jobName: String { "\(rawValue)-backup" }

    /// The IRSA role the upload assumes: `<cluster>-<database>-backup`, trusting `databases/<database>-backup`.
    public var role: OVESServiceAccountRole {
        OVESServiceAccountRole(
            roleName: "\(Self.environment.clusterName)-\(jobName)", namespace: Self.namespace,
            serviceAccountName: jobName)
    }
}
