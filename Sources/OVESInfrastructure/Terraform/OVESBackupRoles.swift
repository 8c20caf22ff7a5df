// The IRSA roles of the database backup jobs: each may put objects under its own database's
// prefix of the backups bucket (and abort its own multipart uploads), nothing else — no reads,
// no listing, no deletes, so a compromised job can neither read nor destroy earlier backups
// (the bucket is versioned, so an overwrite keeps the earlier version).

import InfraAWS
import InfraCore

extension OVESWorkloadRoles {
    /// The upload roles of the database backup jobs; only the cluster that runs the databases has them.
    ///
    /// ```swift
    /// OVESWorkloadRoles.backupWriters(cluster: "oves-prod").map(\.name)   // ["mongodb-backup", …]
    /// ```
    public static func backupWriters(cluster: String) -> [IRSARole] {
        guard cluster == OVESDatabaseBackup.environment.clusterName else { return [] }
        return OVESDatabaseBackup.allCases.map { database in
            IRSARole(
                database.jobName, namespace: OVESDatabaseBackup.namespace,
                serviceAccount: database.role.serviceAccountName,
                policy: IAMPolicyDocument {
                    IAMStatement(
                        sid: "PutBackups", effect: .allow, actions: ["s3:PutObject", "s3:AbortMultipartUpload"],
                        resources: [ConstructLiterals.string(database.objectARNPattern)])
                })
        }
    }
}
