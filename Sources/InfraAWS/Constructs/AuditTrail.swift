// `AuditTrail`: a multi-region CloudTrail with log file validation, encrypted with a
// rotating customer key, delivered to a secure bucket and to CloudWatch Logs.

import InfraCore
import InfraTerraform

/// A multi-region, validated, encrypted CloudTrail.
///
/// ```swift
/// AuditTrail("audit", trailName: "oves-audit", bucketName: "oves-cloudtrail-logs", logBucket: "oves-logs-prod")
/// ```
public struct AuditTrail: StackContent {
    /// The construct's name.
    public var name: String
    /// The trail's name.
    public var trailName: String
    /// The bucket receiving trail files.
    public var bucketName: String
    /// The bucket receiving that bucket's access logs.
    public var logBucket: String
    /// Days the CloudWatch copy is kept.
    public var retentionDays: Int
    /// Tags.
    public var tags: [String: String]

    /// Creates the trail.
    public init(
        _ name: String, trailName: String, bucketName: String, logBucket: String, retentionDays: Int = 365,
        tags: [String: String] = [:]
    ) {
        self.name = name
        self.trailName = trailName
        self.bucketName = bucketName
        self.logBucket = logBucket
        self.retentionDays = retentionDays
        self.tags = tags
    }

    /// Key, bucket, log group, delivery role and trail.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        var diagnostics: [Diagnostic] = []
        if !Alarms.retentionValues.contains(retentionDays) {
            diagnostics.append(.error(path, "\(retentionDays) days is not a CloudWatch Logs retention value"))
        }
        if trailName.isEmpty || trailName.count > 128 {
            diagnostics.append(.error(path, "trail name must be 1–128 characters"))
        }
        let n = ConstructNaming.local(name)
        let tagValue = Expr<[String: String]>(ConstructLiterals.map(tags))
        let account = DataAWSCallerIdentity("\(n)_current")
        let accountID: Expr<String> = account.accountId
        let trailARN: Expr<String> = "arn:aws:cloudtrail:*:\(accountID):trail/*"
        let keyPolicy = IAMPolicyDocument {
            IAMStatement(
                sid: "AccountAdministers", effect: .allow, actions: ["kms:*"], resources: ["*"],
                principals: [.aws("arn:aws:iam::\(accountID):root")])
            IAMStatement(
                sid: "CloudTrailEncrypts", effect: .allow, actions: ["kms:GenerateDataKey*"], resources: ["*"],
                principals: [.service("cloudtrail.amazonaws.com")],
                conditions: [.stringLike("kms:EncryptionContext:aws:cloudtrail:arn", trailARN)])
            IAMStatement(
                sid: "CloudTrailDescribes", effect: .allow, actions: ["kms:DescribeKey"], resources: ["*"],
                principals: [.service("cloudtrail.amazonaws.com")])
            IAMStatement(
                sid: "AccountDecrypts", effect: .allow, actions: ["kms:Decrypt", "kms:ReEncryptFrom"], resources: ["*"],
                principals: [.aws("arn:aws:iam::\(accountID):root")],
                conditions: [.stringLike("kms:EncryptionContext:aws:cloudtrail:arn", trailARN)])
        }
        let key = AWSKMSKey(
            "\(n)_trail", deletionWindowInDays: 30, description: Expr(.string("CloudTrail \(trailName)")),
            enableKeyRotation: true, policy: keyPolicy.json, tags: tagValue)
        let bucketARN = "arn:aws:s3:::\(bucketName)"
        let bucket = SecureBucket(
            "\(name)-bucket", bucketName: bucketName, logBucket: logBucket,
            lifecycle: .init(
                infrequentAccessAfterDays: 90, archiveAfterDays: 180, archiveStorageClass: "GLACIER",
                noncurrentVersionExpirationDays: 90),
            policyStatements: [
                IAMStatement(
                    sid: "CloudTrailAclCheck", effect: .allow, actions: ["s3:GetBucketAcl"],
                    resources: [Expr(.string(bucketARN))],
                    principals: [.service("cloudtrail.amazonaws.com")]),
                IAMStatement(
                    sid: "CloudTrailWrite", effect: .allow, actions: ["s3:PutObject"],
                    resources: ["\(Expression.string(bucketARN))/AWSLogs/\(accountID)/*"],
                    principals: [.service("cloudtrail.amazonaws.com")],
                    conditions: [.stringEquals("s3:x-amz-acl", "bucket-owner-full-control")]),
            ], tags: tags)
        let logGroup = AWSCloudWatchLogGroup(
            "\(n)_trail", name: Expr(.string("/aws/cloudtrail/\(trailName)")),
            retentionInDays: ConstructLiterals.number(retentionDays),
            tags: tagValue)
        let trust = IAMPolicyDocument {
            IAMStatement(
                effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("cloudtrail.amazonaws.com")])
        }
        let role = AWSIAMRole(
            "\(n)_trail", assumeRolePolicy: trust.json, namePrefix: Expr(.string("\(trailName)-logs-")),
            tags: tagValue)
        let write = IAMPolicyDocument {
            IAMStatement(
                effect: .allow, actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: ["\(logGroup.arn):*"]
            )
        }
        let bucketN = ConstructNaming.local("\(name)-bucket")
        let trail = AWSCloudTrail(
            n, name: Expr(.string(trailName)), s3BucketName: Expr(.reference("aws_s3_bucket", bucketN, "id")),
            cloudWatchLogsGroupArn: "\(logGroup.arn):*", cloudWatchLogsRoleArn: role.arn, enableLogFileValidation: true,
            enableLogging: true, includeGlobalServiceEvents: true, isMultiRegionTrail: true, kmsKeyId: key.arn,
            tags: tagValue
        ).dependsOn(.resource(type: AWSS3BucketPolicy.terraformType, name: bucketN))
        let content: [any StackContent] = [
            account, key,
            AWSKMSAlias("\(n)_trail", targetKeyId: key.keyId, name: Expr(.string("alias/cloudtrail/\(trailName)"))),
            logGroup, role, AWSIAMRolePolicy("\(n)_trail", policy: write.json, role: role.id), trail,
        ]
        return diagnostics.map(StackElement.diagnostic) + bucket.stackElements(in: path)
            + content.flatMap { $0.stackElements(in: path) }
    }
}
