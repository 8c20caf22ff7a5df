// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from modules/s3 (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform module `modules/s3`, converted from `main.tf.json`, `outputs.tf.json`, `variables.tf.json`.
public enum S3Module {
    /// The module, synthesized into `modules/s3` with the stacks that call it.
    public static let module = TerraformModule(
        "s3", directory: "modules/s3",
        settings: TerraformSettings(requiredVersion: nil, requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100", configurationAliases: ["replica"])])
    ) {
        let archiveStorageClass = Variable<String>(
            "archive_storage_class",
            description: "GLACIER_IR, GLACIER or DEEP_ARCHIVE"
        )
        archiveStorageClass
        let bucket = Variable<String>("bucket", description: "The bucket's name")
        bucket
        let expirationDays = Variable<Double>(
            "expiration_days",
            description: "Days until current versions expire (0 = never)"
        )
        expirationDays
        let forceDestroy = Variable<Bool>("force_destroy", description: "Whether destroy may delete a non-empty bucket")
        forceDestroy
        let isLogBucket = Variable<Bool>(
            "is_log_bucket",
            description: "Whether S3 log delivery may write to this bucket"
        )
        isLogBucket
        let logBucket = Variable<String>("log_bucket", description: "The bucket receiving access logs (\"\" for none)")
        logBucket
        let noncurrentVersionExpirationDays = Variable<Double>(
            "noncurrent_version_expiration_days",
            description: "Days until old versions are deleted"
        )
        noncurrentVersionExpirationDays
        let policyStatements = Variable<Value>("policy_statements", description: "Extra bucket policy statements")
        policyStatements
        let replicaBucket = Variable<String>(
            "replica_bucket",
            description: "Replica bucket name in the aws.replica region (\"\" for none)"
        )
        replicaBucket
        let tags = Variable<[String: String]>("tags", description: "Tags for every resource")
        tags
        let transitionArchiveDays = Variable<Double>(
            "transition_archive_days",
            description: "Days until the archive storage class"
        )
        transitionArchiveDays
        let transitionIaDays = Variable<Double>("transition_ia_days", description: "Days until STANDARD_IA")
        transitionIaDays
        let thisReplicationRole = AWSIAMRole(
            "this_replication",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["s3.amazonaws.com"]]]]] as Expression)),
            namePrefix: "s3-replication-",
            tags: tags.value
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
        thisReplicationRole
        let s3Bucket = AWSS3Bucket("this", bucket: bucket.value, forceDestroy: forceDestroy.value, tags: tags.value)
        s3Bucket
        let thisReplicaBucket = AWSS3Bucket(
            "this_replica",
            bucket: replicaBucket.value,
            forceDestroy: forceDestroy.value,
            tags: tags.value
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
            .provider(ProviderReference("aws", alias: "replica"))
        thisReplicaBucket
        let thisReplicationPolicy = AWSIAMRolePolicy(
            "this_replication",
            policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"], "Resource": [s3Bucket.arn.expression]], ["Effect": "Allow", "Action": ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], "Resource": ["\(s3Bucket.arn)/*"]], ["Effect": "Allow", "Action": ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], "Resource": ["\(thisReplicaBucket[0].arn)/*"]]]] as Expression)),
            role: thisReplicationRole[0].id
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
        thisReplicationPolicy
        let s3BucketLifecycleConfiguration = AWSS3BucketLifecycleConfiguration(
            "this",
            bucket: s3Bucket.id,
            rule: [
                .init(
                    id: "housekeeping",
                    status: "Enabled",
                    abortIncompleteMultipartUpload: [.init(daysAfterInitiation: 7)],
                    filter: [.init()],
                    noncurrentVersionExpiration: [.init(noncurrentDays: noncurrentVersionExpirationDays.value)]
                ),
                .init(
                    id: "tiering",
                    status: "Enabled",
                    filter: [.init()],
                    transition: [
                        .init(storageClass: "STANDARD_IA", days: transitionIaDays.value),
                        .init(storageClass: archiveStorageClass.value, days: transitionArchiveDays.value),
                    ]
                ),
            ]
        )
            .count(Expr<Double>.if((expirationDays.value > 0), then: 0, else: 1))
        s3BucketLifecycleConfiguration
        let thisExpiring = AWSS3BucketLifecycleConfiguration(
            "this_expiring",
            bucket: s3Bucket.id,
            rule: [
                .init(
                    id: "housekeeping",
                    status: "Enabled",
                    abortIncompleteMultipartUpload: [.init(daysAfterInitiation: 7)],
                    filter: [.init()],
                    noncurrentVersionExpiration: [.init(noncurrentDays: noncurrentVersionExpirationDays.value)]
                ),
                .init(
                    id: "tiering",
                    status: "Enabled",
                    expiration: [.init(days: expirationDays.value)],
                    filter: [.init()],
                    transition: [
                        .init(storageClass: "STANDARD_IA", days: transitionIaDays.value),
                        .init(storageClass: archiveStorageClass.value, days: transitionArchiveDays.value),
                    ]
                ),
            ]
        )
            .count(Expr<Double>.if((expirationDays.value > 0), then: 1, else: 0))
        thisExpiring
        let s3BucketLogging = AWSS3BucketLogging(
            "this",
            bucket: s3Bucket.id,
            targetBucket: logBucket.value,
            targetPrefix: "s3/\(bucket.value)/"
        )
            .count(Expr<Double>.if((logBucket.value .!= ""), then: 1, else: 0))
        s3BucketLogging
        let s3BucketOwnershipControls = AWSS3BucketOwnershipControls(
            "this",
            bucket: s3Bucket.id,
            rule: .init(
                objectOwnership: Expr<String>.if(isLogBucket.value, then: "BucketOwnerPreferred", else: "BucketOwnerEnforced")
            )
        )
        s3BucketOwnershipControls
        let s3BucketAcl = AWSS3BucketACL("this", bucket: s3Bucket.id, acl: "log-delivery-write")
            .count(Expr<Double>.if(isLogBucket.value, then: 1, else: 0))
            .dependsOn(s3BucketOwnershipControls.address)
        s3BucketAcl
        let s3BucketPublicAccessBlock = AWSS3BucketPublicAccessBlock(
            "this",
            bucket: s3Bucket.id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true
        )
        s3BucketPublicAccessBlock
        let s3BucketPolicy = AWSS3BucketPolicy(
            "this",
            bucket: s3Bucket.id,
            policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": Expression.call("concat", [["Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": ["s3:*"], "Resource": [s3Bucket.arn.expression, "\(s3Bucket.arn)/*"], "Principal": ["AWS": ["*"]], "Condition": ["Bool": ["aws:SecureTransport": ["false"]]]]], policyStatements.value.expression)] as Expression))
        )
            .dependsOn(s3BucketPublicAccessBlock.address)
        s3BucketPolicy
        let thisReplicaBlock = AWSS3BucketPublicAccessBlock(
            "this_replica",
            bucket: thisReplicaBucket[0].id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
            .provider(ProviderReference("aws", alias: "replica"))
        thisReplicaBlock
        let thisReplicaPolicy = AWSS3BucketPolicy(
            "this_replica",
            bucket: thisReplicaBucket[0].id,
            policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": Expression.call("concat", [["Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": ["s3:*"], "Resource": [thisReplicaBucket[0].arn.expression, "\(thisReplicaBucket[0].arn)/*"], "Principal": ["AWS": ["*"]], "Condition": ["Bool": ["aws:SecureTransport": ["false"]]]]], [])] as Expression))
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
            .provider(ProviderReference("aws", alias: "replica"))
            .dependsOn(thisReplicaBlock.address)
        thisReplicaPolicy
        let s3BucketServerSideEncryptionConfiguration = AWSS3BucketServerSideEncryptionConfiguration(
            "this",
            bucket: s3Bucket.id,
            rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"), bucketKeyEnabled: true)]
        )
        s3BucketServerSideEncryptionConfiguration
        let thisReplicaConfiguration = AWSS3BucketServerSideEncryptionConfiguration(
            "this_replica",
            bucket: thisReplicaBucket[0].id,
            rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"), bucketKeyEnabled: true)]
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
            .provider(ProviderReference("aws", alias: "replica"))
        thisReplicaConfiguration
        let s3BucketVersioning = AWSS3BucketVersioning(
            "this",
            bucket: s3Bucket.id,
            versioningConfiguration: .init(status: "Enabled")
        )
        s3BucketVersioning
        let thisReplicaVersioning = AWSS3BucketVersioning(
            "this_replica",
            bucket: thisReplicaBucket[0].id,
            versioningConfiguration: .init(status: "Enabled")
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
            .provider(ProviderReference("aws", alias: "replica"))
        thisReplicaVersioning
        let s3BucketReplicationConfiguration = AWSS3BucketReplicationConfiguration(
            "this",
            bucket: s3Bucket.id,
            role: thisReplicationRole[0].arn,
            rule: [
                .init(
                    destination: .init(bucket: thisReplicaBucket[0].arn, storageClass: "STANDARD_IA"),
                    status: "Enabled",
                    deleteMarkerReplication: .init(status: "Enabled"),
                    filter: .init(),
                    id: "replicate-all"
                ),
            ]
        )
            .count(Expr<Double>.if((replicaBucket.value .!= ""), then: 1, else: 0))
            .dependsOn(s3BucketVersioning.address, thisReplicaVersioning.address)
        s3BucketReplicationConfiguration
        Output("bucket_arn", s3Bucket.arn, description: "The bucket's ARN")
        Output("bucket_id", s3Bucket.id, description: "The bucket's name")
        Output(
            "log_target_bucket",
            bucket.value,
            description: "The bucket's name, once S3 log delivery may write to it (after its ACL grant)",
            dependsOn: [s3BucketAcl.address]
        )
        Output(
            "replica_bucket_arn",
            expression: Expression.call("one", thisReplicaBucket.all.arn.expression),
            description: "The replica bucket's ARN, if any"
        )
    }
}
