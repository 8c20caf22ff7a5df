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

    /// The variables of the `s3` module.
    public static let variables: [ConstructVariable] = [
        ConstructVariable("bucket", "string", "The bucket's name"),
        ConstructVariable("log_bucket", "string", "The bucket receiving access logs (\"\" for none)"),
        ConstructVariable("is_log_bucket", "bool", "Whether S3 log delivery may write to this bucket"),
        ConstructVariable("transition_ia_days", "number", "Days until STANDARD_IA"),
        ConstructVariable("transition_archive_days", "number", "Days until the archive storage class"),
        ConstructVariable("archive_storage_class", "string", "GLACIER_IR, GLACIER or DEEP_ARCHIVE"),
        ConstructVariable("expiration_days", "number", "Days until current versions expire (0 = never)"),
        ConstructVariable("noncurrent_version_expiration_days", "number", "Days until old versions are deleted"),
        ConstructVariable("replica_bucket", "string", "Replica bucket name in the aws.replica region (\"\" for none)"),
        ConstructVariable("policy_statements", "any", "Extra bucket policy statements"),
        ConstructVariable("force_destroy", "bool", "Whether destroy may delete a non-empty bucket"),
        ConstructVariable("tags", "map(string)", "Tags for every resource"),
    ]

    /// The parameters as module inputs.
    public var inputs: [String: Expression] {
        [
            "bucket": .string(bucketName),
            "log_bucket": .string(logBucket ?? ""),
            "is_log_bucket": Expression(.bool(isLogBucket)),
            "transition_ia_days": Expression(.int(lifecycle.infrequentAccessAfterDays)),
            "transition_archive_days": Expression(.int(lifecycle.archiveAfterDays)),
            "archive_storage_class": .string(lifecycle.archiveStorageClass),
            "expiration_days": Expression(.int(lifecycle.expireAfterDays ?? 0)),
            "noncurrent_version_expiration_days": Expression(.int(lifecycle.noncurrentVersionExpirationDays)),
            "replica_bucket": .string(replicaBucketName ?? ""),
            "policy_statements": Expression(.list(policyStatements.map(\.expression.node))),
            "force_destroy": Expression(.bool(forceDestroy)),
            "tags": ConstructLiterals.map(tags),
        ]
    }

    /// The bucket's resources. Inside a module, the replica uses the `aws.replica` provider.
    public static func body(name: String, inputs: ConstructInputs) -> [any StackContent] {
        let n = ConstructNaming.local(name)
        let tags = inputs.stringMap("tags")
        var content: [any StackContent] = []
        let bucket = AWSS3Bucket(
            n, bucket: inputs.string("bucket"), forceDestroy: inputs.bool("force_destroy"), tags: tags)
        content.append(bucket)
        content += hardening(n, bucket: bucket.id, arn: bucket.arn, statements: inputs.hcl("policy_statements"))
        // Two variants with static rules; the one with current-version expiry is used when expiration_days > 0.
        let expires = "\(inputs.hcl("expiration_days")) > 0"
        for expiring in [false, true] {
            var tiering: [(String, Expression)] = [
                ("id", "tiering"), ("status", "Enabled"), ("filter", Expression.object([])),
                (
                    "transition",
                    .list([
                        Expression.object([("days", inputs["transition_ia_days"]), ("storage_class", "STANDARD_IA")]),
                        Expression.object([
                            ("days", inputs["transition_archive_days"]),
                            ("storage_class", inputs["archive_storage_class"]),
                        ]),
                    ])
                ),
            ]
            if expiring { tiering.append(("expiration", Expression.object([("days", inputs["expiration_days"])]))) }
            let rules = Expression.list([
                Expression.object([
                    ("id", "housekeeping"), ("status", "Enabled"), ("filter", Expression.object([])),
                    ("abort_incomplete_multipart_upload", Expression.object([("days_after_initiation", 7)])),
                    (
                        "noncurrent_version_expiration",
                        Expression.object([("noncurrent_days", inputs["noncurrent_version_expiration_days"])])
                    ),
                ]),
                Expression.object(tiering),
            ])
            var configuration = AWSS3BucketLifecycleConfiguration(expiring ? "\(n)_expiring" : n, bucket: bucket.id)
                .override("rule", rules)
            if let literal = ConstructLiterals.documentValue(inputs["expiration_days"].node),
                case .int(let days) = literal
            {
                if (days > 0) != expiring { continue }
            } else {
                configuration = configuration.count(.raw(expiring ? "\(expires) ? 1 : 0" : "\(expires) ? 0 : 1"))
            }
            content.append(configuration)
        }
        // Access logging to the log bucket; log buckets grant the S3 log-delivery group instead.
        content.append(
            AWSS3BucketLogging(
                n, bucket: bucket.id, targetBucket: inputs.string("log_bucket"),
                targetPrefix: "s3/\(inputs.string("bucket"))/"
            ).count(.raw("\(inputs.hcl("log_bucket")) != \"\" ? 1 : 0")))
        content.append(
            AWSS3BucketOwnershipControls(
                n, bucket: bucket.id,
                rule: .init(
                    objectOwnership: .raw(
                        "\(inputs.hcl("is_log_bucket")) ? \"BucketOwnerPreferred\" : \"BucketOwnerEnforced\""))))
        content.append(
            AWSS3BucketACL(n, bucket: bucket.id, acl: "log-delivery-write")
                .count(.raw("\(inputs.hcl("is_log_bucket")) ? 1 : 0"))
                .dependsOn(.resource(type: AWSS3BucketOwnershipControls.terraformType, name: n)))

        // Cross-region replication to a replica bucket through the aws.replica provider.
        if case .string(let replica) = inputs["replica_bucket"].node, replica.isEmpty { return content }
        let replicate = "\(inputs.hcl("replica_bucket")) != \"\" ? 1 : 0"
        let replicaProvider: ProviderReference? = inputs.areVariables ? .aws(alias: "replica") : nil
        var replica = AWSS3Bucket(
            "\(n)_replica", bucket: inputs.string("replica_bucket"), forceDestroy: inputs.bool("force_destroy"),
            tags: tags
        )
        .count(.raw(replicate))
        if let replicaProvider { replica = replica.provider(replicaProvider) }
        content.append(replica)
        var replicaHardening = hardening(
            "\(n)_replica", bucket: .raw("aws_s3_bucket.\(n)_replica[0].id"),
            arn: .raw("aws_s3_bucket.\(n)_replica[0].arn"),
            statements: "[]")
        replicaHardening = replicaHardening.map { element in
            guard var carrier = element as? any MetaArgumentCarrier & StackContent else { return element }
            carrier.meta.count = Expression.raw(replicate)
            if let replicaProvider { carrier.meta.provider = replicaProvider }
            return carrier
        }
        content += replicaHardening
        let trust = IAMPolicyDocument {
            IAMStatement(effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("s3.amazonaws.com")])
        }
        let role = AWSIAMRole(
            "\(n)_replication", assumeRolePolicy: trust.json, namePrefix: "s3-replication-", tags: tags
        )
        .count(.raw(replicate))
        content.append(role)
        let replicaARN: Expr<String> = .raw("aws_s3_bucket.\(n)_replica[0].arn")
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
            AWSIAMRolePolicy(
                "\(n)_replication", policy: permissions.json, role: .raw("aws_iam_role.\(n)_replication[0].id")
            )
            .count(.raw(replicate)))
        content.append(
            AWSS3BucketReplicationConfiguration(
                n, bucket: bucket.id, role: .raw("aws_iam_role.\(n)_replication[0].arn"),
                rule: [
                    .init(
                        destination: .init(bucket: replicaARN, storageClass: "STANDARD_IA"), status: "Enabled",
                        id: "replicate-all")
                ]
            )
            .override("rule.filter", Expression.object([]))
            .override("rule.delete_marker_replication", Expression.object([("status", "Enabled")]))
            .count(.raw(replicate))
            .dependsOn(
                .resource(type: AWSS3BucketVersioning.terraformType, name: n),
                .resource(type: AWSS3BucketVersioning.terraformType, name: "\(n)_replica")))
        return content
    }

    /// Versioning, AES-256 default encryption, public access block and a TLS-only policy.
    ///
    /// The TLS statement names its principal `{"AWS": "*"}`, which IAM treats exactly like `"*"`.
    static func hardening(
        _ n: String, bucket: Expr<String>, arn: Expr<String>, statements: String
    ) -> [any StackContent] {
        let tlsOnly = IAMStatement(
            sid: "DenyInsecureTransport", effect: .deny, actions: ["s3:*"], resources: [arn, "\(arn)/*"],
            principals: [.aws("*")], conditions: [.bool("aws:SecureTransport", "false")])
        let policy: Expr<String> = .raw(
            "jsonencode({ Version = \"2012-10-17\", Statement = concat([\(tlsOnly.expression.hcl)], \(statements)) })"
        )
        return [
            AWSS3BucketVersioning(n, bucket: bucket, versioningConfiguration: .init(status: "Enabled")),
            AWSS3BucketServerSideEncryptionConfiguration(
                n, bucket: bucket,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"), bucketKeyEnabled: true)]
            ),
            AWSS3BucketPublicAccessBlock(
                n, bucket: bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true,
                restrictPublicBuckets: true),
            AWSS3BucketPolicy(n, bucket: bucket, policy: policy)
                .dependsOn(.resource(type: AWSS3BucketPublicAccessBlock.terraformType, name: n)),
        ]
    }

    /// The bucket's exposed values.
    public static func outputs(name: String) -> [ConstructOutput] {
        let n = ConstructNaming.local(name)
        return [
            ConstructOutput("bucket_id", .reference("aws_s3_bucket", n, "id"), "The bucket's name"),
            ConstructOutput("bucket_arn", .reference("aws_s3_bucket", n, "arn"), "The bucket's ARN"),
            ConstructOutput(
                "replica_bucket_arn", .raw("one(aws_s3_bucket.\(n)_replica[*].arn)"), "The replica bucket's ARN, if any"
            ),
        ]
    }
}
