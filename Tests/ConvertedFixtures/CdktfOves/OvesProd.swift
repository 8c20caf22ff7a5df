// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from oves-prod (1 file).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.
// Report: renamed 56.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform root `oves-prod`, converted from `cdk.tf.json`.
public enum OvesProd {
    /// The root as a stack: `oves-prod` in the output folder.
    public static var stack: Stack {
        Stack(
            "oves-prod",
            directory: "oves-prod",
            settings: TerraformSettings(
                requiredVersion: nil,
                requiredProviders: [RequiredProvider("aws", source: "aws", version: "5.100.0")],
                backend: .s3(
                    S3Backend(
                        bucket: "oves-terraform-state",
                        key: "prod/terraform.tfstate",
                        region: "us-east-1",
                        dynamodbTable: "oves-terraform-locks",
                        encrypt: true
                    )
                )
            )
        ) {
            let dbMasterPassword = Variable<String>(
                "db_master_password",
                description: "DocumentDB master password",
                sensitive: true,
                providedAtApply: true
            )
            dbMasterPassword
            let aws = Provider.aws(region: "us-east-1", defaultTags: ["Environment": "prod", "Project": "oves"])
            aws
            let awsEu = Provider.aws(
                region: "eu-central-1",
                alias: "eu",
                defaultTags: ["Environment": "prod", "Project": "oves"]
            )
            awsEu
            let networkFlowLogGroup = AWSCloudWatchLogGroup(
                "network_flow_log_group",
                name: "/aws/vpc/oves-prod-flow-logs",
                retentionInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-flow-logs", "Project": "oves"]
            )
            networkFlowLogGroup
            let networkNatEip0 = AWSEIP(
                "network_nat_eip_0",
                domain: "vpc",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-nat-eip-us-east-1a",
                    "Project": "oves",
                ]
            )
            networkNatEip0
            let networkNatEip1 = AWSEIP(
                "network_nat_eip_1",
                domain: "vpc",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-nat-eip-us-east-1b",
                    "Project": "oves",
                ]
            )
            networkNatEip1
            let networkNatEip2 = AWSEIP(
                "network_nat_eip_2",
                domain: "vpc",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-nat-eip-us-east-1c",
                    "Project": "oves",
                ]
            )
            networkNatEip2
            let eksClusterRole = AWSIAMRole(
                "eks_cluster_role",
                assumeRolePolicy: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"eks.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}",
                name: "oves-prod-eks-cluster"
            )
            eksClusterRole
            let eksNodeRole = AWSIAMRole(
                "eks_node_role",
                assumeRolePolicy: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}",
                name: "oves-prod-eks-nodes"
            )
            eksNodeRole
            let networkFlowLogRole = AWSIAMRole(
                "network_flow_log_role",
                assumeRolePolicy: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"vpc-flow-logs.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}",
                name: "oves-prod-vpc-flow-logs"
            )
            networkFlowLogRole
            let networkFlowLogPolicy = AWSIAMRolePolicy(
                "network_flow_log_policy",
                policy: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\", \"Action\": [\"logs:CreateLogGroup\", \"logs:CreateLogStream\", \"logs:PutLogEvents\", \"logs:DescribeLogGroups\", \"logs:DescribeLogStreams\"]}]}",
                role: networkFlowLogRole.id,
                name: "oves-prod-vpc-flow-logs"
            )
            networkFlowLogPolicy
            let eksClusterPolicy = AWSIAMRolePolicyAttachment(
                "eks_cluster_policy",
                policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
                role: eksClusterRole.nameRef
            )
            eksClusterPolicy
            let eksNodePolicy0 = AWSIAMRolePolicyAttachment(
                "eks_node_policy_0",
                policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                role: eksNodeRole.nameRef
            )
            eksNodePolicy0
            let eksNodePolicy1 = AWSIAMRolePolicyAttachment(
                "eks_node_policy_1",
                policyArn: "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                role: eksNodeRole.nameRef
            )
            eksNodePolicy1
            let eksNodePolicy2 = AWSIAMRolePolicyAttachment(
                "eks_node_policy_2",
                policyArn: "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                role: eksNodeRole.nameRef
            )
            eksNodePolicy2
            let eksKms = AWSKMSKey(
                "eks_kms",
                deletionWindowInDays: 30,
                description: "oves-prod EKS secrets + data encryption",
                enableKeyRotation: true,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-kms", "Project": "oves"]
            )
            eksKms
            let eksKmsAlias = AWSKMSAlias("eks_kms_alias", targetKeyId: eksKms.keyId, name: "alias/oves-prod")
            eksKmsAlias
            let zone = AWSRoute53Zone(
                "zone",
                name: "cn.omnivoltaic.com",
                comment: "OVES China/global API zone",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "cn.omnivoltaic.com", "Project": "oves"]
            )
            zone
            let bucketArtifacts = AWSS3Bucket(
                "bucket-artifacts",
                bucket: "oves-artifacts-prod",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-artifacts-prod", "Project": "oves"]
            )
            bucketArtifacts
            let bucketBackups = AWSS3Bucket(
                "bucket-backups",
                bucket: "oves-backups-prod",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-backups-prod", "Project": "oves"]
            )
            bucketBackups
            let bucketLogs = AWSS3Bucket(
                "bucket-logs",
                bucket: "oves-logs-prod",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-logs-prod", "Project": "oves"]
            )
            bucketLogs
            let bucketStatic = AWSS3Bucket(
                "bucket-static",
                bucket: "oves-static-prod",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-static-prod", "Project": "oves"]
            )
            bucketStatic
            let bucketArtifactsLifecycle = AWSS3BucketLifecycleConfiguration(
                "bucket-artifacts-lifecycle",
                bucket: bucketArtifacts.id,
                rule: [
                    .init(
                        id: "tiering-and-expiry",
                        status: "Enabled",
                        filter: [.init(prefix: "")],
                        noncurrentVersionExpiration: [.init(noncurrentDays: 90)],
                        transition: [.init(storageClass: "STANDARD_IA", days: 30)]
                    ),
                ]
            )
            bucketArtifactsLifecycle
            let bucketBackupsLifecycle = AWSS3BucketLifecycleConfiguration(
                "bucket-backups-lifecycle",
                bucket: bucketBackups.id,
                rule: [
                    .init(
                        id: "tiering-and-expiry",
                        status: "Enabled",
                        filter: [.init(prefix: "")],
                        noncurrentVersionExpiration: [.init(noncurrentDays: 365)],
                        transition: [.init(storageClass: "STANDARD_IA", days: 30)]
                    ),
                ]
            )
            bucketBackupsLifecycle
            let bucketLogsLifecycle = AWSS3BucketLifecycleConfiguration(
                "bucket-logs-lifecycle",
                bucket: bucketLogs.id,
                rule: [
                    .init(
                        id: "tiering-and-expiry",
                        status: "Enabled",
                        filter: [.init(prefix: "")],
                        noncurrentVersionExpiration: [.init(noncurrentDays: 180)],
                        transition: [.init(storageClass: "STANDARD_IA", days: 30)]
                    ),
                ]
            )
            bucketLogsLifecycle
            let bucketStaticLifecycle = AWSS3BucketLifecycleConfiguration(
                "bucket-static-lifecycle",
                bucket: bucketStatic.id,
                rule: [
                    .init(
                        id: "tiering-and-expiry",
                        status: "Enabled",
                        filter: [.init(prefix: "")],
                        noncurrentVersionExpiration: [.init(noncurrentDays: 30)],
                        transition: [.init(storageClass: "STANDARD_IA", days: 30)]
                    ),
                ]
            )
            bucketStaticLifecycle
            let logsTrailPolicy = AWSS3BucketPolicy(
                "logs-trail-policy",
                bucket: bucketLogs.id,
                policy: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"AWSCloudTrailAclCheck\", \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}, \"Action\": \"s3:GetBucketAcl\", \"Resource\": \"\(bucketLogs.arn)\"}, {\"Sid\": \"AWSCloudTrailWrite\", \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}, \"Action\": \"s3:PutObject\", \"Resource\": \"\(bucketLogs.arn)/AWSLogs/*\", \"Condition\": {\"StringEquals\": {\"s3:x-amz-acl\": \"bucket-owner-full-control\"}}}]}"
            )
            logsTrailPolicy
            let trail = AWSCloudTrail(
                "trail",
                name: "oves-prod-trail",
                s3BucketName: bucketLogs.id,
                enableLogFileValidation: true,
                includeGlobalServiceEvents: true,
                isMultiRegionTrail: true,
                kmsKeyId: eksKms.arn,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-trail", "Project": "oves"]
            )
                .dependsOn(logsTrailPolicy.address)
            trail
            let bucketArtifactsPab = AWSS3BucketPublicAccessBlock(
                "bucket-artifacts-pab",
                bucket: bucketArtifacts.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true
            )
            bucketArtifactsPab
            let bucketBackupsPab = AWSS3BucketPublicAccessBlock(
                "bucket-backups-pab",
                bucket: bucketBackups.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true
            )
            bucketBackupsPab
            let bucketLogsPab = AWSS3BucketPublicAccessBlock(
                "bucket-logs-pab",
                bucket: bucketLogs.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true
            )
            bucketLogsPab
            let bucketStaticPab = AWSS3BucketPublicAccessBlock(
                "bucket-static-pab",
                bucket: bucketStatic.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true
            )
            bucketStaticPab
            let bucketArtifactsSse = AWSS3BucketServerSideEncryptionConfiguration(
                "bucket-artifacts-sse",
                bucket: bucketArtifacts.id,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"))]
            )
            bucketArtifactsSse
            let bucketBackupsSse = AWSS3BucketServerSideEncryptionConfiguration(
                "bucket-backups-sse",
                bucket: bucketBackups.id,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"))]
            )
            bucketBackupsSse
            let bucketLogsSse = AWSS3BucketServerSideEncryptionConfiguration(
                "bucket-logs-sse",
                bucket: bucketLogs.id,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"))]
            )
            bucketLogsSse
            let bucketStaticSse = AWSS3BucketServerSideEncryptionConfiguration(
                "bucket-static-sse",
                bucket: bucketStatic.id,
                rule: [.init(applyServerSideEncryptionByDefault: .init(sseAlgorithm: "AES256"))]
            )
            bucketStaticSse
            let bucketArtifactsVersioning = AWSS3BucketVersioning(
                "bucket-artifacts-versioning",
                bucket: bucketArtifacts.id,
                versioningConfiguration: .init(status: "Enabled")
            )
            bucketArtifactsVersioning
            let bucketBackupsVersioning = AWSS3BucketVersioning(
                "bucket-backups-versioning",
                bucket: bucketBackups.id,
                versioningConfiguration: .init(status: "Enabled")
            )
            bucketBackupsVersioning
            let bucketLogsVersioning = AWSS3BucketVersioning(
                "bucket-logs-versioning",
                bucket: bucketLogs.id,
                versioningConfiguration: .init(status: "Enabled")
            )
            bucketLogsVersioning
            let bucketStaticVersioning = AWSS3BucketVersioning(
                "bucket-static-versioning",
                bucket: bucketStatic.id,
                versioningConfiguration: .init(status: "Enabled")
            )
            bucketStaticVersioning
            let alerts = AWSSNSTopic(
                "alerts",
                kmsMasterKeyId: eksKms.id,
                name: "oves-prod-alerts",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-alerts", "Project": "oves"]
            )
            alerts
            let natErrors = AWSCloudWatchMetricAlarm(
                "nat-errors",
                alarmName: "oves-prod-nat-port-alloc-errors",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 1,
                alarmActions: [alerts.arn],
                metricName: "ErrorPortAllocation",
                namespace: "AWS/NATGateway",
                period: 300,
                statistic: "Sum",
                threshold: 0
            )
            natErrors
            let euAlerts = AWSSNSTopic(
                "eu-alerts",
                name: "oves-prod-eu-alerts",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-eu-alerts", "Project": "oves"]
            )
                .provider(awsEu.reference)
            euAlerts
            let euVpc = AWSVPC(
                "eu-vpc",
                cidrBlock: "10.2.0.0/16",
                enableDnsHostnames: true,
                enableDnsSupport: true,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-eu-data-vpc", "Project": "oves"]
            )
                .provider(awsEu.reference)
            euVpc
            let euDbRt = AWSRouteTable(
                "eu-db-rt",
                vpcId: euVpc.id,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-eu-db-rt", "Project": "oves"]
            )
                .provider(awsEu.reference)
            euDbRt
            let euDbSg = AWSSecurityGroup(
                "eu-db-sg",
                description: "databases: only from us-east-1 VPC",
                name: "oves-prod-eu-db",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-eu-db", "Project": "oves"],
                vpcId: euVpc.id
            )
                .provider(awsEu.reference)
            euDbSg
            let euDb0 = AWSSubnet(
                "eu-db-0",
                vpcId: euVpc.id,
                availabilityZone: "eu-central-1a",
                cidrBlock: "10.2.20.0/24",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-eu-db-eu-central-1a",
                    "Project": "oves",
                ]
            )
                .provider(awsEu.reference)
            euDb0
            let euDbRta0 = AWSRouteTableAssociation("eu-db-rta-0", routeTableId: euDbRt.id, subnetId: euDb0.id)
                .provider(awsEu.reference)
            euDbRta0
            let euDb1 = AWSSubnet(
                "eu-db-1",
                vpcId: euVpc.id,
                availabilityZone: "eu-central-1b",
                cidrBlock: "10.2.21.0/24",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-eu-db-eu-central-1b",
                    "Project": "oves",
                ]
            )
                .provider(awsEu.reference)
            euDb1
            let euDbRta1 = AWSRouteTableAssociation("eu-db-rta-1", routeTableId: euDbRt.id, subnetId: euDb1.id)
                .provider(awsEu.reference)
            euDbRta1
            let euDb2 = AWSSubnet(
                "eu-db-2",
                vpcId: euVpc.id,
                availabilityZone: "eu-central-1c",
                cidrBlock: "10.2.22.0/24",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-eu-db-eu-central-1c",
                    "Project": "oves",
                ]
            )
                .provider(awsEu.reference)
            euDb2
            let rdsSubnets = AWSDBSubnetGroup(
                "rds-subnets",
                subnetIds: [euDb0.id, euDb1.id, euDb2.id],
                name: "oves-prod-rds",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-rds", "Project": "oves"]
            )
                .provider(awsEu.reference)
            rdsSubnets
            let postgres = AWSDBInstance(
                "postgres",
                instanceClass: "db.r6g.large",
                allocatedStorage: 100,
                backupRetentionPeriod: 14,
                dbName: "oves",
                dbSubnetGroupName: rdsSubnets.nameRef,
                deletionProtection: true,
                engine: "postgres",
                engineVersion: "15.7",
                finalSnapshotIdentifier: "oves-prod-postgres-final",
                identifier: "oves-prod-postgres",
                manageMasterUserPassword: true,
                maxAllocatedStorage: 500,
                multiAz: true,
                skipFinalSnapshot: false,
                storageEncrypted: true,
                storageType: "gp3",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-postgres", "Project": "oves"],
                username: "oves_admin",
                vpcSecurityGroupIds: [euDbSg.id]
            )
                .provider(awsEu.reference)
            postgres
            let rdsCpu = AWSCloudWatchMetricAlarm(
                "rds-cpu",
                alarmName: "oves-prod-rds-cpu",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 3,
                alarmActions: [euAlerts.arn],
                dimensions: ["DBInstanceIdentifier": postgres.identifierRef],
                metricName: "CPUUtilization",
                namespace: "AWS/RDS",
                okActions: [euAlerts.arn],
                period: 300,
                statistic: "Average",
                threshold: 80
            )
                .provider(awsEu.reference)
            rdsCpu
            let docdbSubnets = AWSDocDBSubnetGroup(
                "docdb-subnets",
                subnetIds: [euDb0.id, euDb1.id, euDb2.id],
                name: "oves-prod-docdb",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-docdb", "Project": "oves"]
            )
                .provider(awsEu.reference)
            docdbSubnets
            let docdb = AWSDocDBCluster(
                "docdb",
                backupRetentionPeriod: 14,
                clusterIdentifier: "oves-prod-docdb",
                dbSubnetGroupName: docdbSubnets.nameRef,
                deletionProtection: true,
                engine: "docdb",
                finalSnapshotIdentifier: "oves-prod-docdb-final",
                masterPassword: dbMasterPassword.value,
                masterUsername: "oves_admin",
                skipFinalSnapshot: false,
                storageEncrypted: true,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-docdb", "Project": "oves"],
                vpcSecurityGroupIds: [euDbSg.id]
            )
                .provider(awsEu.reference)
            docdb
            let docdbCpu = AWSCloudWatchMetricAlarm(
                "docdb-cpu",
                alarmName: "oves-prod-docdb-cpu",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 3,
                alarmActions: [euAlerts.arn],
                dimensions: ["DBClusterIdentifier": docdb.clusterIdentifierRef],
                metricName: "CPUUtilization",
                namespace: "AWS/DocDB",
                okActions: [euAlerts.arn],
                period: 300,
                statistic: "Average",
                threshold: 80
            )
                .provider(awsEu.reference)
            docdbCpu
            let docdb0 = AWSDocDBClusterInstance(
                "docdb-0",
                clusterIdentifier: docdb.id,
                instanceClass: "db.r6g.large",
                identifier: "oves-prod-docdb-0",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-docdb-0", "Project": "oves"]
            )
                .provider(awsEu.reference)
            docdb0
            let redisSubnets = AWSElastiCacheSubnetGroup(
                "redis-subnets",
                name: "oves-prod-redis",
                subnetIds: [euDb0.id, euDb1.id, euDb2.id],
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-redis", "Project": "oves"]
            )
                .provider(awsEu.reference)
            redisSubnets
            let redis = AWSElastiCacheReplicationGroup(
                "redis",
                description: "OVES redis",
                replicationGroupId: "oves-prod-redis",
                atRestEncryptionEnabled: "true",
                automaticFailoverEnabled: true,
                engine: "redis",
                engineVersion: "7.1",
                multiAzEnabled: true,
                nodeType: "cache.r6g.large",
                numCacheClusters: 2,
                port: 6379,
                securityGroupIds: [euDbSg.id],
                subnetGroupName: redisSubnets.nameRef,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-redis", "Project": "oves"],
                transitEncryptionEnabled: true
            )
                .provider(awsEu.reference)
            redis
            let redisCpu = AWSCloudWatchMetricAlarm(
                "redis-cpu",
                alarmName: "oves-prod-redis-cpu",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 3,
                alarmActions: [euAlerts.arn],
                dimensions: ["ReplicationGroupId": redis.replicationGroupIdRef],
                metricName: "EngineCPUUtilization",
                namespace: "AWS/ElastiCache",
                okActions: [euAlerts.arn],
                period: 300,
                statistic: "Average",
                threshold: 80
            )
                .provider(awsEu.reference)
            redisCpu
            let euDbRta2 = AWSRouteTableAssociation("eu-db-rta-2", routeTableId: euDbRt.id, subnetId: euDb2.id)
                .provider(awsEu.reference)
            euDbRta2
            let networkVpc = AWSVPC(
                "network_vpc",
                cidrBlock: "10.0.0.0/16",
                enableDnsHostnames: true,
                enableDnsSupport: true,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-vpc", "Project": "oves"]
            )
            networkVpc
            let networkFlowLog = AWSFlowLog(
                "network_flow_log",
                iamRoleArn: networkFlowLogRole.arn,
                logDestination: networkFlowLogGroup.arn,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-flow-log", "Project": "oves"],
                trafficType: "ALL",
                vpcId: networkVpc.id
            )
            networkFlowLog
            let networkIgw = AWSInternetGateway(
                "network_igw",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-igw", "Project": "oves"],
                vpcId: networkVpc.id
            )
            networkIgw
            let networkPrivateRt0 = AWSRouteTable(
                "network_private_rt_0",
                vpcId: networkVpc.id,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-private-rt-us-east-1a",
                    "Project": "oves",
                ]
            )
            networkPrivateRt0
            let networkPrivateRt1 = AWSRouteTable(
                "network_private_rt_1",
                vpcId: networkVpc.id,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-private-rt-us-east-1b",
                    "Project": "oves",
                ]
            )
            networkPrivateRt1
            let networkPrivateRt2 = AWSRouteTable(
                "network_private_rt_2",
                vpcId: networkVpc.id,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-private-rt-us-east-1c",
                    "Project": "oves",
                ]
            )
            networkPrivateRt2
            let networkPublicRt = AWSRouteTable(
                "network_public_rt",
                vpcId: networkVpc.id,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-public-rt", "Project": "oves"]
            )
            networkPublicRt
            let networkPublicDefault = AWSRoute(
                "network_public_default",
                routeTableId: networkPublicRt.id,
                destinationCidrBlock: "0.0.0.0/0",
                gatewayId: networkIgw.id
            )
            networkPublicDefault
            let eksClusterSg = AWSSecurityGroup(
                "eks_cluster_sg",
                description: "EKS control plane",
                name: "oves-prod-eks-cluster",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-eks-cluster", "Project": "oves"],
                vpcId: networkVpc.id
            )
            eksClusterSg
            let eksNodeSg = AWSSecurityGroup(
                "eks_node_sg",
                description: "EKS worker nodes",
                name: "oves-prod-eks-nodes",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-eks-nodes", "Project": "oves"],
                vpcId: networkVpc.id
            )
            eksNodeSg
            let networkPrivate0 = AWSSubnet(
                "network_private_0",
                vpcId: networkVpc.id,
                availabilityZone: "us-east-1a",
                cidrBlock: "10.0.10.0/24",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-private-us-east-1a",
                    "Project": "oves",
                    "kubernetes.io/role/internal-elb": "1",
                ]
            )
            networkPrivate0
            let networkPrivateRta0 = AWSRouteTableAssociation(
                "network_private_rta_0",
                routeTableId: networkPrivateRt0.id,
                subnetId: networkPrivate0.id
            )
            networkPrivateRta0
            let networkPrivate1 = AWSSubnet(
                "network_private_1",
                vpcId: networkVpc.id,
                availabilityZone: "us-east-1b",
                cidrBlock: "10.0.11.0/24",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-private-us-east-1b",
                    "Project": "oves",
                    "kubernetes.io/role/internal-elb": "1",
                ]
            )
            networkPrivate1
            let networkPrivateRta1 = AWSRouteTableAssociation(
                "network_private_rta_1",
                routeTableId: networkPrivateRt1.id,
                subnetId: networkPrivate1.id
            )
            networkPrivateRta1
            let networkPrivate2 = AWSSubnet(
                "network_private_2",
                vpcId: networkVpc.id,
                availabilityZone: "us-east-1c",
                cidrBlock: "10.0.12.0/24",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-private-us-east-1c",
                    "Project": "oves",
                    "kubernetes.io/role/internal-elb": "1",
                ]
            )
            networkPrivate2
            let networkPrivateNacl = AWSNetworkACL(
                "network_private_nacl",
                vpcId: networkVpc.id,
                subnetIds: [networkPrivate0.id, networkPrivate1.id, networkPrivate2.id],
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-private-nacl", "Project": "oves"]
            )
            networkPrivateNacl
            let networkNaclIn = AWSNetworkACLRule(
                "network_nacl_in",
                networkAclId: networkPrivateNacl.id,
                protocol: "-1",
                ruleAction: "allow",
                ruleNumber: 100,
                cidrBlock: "0.0.0.0/0",
                egress: false
            )
            networkNaclIn
            let networkNaclOut = AWSNetworkACLRule(
                "network_nacl_out",
                networkAclId: networkPrivateNacl.id,
                protocol: "-1",
                ruleAction: "allow",
                ruleNumber: 100,
                cidrBlock: "0.0.0.0/0",
                egress: true
            )
            networkNaclOut
            let networkPrivateRta2 = AWSRouteTableAssociation(
                "network_private_rta_2",
                routeTableId: networkPrivateRt2.id,
                subnetId: networkPrivate2.id
            )
            networkPrivateRta2
            let networkPublic0 = AWSSubnet(
                "network_public_0",
                vpcId: networkVpc.id,
                availabilityZone: "us-east-1a",
                cidrBlock: "10.0.0.0/24",
                mapPublicIpOnLaunch: true,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-public-us-east-1a",
                    "Project": "oves",
                    "kubernetes.io/role/elb": "1",
                ]
            )
            networkPublic0
            let networkNat0 = AWSNATGateway(
                "network_nat_0",
                subnetId: networkPublic0.id,
                allocationId: networkNatEip0.id,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-nat-us-east-1a",
                    "Project": "oves",
                ]
            )
                .dependsOn(networkIgw.address)
            networkNat0
            let networkPrivateDefault0 = AWSRoute(
                "network_private_default_0",
                routeTableId: networkPrivateRt0.id,
                destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: networkNat0.id
            )
            networkPrivateDefault0
            let networkPublicRta0 = AWSRouteTableAssociation(
                "network_public_rta_0",
                routeTableId: networkPublicRt.id,
                subnetId: networkPublic0.id
            )
            networkPublicRta0
            let networkPublic1 = AWSSubnet(
                "network_public_1",
                vpcId: networkVpc.id,
                availabilityZone: "us-east-1b",
                cidrBlock: "10.0.1.0/24",
                mapPublicIpOnLaunch: true,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-public-us-east-1b",
                    "Project": "oves",
                    "kubernetes.io/role/elb": "1",
                ]
            )
            networkPublic1
            let networkNat1 = AWSNATGateway(
                "network_nat_1",
                subnetId: networkPublic1.id,
                allocationId: networkNatEip1.id,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-nat-us-east-1b",
                    "Project": "oves",
                ]
            )
                .dependsOn(networkIgw.address)
            networkNat1
            let networkPrivateDefault1 = AWSRoute(
                "network_private_default_1",
                routeTableId: networkPrivateRt1.id,
                destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: networkNat1.id
            )
            networkPrivateDefault1
            let networkPublicRta1 = AWSRouteTableAssociation(
                "network_public_rta_1",
                routeTableId: networkPublicRt.id,
                subnetId: networkPublic1.id
            )
            networkPublicRta1
            let networkPublic2 = AWSSubnet(
                "network_public_2",
                vpcId: networkVpc.id,
                availabilityZone: "us-east-1c",
                cidrBlock: "10.0.2.0/24",
                mapPublicIpOnLaunch: true,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-public-us-east-1c",
                    "Project": "oves",
                    "kubernetes.io/role/elb": "1",
                ]
            )
            networkPublic2
            let eksCluster = AWSEKSCluster(
                "eks_cluster",
                name: "oves-prod",
                roleArn: eksClusterRole.arn,
                vpcConfig: .init(
                    subnetIds: [
                        networkPrivate0.id,
                        networkPrivate1.id,
                        networkPrivate2.id,
                        networkPublic0.id,
                        networkPublic1.id,
                        networkPublic2.id,
                    ],
                    endpointPrivateAccess: true,
                    endpointPublicAccess: true,
                    securityGroupIds: [eksClusterSg.id]
                ),
                enabledClusterLogTypes: ["api", "audit", "authenticator"],
                encryptionConfig: .init(provider: .init(keyArn: eksKms.arn), resources: ["secrets"]),
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod", "Project": "oves"],
                version: "1.29"
            )
                .dependsOn(eksClusterPolicy.address)
            eksCluster
            let eksFailedNodes = AWSCloudWatchMetricAlarm(
                "eks-failed-nodes",
                alarmName: "oves-prod-eks-node-cpu",
                comparisonOperator: "GreaterThanThreshold",
                evaluationPeriods: 3,
                alarmActions: [alerts.arn],
                dimensions: ["ClusterName": eksCluster.nameRef],
                metricName: "node_cpu_utilization",
                namespace: "ContainerInsights",
                period: 300,
                statistic: "Average",
                threshold: 80
            )
            eksFailedNodes
            let eksAddonAwsEbsCsiDriver = AWSEKSAddon(
                "eks_addon_aws_ebs_csi_driver",
                addonName: "aws-ebs-csi-driver",
                clusterName: eksCluster.nameRef,
                resolveConflictsOnUpdate: "OVERWRITE",
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-aws-ebs-csi-driver",
                    "Project": "oves",
                ]
            )
            eksAddonAwsEbsCsiDriver
            let eksAddonVpcCni = AWSEKSAddon(
                "eks_addon_vpc_cni",
                addonName: "vpc-cni",
                clusterName: eksCluster.nameRef,
                resolveConflictsOnUpdate: "OVERWRITE",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-vpc-cni", "Project": "oves"]
            )
            eksAddonVpcCni
            let eksNgCompute = AWSEKSNodeGroup(
                "eks_ng_compute",
                clusterName: eksCluster.nameRef,
                nodeRoleArn: eksNodeRole.arn,
                scalingConfig: .init(desiredSize: 2, maxSize: 5, minSize: 2),
                subnetIds: [networkPrivate0.id, networkPrivate1.id, networkPrivate2.id],
                capacityType: "ON_DEMAND",
                instanceTypes: ["c5.xlarge"],
                labels: ["env": "prod", "workload": "compute"],
                nodeGroupName: "oves-prod-compute",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-compute", "Project": "oves"]
            )
                .dependsOn(eksNodePolicy0.address, eksNodePolicy1.address, eksNodePolicy2.address)
            eksNgCompute
            let eksNgGeneral = AWSEKSNodeGroup(
                "eks_ng_general",
                clusterName: eksCluster.nameRef,
                nodeRoleArn: eksNodeRole.arn,
                scalingConfig: .init(desiredSize: 3, maxSize: 10, minSize: 3),
                subnetIds: [networkPrivate0.id, networkPrivate1.id, networkPrivate2.id],
                capacityType: "ON_DEMAND",
                instanceTypes: ["t3.large"],
                labels: ["env": "prod", "workload": "general"],
                nodeGroupName: "oves-prod-general",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-general", "Project": "oves"]
            )
                .dependsOn(eksNodePolicy0.address, eksNodePolicy1.address, eksNodePolicy2.address)
            eksNgGeneral
            let eksNgMemory = AWSEKSNodeGroup(
                "eks_ng_memory",
                clusterName: eksCluster.nameRef,
                nodeRoleArn: eksNodeRole.arn,
                scalingConfig: .init(desiredSize: 2, maxSize: 4, minSize: 2),
                subnetIds: [networkPrivate0.id, networkPrivate1.id, networkPrivate2.id],
                capacityType: "ON_DEMAND",
                instanceTypes: ["r5.large"],
                labels: ["env": "prod", "workload": "memory"],
                nodeGroupName: "oves-prod-memory",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-memory", "Project": "oves"]
            )
                .dependsOn(eksNodePolicy0.address, eksNodePolicy1.address, eksNodePolicy2.address)
            eksNgMemory
            let eksOidc = AWSIAMOpenIDConnectProvider(
                "eks_oidc",
                clientIdList: ["sts.amazonaws.com"],
                url: Expr<String>(eksCluster.identity[0].expression.attribute("oidc").index(0).attribute("issuer")),
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-oidc", "Project": "oves"],
                thumbprintList: ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
            )
            eksOidc
            let networkNat2 = AWSNATGateway(
                "network_nat_2",
                subnetId: networkPublic2.id,
                allocationId: networkNatEip2.id,
                tags: [
                    "Environment": "prod",
                    "ManagedBy": "cdktf",
                    "Name": "oves-prod-nat-us-east-1c",
                    "Project": "oves",
                ]
            )
                .dependsOn(networkIgw.address)
            networkNat2
            let networkPrivateDefault2 = AWSRoute(
                "network_private_default_2",
                routeTableId: networkPrivateRt2.id,
                destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: networkNat2.id
            )
            networkPrivateDefault2
            let networkPublicRta2 = AWSRouteTableAssociation(
                "network_public_rta_2",
                routeTableId: networkPublicRt.id,
                subnetId: networkPublic2.id
            )
            networkPublicRta2
            let peering = AWSVPCPeeringConnection(
                "peering",
                peerVpcId: euVpc.id,
                vpcId: networkVpc.id,
                autoAccept: false,
                peerRegion: "eu-central-1",
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-use1-euc1", "Project": "oves"]
            )
            peering
            let peeringAccepter = AWSVPCPeeringConnectionAccepter(
                "peering-accepter",
                vpcPeeringConnectionId: peering.id,
                autoAccept: true,
                tags: ["Environment": "prod", "ManagedBy": "cdktf", "Name": "oves-prod-use1-euc1", "Project": "oves"]
            )
                .provider(awsEu.reference)
            peeringAccepter
            let euToUse1 = AWSRoute(
                "eu-to-use1",
                routeTableId: euDbRt.id,
                destinationCidrBlock: "10.0.0.0/16",
                vpcPeeringConnectionId: peering.id
            )
                .provider(awsEu.reference)
                .dependsOn(peeringAccepter.address)
            euToUse1
            let toEu0 = AWSRoute(
                "to-eu-0",
                routeTableId: networkPrivateRt0.id,
                destinationCidrBlock: "10.2.0.0/16",
                vpcPeeringConnectionId: peering.id
            )
                .dependsOn(peeringAccepter.address)
            toEu0
            let toEu1 = AWSRoute(
                "to-eu-1",
                routeTableId: networkPrivateRt1.id,
                destinationCidrBlock: "10.2.0.0/16",
                vpcPeeringConnectionId: peering.id
            )
                .dependsOn(peeringAccepter.address)
            toEu1
            let toEu2 = AWSRoute(
                "to-eu-2",
                routeTableId: networkPrivateRt2.id,
                destinationCidrBlock: "10.2.0.0/16",
                vpcPeeringConnectionId: peering.id
            )
                .dependsOn(peeringAccepter.address)
            toEu2
            let eksClusterEgress = AWSVPCSecurityGroupEgressRule(
                "eks_cluster_egress",
                ipProtocol: "-1",
                securityGroupId: eksClusterSg.id,
                cidrIpv4: "0.0.0.0/0"
            )
            eksClusterEgress
            let eksNodesEgress = AWSVPCSecurityGroupEgressRule(
                "eks_nodes_egress",
                ipProtocol: "-1",
                securityGroupId: eksNodeSg.id,
                cidrIpv4: "0.0.0.0/0"
            )
            eksNodesEgress
            let euDbEgress = AWSVPCSecurityGroupEgressRule(
                "eu-db-egress",
                ipProtocol: "-1",
                securityGroupId: euDbSg.id,
                cidrIpv4: "10.0.0.0/16"
            )
                .provider(awsEu.reference)
            euDbEgress
            let eksClusterFromNodes = AWSVPCSecurityGroupIngressRule(
                "eks_cluster_from_nodes",
                ipProtocol: "tcp",
                securityGroupId: eksClusterSg.id,
                description: "nodes to API server",
                fromPort: 443,
                referencedSecurityGroupId: eksNodeSg.id,
                toPort: 443
            )
            eksClusterFromNodes
            let eksNodesSelf = AWSVPCSecurityGroupIngressRule(
                "eks_nodes_self",
                ipProtocol: "-1",
                securityGroupId: eksNodeSg.id,
                description: "node to node",
                referencedSecurityGroupId: eksNodeSg.id
            )
            eksNodesSelf
            let euDbDocumentdb = AWSVPCSecurityGroupIngressRule(
                "eu-db-documentdb",
                ipProtocol: "tcp",
                securityGroupId: euDbSg.id,
                cidrIpv4: "10.0.0.0/16",
                description: "documentdb from us-east-1 VPC",
                fromPort: 27017,
                toPort: 27017
            )
                .provider(awsEu.reference)
            euDbDocumentdb
            let euDbMysql = AWSVPCSecurityGroupIngressRule(
                "eu-db-mysql",
                ipProtocol: "tcp",
                securityGroupId: euDbSg.id,
                cidrIpv4: "10.0.0.0/16",
                description: "mysql from us-east-1 VPC",
                fromPort: 3306,
                toPort: 3306
            )
                .provider(awsEu.reference)
            euDbMysql
            let euDbPostgres = AWSVPCSecurityGroupIngressRule(
                "eu-db-postgres",
                ipProtocol: "tcp",
                securityGroupId: euDbSg.id,
                cidrIpv4: "10.0.0.0/16",
                description: "postgres from us-east-1 VPC",
                fromPort: 5432,
                toPort: 5432
            )
                .provider(awsEu.reference)
            euDbPostgres
            let euDbRedis = AWSVPCSecurityGroupIngressRule(
                "eu-db-redis",
                ipProtocol: "tcp",
                securityGroupId: euDbSg.id,
                cidrIpv4: "10.0.0.0/16",
                description: "redis from us-east-1 VPC",
                fromPort: 6379,
                toPort: 6379
            )
                .provider(awsEu.reference)
            euDbRedis
            Output("cluster_endpoint", eksCluster.endpoint)
            Output("postgres_endpoint", postgres.endpoint)
            Output("vpc_id", networkVpc.id)
            Output("zone_id", zone.zoneId)
            Moved(
                from: .resource(type: "aws_cloudwatch_log_group", name: "network_flow-log-group_73759AFD"),
                to: networkFlowLogGroup.address
            )
            Moved(from: .resource(type: "aws_eip", name: "network_nat-eip-0_31DC63CB"), to: networkNatEip0.address)
            Moved(from: .resource(type: "aws_eip", name: "network_nat-eip-1_FEFE530F"), to: networkNatEip1.address)
            Moved(from: .resource(type: "aws_eip", name: "network_nat-eip-2_39F91736"), to: networkNatEip2.address)
            Moved(
                from: .resource(type: "aws_eks_addon", name: "eks_addon-aws-ebs-csi-driver_EAF449B9"),
                to: eksAddonAwsEbsCsiDriver.address
            )
            Moved(
                from: .resource(type: "aws_eks_addon", name: "eks_addon-vpc-cni_E9D6B5A5"),
                to: eksAddonVpcCni.address
            )
            Moved(from: .resource(type: "aws_eks_cluster", name: "eks_cluster_55B0C966"), to: eksCluster.address)
            Moved(
                from: .resource(type: "aws_eks_node_group", name: "eks_ng-compute_425B621D"),
                to: eksNgCompute.address
            )
            Moved(
                from: .resource(type: "aws_eks_node_group", name: "eks_ng-general_0F76F275"),
                to: eksNgGeneral.address
            )
            Moved(from: .resource(type: "aws_eks_node_group", name: "eks_ng-memory_7C1131F9"), to: eksNgMemory.address)
            Moved(from: .resource(type: "aws_flow_log", name: "network_flow-log_4CEF6CCF"), to: networkFlowLog.address)
            Moved(
                from: .resource(type: "aws_iam_openid_connect_provider", name: "eks_oidc_6E1343DF"),
                to: eksOidc.address
            )
            Moved(from: .resource(type: "aws_iam_role", name: "eks_cluster-role_F63B2DEE"), to: eksClusterRole.address)
            Moved(from: .resource(type: "aws_iam_role", name: "eks_node-role_088D8AAD"), to: eksNodeRole.address)
            Moved(
                from: .resource(type: "aws_iam_role", name: "network_flow-log-role_D4C6C2EC"),
                to: networkFlowLogRole.address
            )
            Moved(
                from: .resource(type: "aws_iam_role_policy", name: "network_flow-log-policy_D2D7635F"),
                to: networkFlowLogPolicy.address
            )
            Moved(
                from: .resource(type: "aws_iam_role_policy_attachment", name: "eks_cluster-policy_AA9B86CA"),
                to: eksClusterPolicy.address
            )
            Moved(
                from: .resource(type: "aws_iam_role_policy_attachment", name: "eks_node-policy-0_172ABCF0"),
                to: eksNodePolicy0.address
            )
            Moved(
                from: .resource(type: "aws_iam_role_policy_attachment", name: "eks_node-policy-1_71CC0879"),
                to: eksNodePolicy1.address
            )
            Moved(
                from: .resource(type: "aws_iam_role_policy_attachment", name: "eks_node-policy-2_C2F6572F"),
                to: eksNodePolicy2.address
            )
            Moved(from: .resource(type: "aws_internet_gateway", name: "network_igw_5DF1EDA1"), to: networkIgw.address)
            Moved(from: .resource(type: "aws_kms_alias", name: "eks_kms-alias_53A499F2"), to: eksKmsAlias.address)
            Moved(from: .resource(type: "aws_kms_key", name: "eks_kms_21011EB6"), to: eksKms.address)
            Moved(from: .resource(type: "aws_nat_gateway", name: "network_nat-0_D2F55FEE"), to: networkNat0.address)
            Moved(from: .resource(type: "aws_nat_gateway", name: "network_nat-1_A72B97BB"), to: networkNat1.address)
            Moved(from: .resource(type: "aws_nat_gateway", name: "network_nat-2_1CA02788"), to: networkNat2.address)
            Moved(
                from: .resource(type: "aws_network_acl", name: "network_private-nacl_DC47F3DA"),
                to: networkPrivateNacl.address
            )
            Moved(
                from: .resource(type: "aws_network_acl_rule", name: "network_nacl-in_41DC9D17"),
                to: networkNaclIn.address
            )
            Moved(
                from: .resource(type: "aws_network_acl_rule", name: "network_nacl-out_2CA94F06"),
                to: networkNaclOut.address
            )
            Moved(
                from: .resource(type: "aws_route", name: "network_private-default-0_41C60DD1"),
                to: networkPrivateDefault0.address
            )
            Moved(
                from: .resource(type: "aws_route", name: "network_private-default-1_E19087E3"),
                to: networkPrivateDefault1.address
            )
            Moved(
                from: .resource(type: "aws_route", name: "network_private-default-2_AE1BB53C"),
                to: networkPrivateDefault2.address
            )
            Moved(
                from: .resource(type: "aws_route", name: "network_public-default_3421D37F"),
                to: networkPublicDefault.address
            )
            Moved(
                from: .resource(type: "aws_route_table", name: "network_private-rt-0_F2372D3F"),
                to: networkPrivateRt0.address
            )
            Moved(
                from: .resource(type: "aws_route_table", name: "network_private-rt-1_97C6797C"),
                to: networkPrivateRt1.address
            )
            Moved(
                from: .resource(type: "aws_route_table", name: "network_private-rt-2_B3D0D831"),
                to: networkPrivateRt2.address
            )
            Moved(
                from: .resource(type: "aws_route_table", name: "network_public-rt_C8EB1D1E"),
                to: networkPublicRt.address
            )
            Moved(
                from: .resource(type: "aws_route_table_association", name: "network_private-rta-0_D5795043"),
                to: networkPrivateRta0.address
            )
            Moved(
                from: .resource(type: "aws_route_table_association", name: "network_private-rta-1_4CA33A32"),
                to: networkPrivateRta1.address
            )
            Moved(
                from: .resource(type: "aws_route_table_association", name: "network_private-rta-2_7D308C2B"),
                to: networkPrivateRta2.address
            )
            Moved(
                from: .resource(type: "aws_route_table_association", name: "network_public-rta-0_0A30B90E"),
                to: networkPublicRta0.address
            )
            Moved(
                from: .resource(type: "aws_route_table_association", name: "network_public-rta-1_34A86780"),
                to: networkPublicRta1.address
            )
            Moved(
                from: .resource(type: "aws_route_table_association", name: "network_public-rta-2_3DA896D5"),
                to: networkPublicRta2.address
            )
            Moved(
                from: .resource(type: "aws_security_group", name: "eks_cluster-sg_2CA7AFC3"),
                to: eksClusterSg.address
            )
            Moved(from: .resource(type: "aws_security_group", name: "eks_node-sg_980CEE91"), to: eksNodeSg.address)
            Moved(from: .resource(type: "aws_subnet", name: "network_private-0_A0649C48"), to: networkPrivate0.address)
            Moved(from: .resource(type: "aws_subnet", name: "network_private-1_4188AF2B"), to: networkPrivate1.address)
            Moved(from: .resource(type: "aws_subnet", name: "network_private-2_96169D1F"), to: networkPrivate2.address)
            Moved(from: .resource(type: "aws_subnet", name: "network_public-0_A4E682E0"), to: networkPublic0.address)
            Moved(from: .resource(type: "aws_subnet", name: "network_public-1_8D79547B"), to: networkPublic1.address)
            Moved(from: .resource(type: "aws_subnet", name: "network_public-2_7452BF82"), to: networkPublic2.address)
            Moved(from: .resource(type: "aws_vpc", name: "network_vpc_4E8F0223"), to: networkVpc.address)
            Moved(
                from: .resource(type: "aws_vpc_security_group_egress_rule", name: "eks_cluster-egress_610E8AB0"),
                to: eksClusterEgress.address
            )
            Moved(
                from: .resource(type: "aws_vpc_security_group_egress_rule", name: "eks_nodes-egress_26165A18"),
                to: eksNodesEgress.address
            )
            Moved(
                from: .resource(type: "aws_vpc_security_group_ingress_rule", name: "eks_cluster-from-nodes_982A6B33"),
                to: eksClusterFromNodes.address
            )
            Moved(
                from: .resource(type: "aws_vpc_security_group_ingress_rule", name: "eks_nodes-self_88B6CE21"),
                to: eksNodesSelf.address
            )
        }
    }
}
