// `SecureBucket`: an S3 bucket that is private, versioned, encrypted (AES-256 by default),
// reachable only over TLS, access-logged to a log bucket, with lifecycle rules for cost and
// optional cross-region replication to a replica bucket through another provider alias.

import InfraCore
import InfraTerraform

/// An S3 bucket with secure defaults.
///
/// ```swift
/// SecureBucket("backups", bucketName: "oves-backups-prod", logBucket: "oves-logs-prod",
///              lifecycle: .init(infrequentAccessAfterDays: 30, archiveAfterDays: 90, archiveStorageClass: "GLACIER"))
/// ```
public struct SecureBucket: ModularConstruct {
    /// Lifecycle rules applied to every object: two storage-class transitions, optional
    /// expiry of current versions, deletion of old versions and of abandoned uploads.
    ///
    /// Every bucket tiers its objects; the rules are static blocks (no `dynamic` blocks), so
    /// policy scanners can follow them.
    public struct LifecycleRules: Sendable, Hashable {
        /// Days until objects move to STANDARD_IA (at least 30).
        public var infrequentAccessAfterDays: Int
        /// Days until objects move to the archive class (after the STANDARD_IA move).
        public var archiveAfterDays: Int
        /// The archive class: `GLACIER_IR` (millisecond reads), `GLACIER` or `DEEP_ARCHIVE`.
        public var archiveStorageClass: String
        /// Days until current versions expire; `nil` keeps them forever.
        public var expireAfterDays: Int?
        /// Days until noncurrent versions are deleted.
        public var noncurrentVersionExpirationDays: Int

        /// Creates rules.
        public init(
            infrequentAccessAfterDays: Int = 30, archiveAfterDays: Int = 90, archiveStorageClass: String = "GLACIER_IR",
            expireAfterDays: Int? = nil, noncurrentVersionExpirationDays: Int = 90
        ) {
            self.infrequentAccessAfterDays = infrequentAccessAfterDays
            self.archiveAfterDays = archiveAfterDays
            self.archiveStorageClass = archiveStorageClass
            self.expireAfterDays = expireAfterDays
            self.noncurrentVersionExpirationDays = noncurrentVersionExpirationDays
        }

        /// STANDARD_IA after 30 days, GLACIER_IR after 90, old versions deleted after 90.
        public static let standard = LifecycleRules()
    }

    /// The construct's name.
    public var name: String
    /// The globally unique bucket name.
    public var bucketName: String
    /// The bucket receiving access logs (`nil` only for a log bucket itself).
    public var logBucket: String?
    /// Whether this bucket receives S3 access logs (grants the log-delivery group write).
    public var isLogBucket: Bool
    /// Lifecycle rules.
    public var lifecycle: LifecycleRules
    /// The name of a replica bucket created through the module's `aws.replica` provider (nil = no replication).
    public var replicaBucketName: String?
    /// Extra bucket policy statements (the TLS-only statement is always present).
    public var policyStatements: [IAMStatement]
    /// Whether `terraform destroy` may delete a non-empty bucket (tests only).
    public var forceDestroy: Bool
    /// Tags for every resource.
    public var tags: [String: String]
    /// The former construct name, for `moved` blocks.
    public var formerName: String?

    /// Creates a bucket.
    public init(
        _ name: String, bucketName: String, logBucket: String?, isLogBucket: Bool = false,
        lifecycle: LifecycleRules = .standard, replicaBucketName: String? = nil, policyStatements: [IAMStatement] = [],
        forceDestroy: Bool = false, tags: [String: String] = [:], formerName: String? = nil
    ) {
        self.name = name
        self.bucketName = bucketName
        self.logBucket = logBucket
        self.isLogBucket = isLogBucket
        self.lifecycle = lifecycle
        self.replicaBucketName = replicaBucketName
        self.policyStatements = policyStatements
        self.forceDestroy = forceDestroy
        self.tags = tags
        self.formerName = formerName
    }

    /// Whether `name` follows the S3 bucket naming rules (3–63 characters, lowercase letters,
    /// digits, `.` and `-`, starting and ending with a letter or digit, not an IP address).
    public static func isValidBucketName(_ name: String) -> Bool {
        guard (3...63).contains(name.count), let first = name.first, let last = name.last else { return false }
        let allowed = name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "." || $0 == "-" }
        let edges = (first.isLowercase || first.isNumber) && (last.isLowercase || last.isNumber)
        let looksLikeIP =
            name.split(separator: ".").count == 4 && name.split(separator: ".").allSatisfy { Int($0) != nil }
        let reserved =
            name.hasPrefix("xn--") || name.hasPrefix("sthree-") || name.hasSuffix("-s3alias")
            || name.hasSuffix("--ol-s3") || name.contains("..")
        return allowed && edges && !looksLikeIP && !reserved
    }

    /// Naming and lifecycle problems.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (label, bucket) in [
            ("bucket", bucketName), ("log bucket", logBucket ?? "logs"),
            ("replica bucket", replicaBucketName ?? "replica"),
        ]
        where !Self.isValidBucketName(bucket) {
            result.append(
                .error(
                    path, "\(label) name \"\(bucket)\" is not a valid S3 bucket name",
                    hint: "3–63 lowercase letters, digits, . and -, starting and ending with a letter or digit"))
        }
        if logBucket == nil && !isLogBucket {
            result.append(.error(path, "bucket \(bucketName) has no access-log bucket", hint: "pass logBucket:"))
        }
        if logBucket == bucketName { result.append(.error(path, "bucket \(bucketName) cannot log to itself")) }
        let rules = lifecycle
        if rules.infrequentAccessAfterDays < 30 {
            result.append(.error(path, "objects can move to STANDARD_IA after 30 days at the earliest"))
        }
        if rules.archiveAfterDays < rules.infrequentAccessAfterDays + 30 {
            result.append(
                .error(path, "the archive transition must come at least 30 days after the STANDARD_IA transition"))
        }
        if !["GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"].contains(rules.archiveStorageClass) {
            result.append(
                .error(
                    path,
                    "\(rules.archiveStorageClass) is not an archive storage class (GLACIER_IR, GLACIER, DEEP_ARCHIVE)"))
        }
        if let expiry = rules.expireAfterDays, expiry <= rules.archiveAfterDays {
            result.append(.error(path, "objects expire before their last storage-class transition"))
        }
        if rules.noncurrentVersionExpirationDays < 1 {
            result.append(.error(path, "noncurrent versions must be kept at least one day"))
        }
        for (index, statement) in policyStatements.enumerated() where statement.principals.isEmpty {
            result.append(
                .error(path.appending("policy-statement", index: index), "bucket policy statements need principals"))
        }
        return result
    }

    /// The inputs of the `s3` module.
    public struct Inputs: ConstructInputSet {
        /// `bucket`: the bucket's name.
        public var bucket: Expr<String> = nil
        /// `log_bucket`: the bucket receiving access logs (`""` for none).
        public var logBucket: Expr<String> = nil
        /// `is_log_bucket`: whether S3 log delivery may write to this bucket.
        public var isLogBucket: Expr<Bool> = nil
        /// `transition_ia_days`: days until STANDARD_IA.
        public var transitionIADays: Expr<Double> = nil
        /// `transition_archive_days`: days until the archive storage class.
        public var transitionArchiveDays: Expr<Double> = nil
        /// `archive_storage_class`: GLACIER_IR, GLACIER or DEEP_ARCHIVE.
        public var archiveStorageClass: Expr<String> = nil
        /// `expiration_days`: days until current versions expire (0 = never).
        public var expirationDays: Expr<Double> = nil
        /// `noncurrent_version_expiration_days`: days until old versions are deleted.
        public var noncurrentVersionExpirationDays: Expr<Double> = nil
        /// `replica_bucket`: the replica bucket's name in the `aws.replica` region (`""` for none).
        public var replicaBucket: Expr<String> = nil
        /// `policy_statements`: extra bucket policy statements.
        public var policyStatements: Expr<Value> = nil
        /// `force_destroy`: whether destroy may delete a non-empty bucket.
        public var forceDestroy: Expr<Bool> = nil
        /// `tags`: tags for every resource.
        public var tags: Expr<[String: String]> = nil

        /// Every input `null`.
        public init() {}

        /// The variables of the `s3` module.
        public static var variables: [ConstructVariable<Inputs>] {
            [
                ConstructVariable(\.bucket, "bucket", "The bucket's name"),
                ConstructVariable(\.logBucket, "log_bucket", "The bucket receiving access logs (\"\" for none)"),
                ConstructVariable(\.isLogBucket, "is_log_bucket", "Whether S3 log delivery may write to this bucket"),
                ConstructVariable(\.transitionIADays, "transition_ia_days", "Days until STANDARD_IA"),
                ConstructVariable(
                    \.transitionArchiveDays, "transition_archive_days", "Days until the archive storage class"),
                ConstructVariable(
                    \.archiveStorageClass, "archive_storage_class", "GLACIER_IR, GLACIER or DEEP_ARCHIVE"),
                ConstructVariable(
                    \.expirationDays, "expiration_days", "Days until current versions expire (0 = never)"),
                ConstructVariable(
                    \.noncurrentVersionExpirationDays, "noncurrent_version_expiration_days",
                    "Days until old versions are deleted"),
                ConstructVariable(
                    \.replicaBucket, "replica_bucket", "Replica bucket name in the aws.replica region (\"\" for none)"),
                ConstructVariable(\.policyStatements, "policy_statements", "Extra bucket policy statements"),
                ConstructVariable(\.forceDestroy, "force_destroy", "Whether destroy may delete a non-empty bucket"),
                ConstructVariable(\.tags, "tags", "Tags for every resource"),
            ]
        }
    }

    /// The parameters as module inputs.
    public var inputs: Inputs {
        var inputs = Inputs()
        inputs.bucket = ConstructLiterals.string(bucketName)
        inputs.logBucket = ConstructLiterals.string(logBucket ?? "")
        inputs.isLogBucket = ConstructLiterals.bool(isLogBucket)
        inputs.transitionIADays = ConstructLiterals.number(lifecycle.infrequentAccessAfterDays)
        inputs.transitionArchiveDays = ConstructLiterals.number(lifecycle.archiveAfterDays)
        inputs.archiveStorageClass = ConstructLiterals.string(lifecycle.archiveStorageClass)
        inputs.expirationDays = ConstructLiterals.number(lifecycle.expireAfterDays ?? 0)
        inputs.noncurrentVersionExpirationDays = ConstructLiterals.number(lifecycle.noncurrentVersionExpirationDays)
        inputs.replicaBucket = ConstructLiterals.string(replicaBucketName ?? "")
        inputs.policyStatements = Expr(Expression(.list(policyStatements.map(\.expression.node))))
        inputs.forceDestroy = ConstructLiterals.bool(forceDestroy)
        inputs.tags = ConstructLiterals.stringMap(tags)
        return inputs
    }

    /// The values a bucket exposes: `bucket.outputs.bucketARN` (inlined) or `call.outputs.bucketARN` (module).
    public struct Outputs: Sendable {
        /// `bucket_id`: the bucket's name.
        public var bucketID: Expr<String>
        /// `bucket_arn`: the bucket's ARN.
        public var bucketARN: Expr<String>
        /// `replica_bucket_arn`: the replica bucket's ARN, `null` without a replica.
        public var replicaBucketARN: Expr<String>
        /// `log_target_bucket`: the bucket's name, read through a module call only once S3 log
        /// delivery may write to it (after its ACL grant). Pass it as another call's
        /// ``Inputs/logBucket`` with `input(\.logBucket, _:)`: only that call's logging then
        /// waits for the log bucket, not all of its blocks. Inlined, it is the name alone.
        public var logTargetBucket: Expr<String>
    }

    /// The bucket's resources and exposed values. Inside a module, the replica uses the `aws.replica` provider.
    public static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs> {
        let n = ConstructNaming.local(name)
        let tags = inputs.tags
        var content: [any StackContent] = []
        let bucket = AWSS3Bucket(n, bucket: inputs.bucket, forceDestroy: inputs.forceDestroy, tags: tags)
        content.append(bucket)
        content += hardening(n, bucket: bucket.id, arn: bucket.arn, statements: inputs.policyStatements.unsafeCast())
        // Two variants with static rules; the one with current-version expiry is used when expiration_days > 0.
        let expires = inputs.expirationDays > 0
        for expiring in [false, true] {
            let housekeeping = AWSS3BucketLifecycleConfiguration.Rule(
                id: "housekeeping", status: "Enabled", abortIncompleteMultipartUpload: [.init(daysAfterInitiation: 7)],
                filter: [.init()],
                noncurrentVersionExpiration: [.init(noncurrentDays: inputs.noncurrentVersionExpirationDays)])
            let tiering = AWSS3BucketLifecycleConfiguration.Rule(
                id: "tiering", status: "Enabled", expiration: expiring ? [.init(days: inputs.expirationDays)] : nil,
                filter: [.init()],
                transition: [
                    .init(storageClass: "STANDARD_IA", days: inputs.transitionIADays),
                    .init(storageClass: inputs.archiveStorageClass, days: inputs.transitionArchiveDays),
                ])
            var configuration = AWSS3BucketLifecycleConfiguration(
                expiring ? "\(n)_expiring" : n, bucket: bucket.id, rule: [housekeeping, tiering])
            if case .int(let days) = inputs.expirationDays.expression.node {
                if (days > 0) != expiring { continue }
            } else {
                configuration = configuration.count(.if(expires, then: expiring ? 1 : 0, else: expiring ? 0 : 1))
            }
            content.append(configuration)
        }
        // Access logging to the log bucket; log buckets grant the S3 log-delivery group instead.
        content.append(
            AWSS3BucketLogging(
                n, bucket: bucket.id, targetBucket: inputs.logBucket, targetPrefix: "s3/\(inputs.bucket)/"
            ).count(.if(inputs.logBucket .!= "", then: 1, else: 0)))
        let ownership = AWSS3BucketOwnershipControls(
            n, bucket: bucket.id,
            rule: .init(
                objectOwnership: .if(inputs.isLogBucket, then: "BucketOwnerPreferred", else: "BucketOwnerEnforced")))
        content.append(ownership)
        let logDeliveryGrant = AWSS3BucketACL(n, bucket: bucket.id, acl: "log-delivery-write")
            .count(.if(inputs.isLogBucket, then: 1, else: 0))
            .dependsOn(ownership.address)
        content.append(logDeliveryGrant)
        func outputs(_ output: ConstructOutputs, replicaARN: Expr<String>) -> Outputs {
            Outputs(
                bucketID: output("bucket_id", bucket.id, "The bucket's name"),
                bucketARN: output("bucket_arn", bucket.arn, "The bucket's ARN"),
                replicaBucketARN: output("replica_bucket_arn", replicaARN, "The replica bucket's ARN, if any"),
                logTargetBucket: output(
                    "log_target_bucket", inputs.bucket,
                    "The bucket's name, once S3 log delivery may write to it (after its ACL grant)",
                    dependsOn: [logDeliveryGrant.address]))
        }

        // Cross-region replication to a replica bucket through the aws.replica provider.
        if case .string(let replica) = inputs.replicaBucket.expression.node, replica.isEmpty {
            return ConstructBody(content) { outputs($0, replicaARN: nil) }
        }
        let replicate: Expr<Double> = .if(inputs.replicaBucket .!= "", then: 1, else: 0)
        let replicaProvider: ProviderReference? = inputs.areVariables ? .aws(alias: "replica") : nil
        var replica = AWSS3Bucket(
            "\(n)_replica", bucket: inputs.replicaBucket, forceDestroy: inputs.forceDestroy, tags: tags
        )
        .count(replicate)
        if let replicaProvider { replica = replica.provider(replicaProvider) }
        content.append(replica)
        content += hardening("\(n)_replica", bucket: replica[0].id, arn: replica[0].arn, statements: []).map {
            element in
            guard var carrier = element as? any MetaArgumentCarrier & StackContent else { return element }
            carrier.meta.count = replicate.expression
            if let replicaProvider { carrier.meta.provider = replicaProvider }
            return carrier
        }
        let trust = IAMPolicyDocument {
            IAMStatement(effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("s3.amazonaws.com")])
        }
        let role = AWSIAMRole(
            "\(n)_replication", assumeRolePolicy: trust.json, namePrefix: "s3-replication-", tags: tags
        )
        .count(replicate)
        content.append(role)
        let replicaARN = replica[0].arn
        let permissions = IAMPolicyDocument {
            IAMStatement(
                effect: .allow, actions: ["s3:GetReplicationConfiguration", "s3:ListBucket"], resources: [bucket.arn])
            IAMStatement(
                effect: .allow,
                actions: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
                resources: ["\(bucket.arn)/*"])
            IAMStatement(
                effect: .allow, actions: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                resources: ["\(replicaARN)/*"])
        }
        content.append(
            AWSIAMRolePolicy("\(n)_replication", policy: permissions.json, role: role[0].id).count(replicate))
        content.append(
            AWSS3BucketReplicationConfiguration(
                n, bucket: bucket.id, role: role[0].arn,
                rule: [
                    .init(
                        destination: .init(bucket: replicaARN, storageClass: "STANDARD_IA"), status: "Enabled",
                        deleteMarkerReplication: .init(status: "Enabled"), filter: .init(), id: "replicate-all")
                ]
            )
            .count(replicate)
            .dependsOn(
                .resource(type: AWSS3BucketVersioning.terraformType, name: n),
                .resource(type: AWSS3BucketVersioning.terraformType, name: "\(n)_replica")))
        return ConstructBody(content) { outputs($0, replicaARN: Fn.one(replica.all.arn)) }
    }

    /// Versioning, AES-256 default encryption, public access block and a TLS-only policy.
    ///
    /// The TLS statement names its principal `{"AWS": "*"}`, which IAM treats exactly like `"*"`.
    static func hardening(
        _ n: String, bucket: Expr<String>, arn: Expr<String>, statements: Expr<[Value]>
    ) -> [any StackContent] {
        let tlsOnly = IAMStatement(
            sid: "DenyInsecureTransport", effect: .deny, actions: ["s3:*"], resources: [arn, "\(arn)/*"],
            principals: [.aws("*")], conditions: [.bool("aws:SecureTransport", "false")])
        let policy = Fn.jsonencode(
            Expr<Value>.object([
                "Version": "2012-10-17" as Expr<String>,
                "Statement": Fn.concat([Expr<Value>(tlsOnly.expression)], statements),
            ]))
        let publicAccessBlock = AWSS3BucketPublicAccessBlock(
            n, bucket: bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true,
            restrictPublicBuckets: true)
        return [
            AWSS3BucketVersioning(n, bucket: bucket, versioningConfiguration: .init(status: "Enabled")),
            AWSS3BucketServerSideEncryptionConfiguration(
                n, bucket: bucket,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"), bucketKeyEnabled: true)]
            ),
            publicAccessBlock,
            AWSS3BucketPolicy(n, bucket: bucket, policy: policy).dependsOn(publicAccessBlock.address),
        ]
    }
}
