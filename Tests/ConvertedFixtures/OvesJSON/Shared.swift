// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from shared (5 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.
// Report: escape hatch 2.

import InfraAWS
import InfraAWSAllContainers
import InfraCore
import InfraTerraform

/// The Terraform root `shared`, converted from `backend.tf.json`, `cloudwatch.tf.json`, `main.tf.json`, `outputs.tf.json`, `route53.tf.json`.
public enum Shared {
    /// The root as a stack: `shared` in the output folder.
    public static var stack: Stack {
        Stack(
            "shared",
            directory: "shared",
            settings: TerraformSettings(
                requiredVersion: ">= 1.5.0",
                requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")],
                backend: .s3(
                    S3Backend(
                        bucket: "oves-terraform-state",
                        key: "shared/terraform.tfstate",
                        region: "us-east-1",
                        dynamodbTable: "oves-terraform-locks",
                        encrypt: true
                    )
                )
            )
        ) {
            let aws = Provider.aws(
                region: "us-east-1",
                defaultTags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            aws
            let auditCurrent = DataAWSCallerIdentity("audit_current")
            auditCurrent
            let alertsOvesDevApplications = AWSCloudWatchLogGroup(
                "alerts__oves_dev_applications",
                name: "/oves/dev/applications",
                retentionInDays: 30,
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            alertsOvesDevApplications
            let alertsOvesProdApplications = AWSCloudWatchLogGroup(
                "alerts__oves_prod_applications",
                name: "/oves/prod/applications",
                retentionInDays: 365,
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            alertsOvesProdApplications
            let alerts = AWSSNSTopic(
                "alerts",
                kmsMasterKeyId: "alias/aws/sns",
                name: "oves-alerts",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            alerts
            let alertsOvesProdFailedNodes = AWSCloudWatchMetricAlarm(
                "alerts_oves_prod_failed_nodes",
                alarmName: "oves-prod-failed-nodes",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 2,
                alarmActions: [alerts.arn],
                alarmDescription: "A production node is failing",
                dimensions: ["ClusterName": "oves-prod"],
                metricName: "cluster_failed_node_count",
                namespace: "ContainerInsights",
                okActions: [alerts.arn],
                period: 60,
                statistic: "Maximum",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"],
                threshold: 0,
                treatMissingData: "missing"
            )
            alertsOvesProdFailedNodes
            let alertsOvesProdNodeCpuHigh = AWSCloudWatchMetricAlarm(
                "alerts_oves_prod_node_cpu_high",
                alarmName: "oves-prod-node-cpu-high",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 3,
                alarmActions: [alerts.arn],
                alarmDescription: "Production nodes above 80% CPU (autoscaler scale-up threshold)",
                dimensions: ["ClusterName": "oves-prod"],
                metricName: "node_cpu_utilization",
                namespace: "ContainerInsights",
                okActions: [alerts.arn],
                period: 300,
                statistic: "Average",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"],
                threshold: 80,
                treatMissingData: "missing"
            )
            alertsOvesProdNodeCpuHigh
            let alertsOvesProdNodeMemoryHigh = AWSCloudWatchMetricAlarm(
                "alerts_oves_prod_node_memory_high",
                alarmName: "oves-prod-node-memory-high",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 3,
                alarmActions: [alerts.arn],
                alarmDescription: "Production nodes above 80% memory",
                dimensions: ["ClusterName": "oves-prod"],
                metricName: "node_memory_utilization",
                namespace: "ContainerInsights",
                okActions: [alerts.arn],
                period: 300,
                statistic: "Average",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"],
                threshold: 80,
                treatMissingData: "missing"
            )
            alertsOvesProdNodeMemoryHigh
            let alertsDevopsOmnivoltaicCom = AWSSNSTopicSubscription(
                "alerts_devops_omnivoltaic_com",
                endpoint: "devops@omnivoltaic.com",
                protocol: "email",
                topicArn: alerts.arn
            )
            alertsDevopsOmnivoltaicCom
            let auditTrailGroup = AWSCloudWatchLogGroup(
                "audit_trail",
                name: "/aws/cloudtrail/oves-audit",
                retentionInDays: 365,
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            auditTrailGroup
            let stateLocks = AWSDynamoDBTable(
                "state_locks",
                name: "oves-terraform-locks",
                attribute: [.init(name: "LockID", type: "S")],
                billingMode: "PAY_PER_REQUEST",
                deletionProtectionEnabled: true,
                hashKey: "LockID",
                pointInTimeRecovery: .init(enabled: true),
                serverSideEncryption: .init(enabled: true),
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
                .lifecycle(Lifecycle(preventDestroy: true))
            stateLocks
            let accountMicroserviceRepository = AWSECRRepository(
                "account_microservice",
                name: "oves/account-microservice",
                encryptionConfiguration: [.init(encryptionType: "KMS")],
                imageScanningConfiguration: .init(scanOnPush: true),
                imageTagMutability: "IMMUTABLE",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            accountMicroserviceRepository
            let accountMicroservicePolicy = AWSECRLifecyclePolicy(
                "account_microservice",
                policy: "{\"rules\":[{\"action\":{\"type\":\"expire\"},\"description\":\"Expire untagged images after 14 days\",\"rulePriority\":1,\"selection\":{\"countNumber\":14,\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"tagStatus\":\"untagged\"}},{\"action\":{\"type\":\"expire\"},\"description\":\"Keep the 50 newest images\",\"rulePriority\":2,\"selection\":{\"countNumber\":50,\"countType\":\"imageCountMoreThan\",\"tagStatus\":\"any\"}}]}",
                repository: accountMicroserviceRepository.nameRef
            )
            accountMicroservicePolicy
            let authMicroserviceRepository = AWSECRRepository(
                "auth_microservice",
                name: "oves/auth-microservice",
                encryptionConfiguration: [.init(encryptionType: "KMS")],
                imageScanningConfiguration: .init(scanOnPush: true),
                imageTagMutability: "IMMUTABLE",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            authMicroserviceRepository
            let authMicroservicePolicy = AWSECRLifecyclePolicy(
                "auth_microservice",
                policy: "{\"rules\":[{\"action\":{\"type\":\"expire\"},\"description\":\"Expire untagged images after 14 days\",\"rulePriority\":1,\"selection\":{\"countNumber\":14,\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"tagStatus\":\"untagged\"}},{\"action\":{\"type\":\"expire\"},\"description\":\"Keep the 50 newest images\",\"rulePriority\":2,\"selection\":{\"countNumber\":50,\"countType\":\"imageCountMoreThan\",\"tagStatus\":\"any\"}}]}",
                repository: authMicroserviceRepository.nameRef
            )
            authMicroservicePolicy
            let clientMicroserviceRepository = AWSECRRepository(
                "client_microservice",
                name: "oves/client-microservice",
                encryptionConfiguration: [.init(encryptionType: "KMS")],
                imageScanningConfiguration: .init(scanOnPush: true),
                imageTagMutability: "IMMUTABLE",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            clientMicroserviceRepository
            let clientMicroservicePolicy = AWSECRLifecyclePolicy(
                "client_microservice",
                policy: "{\"rules\":[{\"action\":{\"type\":\"expire\"},\"description\":\"Expire untagged images after 14 days\",\"rulePriority\":1,\"selection\":{\"countNumber\":14,\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"tagStatus\":\"untagged\"}},{\"action\":{\"type\":\"expire\"},\"description\":\"Keep the 50 newest images\",\"rulePriority\":2,\"selection\":{\"countNumber\":50,\"countType\":\"imageCountMoreThan\",\"tagStatus\":\"any\"}}]}",
                repository: clientMicroserviceRepository.nameRef
            )
            clientMicroservicePolicy
            let thingMicroserviceRepository = AWSECRRepository(
                "thing_microservice",
                name: "oves/thing-microservice",
                encryptionConfiguration: [.init(encryptionType: "KMS")],
                imageScanningConfiguration: .init(scanOnPush: true),
                imageTagMutability: "IMMUTABLE",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            thingMicroserviceRepository
            let thingMicroservicePolicy = AWSECRLifecyclePolicy(
                "thing_microservice",
                policy: "{\"rules\":[{\"action\":{\"type\":\"expire\"},\"description\":\"Expire untagged images after 14 days\",\"rulePriority\":1,\"selection\":{\"countNumber\":14,\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"tagStatus\":\"untagged\"}},{\"action\":{\"type\":\"expire\"},\"description\":\"Keep the 50 newest images\",\"rulePriority\":2,\"selection\":{\"countNumber\":50,\"countType\":\"imageCountMoreThan\",\"tagStatus\":\"any\"}}]}",
                repository: thingMicroserviceRepository.nameRef
            )
            thingMicroservicePolicy
            let auditTrailRole = AWSIAMRole(
                "audit_trail",
                assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["cloudtrail.amazonaws.com"]]]]] as Expression)),
                namePrefix: "oves-audit-logs-",
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            auditTrailRole
            let auditTrailPolicy = AWSIAMRolePolicy(
                "audit_trail",
                policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": ["\(auditTrailGroup.arn):*"]]]] as Expression)),
                role: auditTrailRole.id
            )
            auditTrailPolicy
            let auditTrailKey = AWSKMSKey(
                "audit_trail",
                deletionWindowInDays: 30,
                description: "CloudTrail oves-audit",
                enableKeyRotation: true,
                policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "AccountAdministers", "Effect": "Allow", "Action": ["kms:*"], "Resource": ["*"], "Principal": ["AWS": ["arn:aws:iam::\(auditCurrent.accountId):root"]]], ["Sid": "CloudTrailEncrypts", "Effect": "Allow", "Action": ["kms:GenerateDataKey*"], "Resource": ["*"], "Principal": ["Service": ["cloudtrail.amazonaws.com"]], "Condition": ["StringLike": ["kms:EncryptionContext:aws:cloudtrail:arn": ["arn:aws:cloudtrail:*:\(auditCurrent.accountId):trail/*"]]]], ["Sid": "CloudTrailDescribes", "Effect": "Allow", "Action": ["kms:DescribeKey"], "Resource": ["*"], "Principal": ["Service": ["cloudtrail.amazonaws.com"]]], ["Sid": "AccountDecrypts", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:ReEncryptFrom"], "Resource": ["*"], "Principal": ["AWS": ["arn:aws:iam::\(auditCurrent.accountId):root"]], "Condition": ["StringLike": ["kms:EncryptionContext:aws:cloudtrail:arn": ["arn:aws:cloudtrail:*:\(auditCurrent.accountId):trail/*"]]]]]] as Expression)),
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            auditTrailKey
            let auditTrailAlias = AWSKMSAlias(
                "audit_trail",
                targetKeyId: auditTrailKey.keyId,
                name: "alias/cloudtrail/oves-audit"
            )
            auditTrailAlias
            let auditBucketBucket = AWSS3Bucket(
                "audit_bucket",
                bucket: "oves-cloudtrail-logs",
                forceDestroy: false,
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            auditBucketBucket
            let stateBucket = AWSS3Bucket(
                "state",
                bucket: "oves-terraform-state",
                forceDestroy: false,
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
                .lifecycle(Lifecycle(preventDestroy: true))
            stateBucket
            let auditBucketConfiguration = AWSS3BucketLifecycleConfiguration(
                "audit_bucket",
                bucket: auditBucketBucket.id,
                rule: [
                    .init(
                        id: "housekeeping",
                        status: "Enabled",
                        abortIncompleteMultipartUpload: [.init(daysAfterInitiation: 7)],
                        filter: [.init()],
                        noncurrentVersionExpiration: [.init(noncurrentDays: 90)]
                    ),
                    .init(
                        id: "tiering",
                        status: "Enabled",
                        filter: [.init()],
                        transition: [
                            .init(storageClass: "STANDARD_IA", days: 90),
                            .init(storageClass: "GLACIER", days: 180),
                        ]
                    ),
                ]
            )
            auditBucketConfiguration
            let stateConfiguration = AWSS3BucketLifecycleConfiguration(
                "state",
                bucket: stateBucket.id,
                rule: [
                    .init(
                        id: "housekeeping",
                        status: "Enabled",
                        abortIncompleteMultipartUpload: [.init(daysAfterInitiation: 7)],
                        filter: [.init()],
                        noncurrentVersionExpiration: [.init(noncurrentDays: 365)]
                    ),
                    .init(
                        id: "tiering",
                        status: "Enabled",
                        filter: [.init()],
                        transition: [
                            .init(storageClass: "STANDARD_IA", days: 30),
                            .init(storageClass: "GLACIER_IR", days: 90),
                        ]
                    ),
                ]
            )
            stateConfiguration
            // convert: template directive (`%{…}`) kept as HCL: .build/convert-roundtrip/oves-json/terraform/shared/main.tf.json:324:21
            let auditBucketLogging = AWSS3BucketLogging(
                "audit_bucket",
                bucket: auditBucketBucket.id,
                targetBucket: "oves-logs-prod",
                targetPrefix: "s3/oves-cloudtrail-logs/"
            )
                .count(Expr<Double>.if(Expr<Bool>(Expression.binary("!=", "oves-logs-prod", "")), then: 1, else: 0))
            auditBucketLogging
            // convert: template directive (`%{…}`) kept as HCL: .build/convert-roundtrip/oves-json/terraform/shared/main.tf.json:330:21
            let stateLogging = AWSS3BucketLogging(
                "state",
                bucket: stateBucket.id,
                targetBucket: "oves-logs-prod",
                targetPrefix: "s3/oves-terraform-state/"
            )
                .count(Expr<Double>.if(Expr<Bool>(Expression.binary("!=", "oves-logs-prod", "")), then: 1, else: 0))
            stateLogging
            let auditBucketControls = AWSS3BucketOwnershipControls(
                "audit_bucket",
                bucket: auditBucketBucket.id,
                rule: .init(
                    objectOwnership: Expr<String>.if(false, then: "BucketOwnerPreferred", else: "BucketOwnerEnforced")
                )
            )
            auditBucketControls
            let auditBucketAcl = AWSS3BucketACL("audit_bucket", bucket: auditBucketBucket.id, acl: "log-delivery-write")
                .count(Expr<Double>.if(false, then: 1, else: 0))
                .dependsOn(auditBucketControls.address)
            auditBucketAcl
            let stateControls = AWSS3BucketOwnershipControls(
                "state",
                bucket: stateBucket.id,
                rule: .init(
                    objectOwnership: Expr<String>.if(false, then: "BucketOwnerPreferred", else: "BucketOwnerEnforced")
                )
            )
            stateControls
            let stateAcl = AWSS3BucketACL("state", bucket: stateBucket.id, acl: "log-delivery-write")
                .count(Expr<Double>.if(false, then: 1, else: 0))
                .dependsOn(stateControls.address)
            stateAcl
            let auditBucketBlock = AWSS3BucketPublicAccessBlock(
                "audit_bucket",
                bucket: auditBucketBucket.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true
            )
            auditBucketBlock
            let auditBucketPolicy = AWSS3BucketPolicy(
                "audit_bucket",
                bucket: auditBucketBucket.id,
                policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": Fn.concat([Expr<Value>(["Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": ["s3:*"], "Resource": [auditBucketBucket.arn.expression, "\(auditBucketBucket.arn)/*"], "Principal": ["AWS": ["*"]], "Condition": ["Bool": ["aws:SecureTransport": ["false"]]]] as Expression)], [Expr<Value>(["Sid": "CloudTrailAclCheck", "Effect": "Allow", "Action": ["s3:GetBucketAcl"], "Resource": ["arn:aws:s3:::oves-cloudtrail-logs"], "Principal": ["Service": ["cloudtrail.amazonaws.com"]]] as Expression), Expr<Value>(["Sid": "CloudTrailWrite", "Effect": "Allow", "Action": ["s3:PutObject"], "Resource": ["arn:aws:s3:::oves-cloudtrail-logs/AWSLogs/\(auditCurrent.accountId)/*"], "Principal": ["Service": ["cloudtrail.amazonaws.com"]], "Condition": ["StringEquals": ["s3:x-amz-acl": ["bucket-owner-full-control"]]]] as Expression)]).expression] as Expression))
            )
                .dependsOn(auditBucketBlock.address)
            auditBucketPolicy
            let audit = AWSCloudTrail(
                "audit",
                name: "oves-audit",
                s3BucketName: auditBucketBucket.id,
                cloudWatchLogsGroupArn: "\(auditTrailGroup.arn):*",
                cloudWatchLogsRoleArn: auditTrailRole.arn,
                enableLogFileValidation: true,
                enableLogging: true,
                includeGlobalServiceEvents: true,
                isMultiRegionTrail: true,
                kmsKeyId: auditTrailKey.arn,
                tags: ["Environment": "shared", "ManagedBy": "swift-infra", "Project": "oves"]
            )
                .dependsOn(auditBucketPolicy.address)
            audit
            let stateBlock = AWSS3BucketPublicAccessBlock(
                "state",
                bucket: stateBucket.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true
            )
            stateBlock
            let statePolicy = AWSS3BucketPolicy(
                "state",
                bucket: stateBucket.id,
                policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": Expression.call("concat", [["Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": ["s3:*"], "Resource": [stateBucket.arn.expression, "\(stateBucket.arn)/*"], "Principal": ["AWS": ["*"]], "Condition": ["Bool": ["aws:SecureTransport": ["false"]]]]], [])] as Expression))
            )
                .dependsOn(stateBlock.address)
            statePolicy
            let s3BucketServerSideEncryptionConfigurationAuditBucket = AWSS3BucketServerSideEncryptionConfiguration(
                "audit_bucket",
                bucket: auditBucketBucket.id,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"), bucketKeyEnabled: true)]
            )
            s3BucketServerSideEncryptionConfigurationAuditBucket
            let s3BucketServerSideEncryptionConfigurationState = AWSS3BucketServerSideEncryptionConfiguration(
                "state",
                bucket: stateBucket.id,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"), bucketKeyEnabled: true)]
            )
            s3BucketServerSideEncryptionConfigurationState
            let auditBucketVersioning = AWSS3BucketVersioning(
                "audit_bucket",
                bucket: auditBucketBucket.id,
                versioningConfiguration: .init(status: "Enabled")
            )
            auditBucketVersioning
            let stateVersioning = AWSS3BucketVersioning(
                "state",
                bucket: stateBucket.id,
                versioningConfiguration: .init(status: "Enabled")
            )
            stateVersioning
            let cn = AWSRoute53Zone(
                "cn",
                name: "cn.omnivoltaic.com",
                comment: "China-accessible domains (Cloudflare serves the rest of omnivoltaic.com)",
                tags: [:]
            )
            cn
            let cnApexCaa = AWSRoute53Record(
                "cn_apex_caa",
                name: "cn.omnivoltaic.com",
                type: "CAA",
                zoneId: cn.zoneId,
                records: ["0 issue \"letsencrypt.org\""],
                ttl: 3600
            )
            cnApexCaa
            Output(
                "china_zone_name_servers",
                cn.nameServers,
                description: "Name servers of cn.omnivoltaic.com, delegated to from Cloudflare"
            )
            Import(stateBucket, id: "oves-terraform-state")
            Import(stateVersioning, id: "oves-terraform-state")
            Import(s3BucketServerSideEncryptionConfigurationState, id: "oves-terraform-state")
            Import(stateBlock, id: "oves-terraform-state")
            Import(stateLocks, id: "oves-terraform-locks")
        }
    }
}
