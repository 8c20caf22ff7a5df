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
    /// S3 refuses access logging to a bucket that does not yet grant the log-delivery group
    /// (InvalidTargetBucketForLogging), so the other buckets read the log bucket's name from its
    /// call's `log_target_bucket` output, which waits for that grant. Only their logging blocks
    /// wait; a `depends_on` on the whole log module held back every block, each bucket's
    /// lifecycle rules (about a minute of the provider's waiting) behind the log bucket's.
    public static func calls(tags: [String: String]) -> [ConstructModuleCall<SecureBucket>] {
        let all = buckets(tags: tags)
        let calls = all.map { bucket in
            bucket.call(
                "s3_\(bucket.name)", module: OVESModules.s3,
                providers: ["aws": .aws(), "aws.replica": .aws(alias: "eu")])
        }
        let logTargets = Dictionary(
            zip(all, calls).filter(\.0.isLogBucket).map { ($0.bucketName, $1.outputs.logTargetBucket) },
            uniquingKeysWith: { first, _ in first })
        return zip(all, calls).map { bucket, call in
            guard let logBucket = bucket.logBucket, let target = logTargets[logBucket] else { return call }
            return call.input(\.logBucket, target)
        }
    }
}
