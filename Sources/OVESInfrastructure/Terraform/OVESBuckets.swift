// The production S3 buckets of the seed (backups, artifacts, logs, static assets), all
// through the `s3` module: versioned, AES-256, private, TLS-only, access-logged to
// oves-logs-prod, with lifecycle rules; backups are replicated to eu-central-1.

import InfraAWS
import InfraCore
import InfraTerraform

/// The production buckets.
public enum OVESBuckets {
    /// The buckets, keyed by module call name.
    public static func buckets(tags: [String: String]) -> [SecureBucket] {
        [
            SecureBucket(
                "logs", bucketName: OVESSettings.logBucket, logBucket: nil, isLogBucket: true,
                lifecycle: .init(
                    infrequentAccessAfterDays: 30, archiveAfterDays: 90, archiveStorageClass: "GLACIER",
                    expireAfterDays: 730),
                tags: tags),
            SecureBucket(
                "backups", bucketName: OVESSettings.backupsBucket, logBucket: OVESSettings.logBucket,
                lifecycle: .init(
                    infrequentAccessAfterDays: 30, archiveAfterDays: 90, archiveStorageClass: "GLACIER",
                    noncurrentVersionExpirationDays: 180),
                replicaBucketName: OVESSettings.backupsReplicaBucket, tags: tags),
            SecureBucket(
                "artifacts", bucketName: OVESSettings.artifactsBucket, logBucket: OVESSettings.logBucket,
                lifecycle: .init(
                    infrequentAccessAfterDays: 90, archiveAfterDays: 180, noncurrentVersionExpirationDays: 90),
                tags: tags),
            SecureBucket(
                "static", bucketName: OVESSettings.staticBucket, logBucket: OVESSettings.logBucket,
                lifecycle: .init(
                    infrequentAccessAfterDays: 90, archiveAfterDays: 365, noncurrentVersionExpirationDays: 30),
                tags: tags),
        ]
    }

    /// One `s3` module call per bucket; the replica provider is the EU one.
    ///
    /// Buckets that log to the log bucket depend on its module: S3 refuses access logging to a
    /// bucket that does not yet grant the log-delivery group (InvalidTargetBucketForLogging).
    public static func calls(tags: [String: String]) -> [ConstructModuleCall<SecureBucket>] {
        let all = buckets(tags: tags)
        let logCalls = all.filter(\.isLogBucket).map { "s3_\($0.name)" }
        return all.map { bucket in
            var call = bucket.call(
                "s3_\(bucket.name)", module: OVESModules.s3,
                providers: ["aws": .aws(), "aws.replica": .aws(alias: "eu")])
            if !bucket.isLogBucket { call.call.block.meta.dependsOn += logCalls.map { .module($0) } }
            return call
        }
    }
}
