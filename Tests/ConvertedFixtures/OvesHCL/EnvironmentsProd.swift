// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from environments/prod (4 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform root `environments/prod`, converted from `backend.tf`, `main.tf`, `outputs.tf`, `variables.tf`.
public enum EnvironmentsProd {
    /// The root as a stack: `environments/prod` in the output folder.
    public static var stack: Stack {
        Stack(
            "prod",
            directory: "environments/prod",
            settings: TerraformSettings(
                requiredVersion: ">= 1.5.0",
                requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")],
                backend: .s3(
                    S3Backend(
                        bucket: "oves-terraform-state",
                        key: "environments/prod/terraform.tfstate",
                        region: "us-east-1",
                        dynamodbTable: "oves-terraform-locks",
                        encrypt: true
                    )
                )
            ),
            tfvars: [
                "cluster_log_retention_days": 365,
                "database_backup_retention_days": 14,
                "docdb_instance_class": "db.r6g.large",
                "flow_log_retention_days": 365,
                "kubernetes_version": "1.35",
                "legacy_instance_type": "t3.large",
                "legacy_volume_size": 100,
                "mysql": ["allocated_storage": 100, "engine_version": "8.0.39", "instance_class": "db.r6g.large", "max_allocated_storage": 1000, "parameter_family": "mysql8.0"],
                "postgres": ["allocated_storage": 100, "engine_version": "16.4", "instance_class": "db.r6g.large", "max_allocated_storage": 1000, "parameter_family": "postgres16"],
                "redis_node_type": "cache.r6g.large",
            ]
        ) {
            let clusterLogRetentionDays = Variable<Double>(
                "cluster_log_retention_days",
                description: "Days control-plane logs are kept"
            )
            clusterLogRetentionDays
            let databaseBackupRetentionDays = Variable<Double>(
                "database_backup_retention_days",
                description: "Days of automated backups"
            )
            databaseBackupRetentionDays
            let docdbInstanceClass = Variable<String>("docdb_instance_class", description: "DocumentDB instance class")
            docdbInstanceClass
            let flowLogRetentionDays = Variable<Double>(
                "flow_log_retention_days",
                description: "Days VPC flow logs are kept"
            )
            flowLogRetentionDays
            let kubernetesVersion = Variable<String>(
                "kubernetes_version",
                description: "Kubernetes minor version (1.28 or later)"
            )
            kubernetesVersion
            let legacyInstanceType = Variable<String>("legacy_instance_type", description: "The instance type")
            legacyInstanceType
            let legacyVolumeSize = Variable<Double>(
                "legacy_volume_size",
                description: "Root volume size in GiB (gp3, encrypted)"
            )
            legacyVolumeSize
            let mysql = Variable<Value>(
                "mysql",
                type: "object({ instance_class = string, engine_version = string, parameter_family = string, allocated_storage = number, max_allocated_storage = number })",
                description: "MySQL settings"
            )
            mysql
            let postgres = Variable<Value>(
                "postgres",
                type: "object({ instance_class = string, engine_version = string, parameter_family = string, allocated_storage = number, max_allocated_storage = number })",
                description: "PostgreSQL settings"
            )
            postgres
            let redisNodeType = Variable<String>("redis_node_type", description: "ElastiCache node type")
            redisNodeType
            let aws = Provider.aws(
                region: "us-east-1",
                defaultTags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            aws
            let awsEu = Provider.aws(
                region: "eu-central-1",
                alias: "eu",
                defaultTags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            awsEu
            let prodVolumesDlmRole = AWSIAMRole(
                "prod_volumes_dlm",
                assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["dlm.amazonaws.com"]]]]] as Expression)),
                namePrefix: "oves-prod-volumes-dlm-",
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodVolumesDlmRole
            let prodVolumes = AWSDLMLifecyclePolicy(
                "prod_volumes",
                description: "Daily snapshots of oves-prod-volumes",
                executionRoleArn: prodVolumesDlmRole.arn,
                policyDetails: .init(
                    resourceTypes: ["VOLUME"],
                    schedule: [
                        .init(
                            createRule: .init(interval: 24, intervalUnit: "HOURS", times: ["03:00"]),
                            name: "daily",
                            retainRule: .init(count: 14),
                            copyTags: true
                        ),
                    ],
                    targetTags: ["oves.io/backup": "daily"]
                ),
                state: "ENABLED",
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodVolumes
            let prodVolumesDlmAttachment = AWSIAMRolePolicyAttachment(
                "prod_volumes_dlm",
                policyArn: "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole",
                role: prodVolumesDlmRole.nameRef
            )
            prodVolumesDlmAttachment
            let sharedFilesEfsKey = AWSKMSKey(
                "shared_files_efs",
                deletionWindowInDays: 30,
                description: "EFS encryption for oves-prod-shared",
                enableKeyRotation: true,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            sharedFilesEfsKey
            let sharedFilesSystem = AWSEFSFileSystem(
                "shared_files",
                creationToken: "oves-prod-shared",
                encrypted: true,
                kmsKeyId: sharedFilesEfsKey.arn,
                lifecyclePolicy: [.init(transitionToIa: "AFTER_30_DAYS")],
                performanceMode: "generalPurpose",
                tags: Fn.merge(["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"], ["Name": "oves-prod-shared"]),
                throughputMode: "elastic"
            )
            sharedFilesSystem
            let sharedFilesPolicy = AWSEFSBackupPolicy(
                "shared_files",
                backupPolicy: .init(status: "ENABLED"),
                fileSystemId: sharedFilesSystem.id
            )
            sharedFilesPolicy
            let prodAccountMicroserviceSecrets = AWSSecretsManagerSecret(
                "prod_account_microservice_secrets",
                description: "account-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret account-microservice-secrets in prod; the value is set by operators.",
                name: "oves/prod/account-microservice-secrets",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodAccountMicroserviceSecrets
            let prodAuthMicroserviceSecrets = AWSSecretsManagerSecret(
                "prod_auth_microservice_secrets",
                description: "auth-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret auth-microservice-secrets in prod; the value is set by operators.",
                name: "oves/prod/auth-microservice-secrets",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodAuthMicroserviceSecrets
            let prodClientMicroserviceSecrets = AWSSecretsManagerSecret(
                "prod_client_microservice_secrets",
                description: "client-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret client-microservice-secrets in prod; the value is set by operators.",
                name: "oves/prod/client-microservice-secrets",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodClientMicroserviceSecrets
            let prodCloudflareApiToken = AWSSecretsManagerSecret(
                "prod_cloudflare_api_token",
                description: "Cloudflare API token (Zone.DNS edit on omnivoltaic.com) for DNS-01 and external-dns. A JSON object (keys api-token), synced to Secret cloudflare-api-token in cert-manager, external-dns; the value is set by operators.",
                name: "oves/prod/cloudflare-api-token",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodCloudflareApiToken
            let prodMongodbCredentials = AWSSecretsManagerSecret(
                "prod_mongodb_credentials",
                description: "MongoDB root user. A JSON object (keys password, username), synced to Secret mongodb-credentials in databases; the value is set by operators.",
                name: "oves/prod/mongodb-credentials",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodMongodbCredentials
            let prodMqttBrokerPasswords = AWSSecretsManagerSecret(
                "prod_mqtt_broker_passwords",
                description: "Mosquitto password file (mosquitto_passwd format). A JSON object (keys passwords), synced to Secret mqtt-broker-passwords in prod; the value is set by operators.",
                name: "oves/prod/mqtt-broker-passwords",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodMqttBrokerPasswords
            let prodPostgresqlCredentials = AWSSecretsManagerSecret(
                "prod_postgresql_credentials",
                description: "PostgreSQL superuser password. A JSON object (keys password), synced to Secret postgresql-credentials in databases; the value is set by operators.",
                name: "oves/prod/postgresql-credentials",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodPostgresqlCredentials
            let prodRedisCredentials = AWSSecretsManagerSecret(
                "prod_redis_credentials",
                description: "Redis AUTH password. A JSON object (keys password), synced to Secret redis-credentials in databases; the value is set by operators.",
                name: "oves/prod/redis-credentials",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodRedisCredentials
            let prodThingMicroserviceSecrets = AWSSecretsManagerSecret(
                "prod_thing_microservice_secrets",
                description: "thing-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret thing-microservice-secrets in prod; the value is set by operators.",
                name: "oves/prod/thing-microservice-secrets",
                recoveryWindowInDays: 30,
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            prodThingMicroserviceSecrets
            let databaseVpc = ModuleCall(
                "database_vpc",
                module: VpcModule.module,
                inputs: [
                    "cidr_block": "10.30.0.0/16",
                    "database_subnets": [
                        "eu-central-1a": "10.30.96.0/24",
                        "eu-central-1b": "10.30.97.0/24",
                        "eu-central-1c": "10.30.98.0/24",
                    ],
                    "eks_cluster_names": [],
                    "enable_nat_gateway": false,
                    "flow_log_retention_days": 365,
                    "name": "oves-prod-database",
                    "peer_cidr_blocks": ["10.10.0.0/16"],
                    "private_subnets": [
                        "eu-central-1a": "10.30.0.0/19",
                        "eu-central-1b": "10.30.32.0/19",
                        "eu-central-1c": "10.30.64.0/19",
                    ],
                    "public_subnets": [:],
                    "single_nat_gateway": false,
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                ],
                providers: ["aws": awsEu.reference]
            )
            databaseVpc
            let rds = ModuleCall(
                "rds",
                module: RdsModule.module,
                inputs: [
                    "allowed_cidr_blocks": ["10.10.0.0/16"],
                    "backup_retention_days": databaseBackupRetentionDays.value.expression,
                    "deletion_protection": true,
                    "docdb_instance_class": docdbInstanceClass.value.expression,
                    "docdb_instance_count": 2,
                    "identifier": "oves-prod",
                    "mysql": mysql.value.expression,
                    "postgres": postgres.value.expression,
                    "redis_node_count": 2,
                    "redis_node_type": redisNodeType.value.expression,
                    "subnet_ids": (databaseVpc.output("database_subnet_ids") as Expr<Value>).expression,
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                    "vpc_id": (databaseVpc.output("vpc_id") as Expr<String>).expression,
                ],
                providers: ["aws": awsEu.reference]
            )
            rds
            let s3Logs = ModuleCall(
                "s3_logs",
                module: S3Module.module,
                inputs: [
                    "archive_storage_class": "GLACIER",
                    "bucket": "oves-logs-prod",
                    "expiration_days": 730,
                    "force_destroy": false,
                    "is_log_bucket": true,
                    "log_bucket": "",
                    "noncurrent_version_expiration_days": 90,
                    "policy_statements": [],
                    "replica_bucket": "",
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                    "transition_archive_days": 90,
                    "transition_ia_days": 30,
                ],
                providers: ["aws": aws.reference, "aws.replica": awsEu.reference]
            )
            s3Logs
            let s3Artifacts = ModuleCall(
                "s3_artifacts",
                module: S3Module.module,
                inputs: [
                    "archive_storage_class": "GLACIER_IR",
                    "bucket": "oves-artifacts-prod",
                    "expiration_days": 0,
                    "force_destroy": false,
                    "is_log_bucket": false,
                    "log_bucket": (s3Logs.output("log_target_bucket") as Expr<String>).expression,
                    "noncurrent_version_expiration_days": 90,
                    "policy_statements": [],
                    "replica_bucket": "",
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                    "transition_archive_days": 180,
                    "transition_ia_days": 90,
                ],
                providers: ["aws": aws.reference, "aws.replica": awsEu.reference]
            )
            s3Artifacts
            let s3Backups = ModuleCall(
                "s3_backups",
                module: S3Module.module,
                inputs: [
                    "archive_storage_class": "GLACIER",
                    "bucket": "oves-backups-prod",
                    "expiration_days": 0,
                    "force_destroy": false,
                    "is_log_bucket": false,
                    "log_bucket": (s3Logs.output("log_target_bucket") as Expr<String>).expression,
                    "noncurrent_version_expiration_days": 180,
                    "policy_statements": [],
                    "replica_bucket": "oves-backups-prod-replica-eu",
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                    "transition_archive_days": 90,
                    "transition_ia_days": 30,
                ],
                providers: ["aws": aws.reference, "aws.replica": awsEu.reference]
            )
            s3Backups
            let s3Static = ModuleCall(
                "s3_static",
                module: S3Module.module,
                inputs: [
                    "archive_storage_class": "GLACIER_IR",
                    "bucket": "oves-static-prod",
                    "expiration_days": 0,
                    "force_destroy": false,
                    "is_log_bucket": false,
                    "log_bucket": (s3Logs.output("log_target_bucket") as Expr<String>).expression,
                    "noncurrent_version_expiration_days": 30,
                    "policy_statements": [],
                    "replica_bucket": "",
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                    "transition_archive_days": 365,
                    "transition_ia_days": 90,
                ],
                providers: ["aws": aws.reference, "aws.replica": awsEu.reference]
            )
            s3Static
            let vpc = ModuleCall(
                "vpc",
                module: VpcModule.module,
                inputs: [
                    "cidr_block": "10.10.0.0/16",
                    "database_subnets": [:],
                    "eks_cluster_names": ["oves-prod"],
                    "enable_nat_gateway": true,
                    "flow_log_retention_days": flowLogRetentionDays.value.expression,
                    "name": "oves-prod",
                    "peer_cidr_blocks": ["10.30.0.0/16"],
                    "private_subnets": [
                        "us-east-1a": "10.10.0.0/19",
                        "us-east-1b": "10.10.32.0/19",
                        "us-east-1c": "10.10.64.0/19",
                    ],
                    "public_subnets": [
                        "us-east-1a": "10.10.96.0/22",
                        "us-east-1b": "10.10.100.0/22",
                        "us-east-1c": "10.10.104.0/22",
                    ],
                    "single_nat_gateway": false,
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                ]
            )
            vpc
            let sharedFilesEfsGroup = AWSSecurityGroup(
                "shared_files_efs",
                description: "NFS clients of oves-prod-shared",
                namePrefix: "oves-prod-shared-nfs-",
                tags: ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                vpcId: (vpc.output("vpc_id") as Expr<String>)
            )
            sharedFilesEfsGroup
            let sharedFilesTarget = AWSEFSMountTarget(
                "shared_files",
                fileSystemId: sharedFilesSystem.id,
                subnetId: Expr<String>(Expression.eachValue),
                securityGroups: [sharedFilesEfsGroup.id]
            )
                .forEach(
                    (vpc.output("private_subnet_ids") as Expr<Value>).toMap(as: "i", "id") { i, id in (Fn.tostring(i), id) }.expression
                )
            sharedFilesTarget
            let sharedFilesEfsRule = AWSVPCSecurityGroupIngressRule(
                "shared_files_efs",
                ipProtocol: "tcp",
                securityGroupId: sharedFilesEfsGroup.id,
                cidrIpv4: Expr<String>(Expression.eachValue),
                description: "NFS from an allowed range",
                fromPort: 2049,
                toPort: 2049
            )
                .forEach((["10.10.0.0/16": "10.10.0.0/16"] as Expression))
            sharedFilesEfsRule
            let ec2 = ModuleCall(
                "ec2",
                module: Ec2Module.module,
                inputs: [
                    "allowed_cidr_blocks": ["10.10.0.0/16"],
                    "ami_ssm_parameter": "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                    "app_ports": [8080],
                    "desired_capacity": 2,
                    "instance_type": legacyInstanceType.value.expression,
                    "max_size": 4,
                    "min_size": 2,
                    "name": "oves-prod-legacy",
                    "snapshot_retention_days": 14,
                    "subnet_ids": (vpc.output("private_subnet_ids") as Expr<Value>).expression,
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                    "volume_iops": 3000,
                    "volume_size": legacyVolumeSize.value.expression,
                    "volume_throughput": 125,
                    "vpc_id": (vpc.output("vpc_id") as Expr<String>).expression,
                ]
            )
            ec2
            let eks = ModuleCall(
                "eks",
                module: EksModule.module,
                inputs: [
                    "access_entries": [
                        "arn:aws:iam::111122223333:role/oves-developer": ["kubernetes_groups": ["oves:developers"]],
                        "arn:aws:iam::111122223333:role/oves-platform-admin": [
                            "kubernetes_groups": ["oves:platform-admins"],
                        ],
                    ],
                    "access_policy_associations": [
                        "arn:aws:iam::111122223333:role/oves-platform-admin arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy": [
                            "principal_arn": "arn:aws:iam::111122223333:role/oves-platform-admin",
                            "policy_arn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                            "namespaces": [],
                        ],
                    ],
                    "addons": [
                        "amazon-cloudwatch-observability": [
                            "addon_version": "v5.3.0-eksbuild.1",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "amazon-cloudwatch",
                            "service_account": "cloudwatch-agent",
                            "managed_policy_arns": ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"],
                            "policy": "",
                        ],
                        "aws-ebs-csi-driver": [
                            "addon_version": "v1.57.1-eksbuild.1",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "kube-system",
                            "service_account": "ebs-csi-controller-sa",
                            "managed_policy_arns": ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
                            "policy": "",
                        ],
                        "aws-secrets-store-csi-driver-provider": [
                            "addon_version": "v3.1.3-eksbuild.1",
                            "configuration_values": Fn.jsonencode((["secrets-store-csi-driver": Expr<Value>(["syncSecret": ["enabled": true], "enableSecretRotation": true, "rotationPollInterval": "2m"] as Expression)] as Expr<[String: Value]>)).expression,
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                        "cert-manager": [
                            "addon_version": "v1.19.3-eksbuild.2",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                        "coredns": [
                            "addon_version": "v1.13.2-eksbuild.1",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                        "external-dns": [
                            "addon_version": "v0.20.0-eksbuild.3",
                            "configuration_values": Fn.jsonencode(Expr<Value>(["provider": ["name": "aws"], "registry": "txt", "txtOwnerId": "oves-prod", "domainFilters": ["cn.omnivoltaic.com"], "policy": "sync", "sources": ["ingress", "service"]] as Expression)).expression,
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "external-dns",
                            "service_account": "external-dns",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ChangeOwnRecords", "Effect": "Allow", "Action": ["route53:ChangeResourceRecordSets"], "Resource": ["arn:aws:route53:::hostedzone/*"], "Condition": ["ForAllValues:StringLike": ["route53:ChangeResourceRecordSetsNormalizedRecordNames": ["cn.omnivoltaic.com", "*.cn.omnivoltaic.com"]]]], ["Sid": "ListZonesAndRecords", "Effect": "Allow", "Action": ["route53:ListHostedZones", "route53:ListResourceRecordSets", "route53:ListTagsForResources"], "Resource": ["*"]]]] as Expression)).expression,
                        ],
                        "kube-proxy": [
                            "addon_version": "v1.35.0-eksbuild.2",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": true,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                        "kube-state-metrics": [
                            "addon_version": "v2.16.0-eksbuild.1",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                        "metrics-server": [
                            "addon_version": "v0.8.1-eksbuild.5",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                        "prometheus-node-exporter": [
                            "addon_version": "v1.9.1-eksbuild.3",
                            "configuration_values": "",
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": false,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                        "vpc-cni": [
                            "addon_version": "v1.21.1-eksbuild.3",
                            "configuration_values": Fn.jsonencode(Expr<[String: String]>(["enableNetworkPolicy": "true"])).expression,
                            "resolve_conflicts_on_create": "OVERWRITE",
                            "resolve_conflicts_on_update": "OVERWRITE",
                            "before_nodes": true,
                            "namespace": "",
                            "service_account": "",
                            "managed_policy_arns": [],
                            "policy": "",
                        ],
                    ],
                    "authentication_mode": "API",
                    "cluster_name": "oves-prod",
                    "endpoint_public_access": false,
                    "kubernetes_version": kubernetesVersion.value.expression,
                    "log_retention_days": clusterLogRetentionDays.value.expression,
                    "node_groups": [
                        "compute": [
                            "capacity_type": "ON_DEMAND",
                            "desired_size": 2,
                            "disk_size": 100,
                            "instance_types": ["c5.xlarge"],
                            "labels": ["workload": "compute"],
                            "max_size": 5,
                            "min_size": 2,
                            "taints": [],
                        ],
                        "general": [
                            "capacity_type": "ON_DEMAND",
                            "desired_size": 3,
                            "disk_size": 100,
                            "instance_types": ["t3.large"],
                            "labels": ["workload": "general"],
                            "max_size": 10,
                            "min_size": 3,
                            "taints": [],
                        ],
                        "memory": [
                            "capacity_type": "ON_DEMAND",
                            "desired_size": 2,
                            "disk_size": 100,
                            "instance_types": ["r5.large"],
                            "labels": ["workload": "memory"],
                            "max_size": 4,
                            "min_size": 2,
                            "taints": [],
                        ],
                    ],
                    "public_access_cidrs": [],
                    "subnet_ids": (vpc.output("private_subnet_ids") as Expr<Value>).expression,
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                    "vpc_id": (vpc.output("vpc_id") as Expr<String>).expression,
                ]
            )
            eks
            let iam = ModuleCall(
                "iam",
                module: IamModule.module,
                inputs: [
                    "cluster_name": "oves-prod",
                    "oidc_issuer": (eks.output("oidc_issuer") as Expr<Value>).expression,
                    "oidc_provider_arn": (eks.output("oidc_provider_arn") as Expr<String>).expression,
                    "roles": [
                        "aws-load-balancer-controller": [
                            "namespace": "kube-system",
                            "service_account": "aws-load-balancer-controller",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole"], "Resource": ["*"], "Condition": ["StringEquals": ["iam:AWSServiceName": ["elasticloadbalancing.amazonaws.com"]]]], ["Effect": "Allow", "Action": ["ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways", "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates", "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeCapacityReservation", "elasticloadbalancing:ModifyIpPools"], "Resource": ["*"]], ["Effect": "Allow", "Action": ["cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates", "iam:GetServerCertificate", "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection"], "Resource": ["*"]], ["Effect": "Allow", "Action": ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], "Resource": ["*"]], ["Effect": "Allow", "Action": ["ec2:CreateSecurityGroup"], "Resource": ["*"]], ["Effect": "Allow", "Action": ["ec2:CreateTags"], "Resource": ["arn:aws:ec2:*:*:security-group/*"], "Condition": ["Null": ["aws:RequestTag/elbv2.k8s.aws/cluster": ["false"]], "StringEquals": ["ec2:CreateAction": ["CreateSecurityGroup"]]]], ["Effect": "Allow", "Action": ["ec2:CreateTags", "ec2:DeleteTags"], "Resource": ["arn:aws:ec2:*:*:security-group/*"], "Condition": ["Null": ["aws:RequestTag/elbv2.k8s.aws/cluster": ["true"], "aws:ResourceTag/elbv2.k8s.aws/cluster": ["false"]]]], ["Effect": "Allow", "Action": ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"], "Resource": ["*"], "Condition": ["Null": ["aws:ResourceTag/elbv2.k8s.aws/cluster": ["false"]]]], ["Effect": "Allow", "Action": ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"], "Resource": ["*"], "Condition": ["Null": ["aws:RequestTag/elbv2.k8s.aws/cluster": ["false"]]]], ["Effect": "Allow", "Action": ["elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule"], "Resource": ["*"]], ["Effect": "Allow", "Action": ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], "Resource": ["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"], "Condition": ["Null": ["aws:RequestTag/elbv2.k8s.aws/cluster": ["true"], "aws:ResourceTag/elbv2.k8s.aws/cluster": ["false"]]]], ["Effect": "Allow", "Action": ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], "Resource": ["arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*", "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*"]], ["Effect": "Allow", "Action": ["elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyCapacityReservation"], "Resource": ["*"], "Condition": ["Null": ["aws:ResourceTag/elbv2.k8s.aws/cluster": ["false"]]]], ["Effect": "Allow", "Action": ["elasticloadbalancing:AddTags"], "Resource": ["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*", "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*"], "Condition": ["Null": ["aws:RequestTag/elbv2.k8s.aws/cluster": ["false"]], "StringEquals": ["elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"]]]], ["Effect": "Allow", "Action": ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"], "Resource": ["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"]], ["Effect": "Allow", "Action": ["elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates", "elasticloadbalancing:ModifyRule"], "Resource": ["*"]], ["Sid": "ReleaseReadsNotInVendoredPolicy", "Effect": "Allow", "Action": ["ec2:DescribeIpamPools", "ec2:DescribeRouteTables"], "Resource": ["*"]]]] as Expression)).expression,
                        ],
                        "cert-manager-route53": [
                            "namespace": "cert-manager",
                            "service_account": "cert-manager-route53",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "Changes", "Effect": "Allow", "Action": ["route53:GetChange"], "Resource": ["arn:aws:route53:::change/*"]], ["Sid": "Records", "Effect": "Allow", "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"], "Resource": ["arn:aws:route53:::hostedzone/*"]], ["Sid": "Zones", "Effect": "Allow", "Action": ["route53:ListHostedZonesByName"], "Resource": ["*"]]]] as Expression)).expression,
                        ],
                        "cluster-autoscaler": [
                            "namespace": "kube-system",
                            "service_account": "cluster-autoscaler",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "Describe", "Effect": "Allow", "Action": ["autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements", "eks:DescribeNodegroup"], "Resource": ["*"]], ["Sid": "ScaleOwnGroups", "Effect": "Allow", "Action": ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"], "Resource": ["*"], "Condition": ["StringEquals": ["aws:ResourceTag/k8s.io/cluster-autoscaler/oves-prod": ["owned"]]]]]] as Expression)).expression,
                        ],
                        "mongodb-backup": [
                            "namespace": "databases",
                            "service_account": "mongodb-backup",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "PutBackups", "Effect": "Allow", "Action": ["s3:PutObject", "s3:AbortMultipartUpload"], "Resource": ["arn:aws:s3:::oves-backups-prod/mongodb/*"]]]] as Expression)).expression,
                        ],
                        "postgresql-backup": [
                            "namespace": "databases",
                            "service_account": "postgresql-backup",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "PutBackups", "Effect": "Allow", "Action": ["s3:PutObject", "s3:AbortMultipartUpload"], "Resource": ["arn:aws:s3:::oves-backups-prod/postgresql/*"]]]] as Expression)).expression,
                        ],
                        "redis-backup": [
                            "namespace": "databases",
                            "service_account": "redis-backup",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "PutBackups", "Effect": "Allow", "Action": ["s3:PutObject", "s3:AbortMultipartUpload"], "Resource": ["arn:aws:s3:::oves-backups-prod/redis/*"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-cert-manager": [
                            "namespace": "cert-manager",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/cloudflare-api-token-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-databases": [
                            "namespace": "databases",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/mongodb-credentials-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/postgresql-credentials-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/redis-credentials-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-external-dns": [
                            "namespace": "external-dns",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/cloudflare-api-token-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-prod": [
                            "namespace": "prod",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/account-microservice-secrets-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/auth-microservice-secrets-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/client-microservice-secrets-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/mqtt-broker-passwords-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/prod/thing-microservice-secrets-??????"]]]] as Expression)).expression,
                        ],
                    ],
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                ]
            )
            iam
            let peering = ModuleCall(
                "peering",
                module: NetworkingModule.module,
                inputs: [
                    "accepter_cidr_block": "10.30.0.0/16",
                    "accepter_region": "eu-central-1",
                    "accepter_route_table_ids": (databaseVpc.output("private_route_table_ids") as Expr<[String: String]>).expression,
                    "accepter_vpc_id": (databaseVpc.output("vpc_id") as Expr<String>).expression,
                    "name": "oves-prod-to-database",
                    "requester_cidr_block": "10.10.0.0/16",
                    "requester_route_table_ids": (vpc.output("private_route_table_ids") as Expr<[String: String]>).expression,
                    "requester_vpc_id": (vpc.output("vpc_id") as Expr<String>).expression,
                    "tags": ["Environment": "prod", "ManagedBy": "swift-infra", "Project": "oves"],
                ],
                providers: ["aws": aws.reference, "aws.peer": awsEu.reference]
            )
            peering
            Output(
                "cluster_certificate_authority_data",
                (eks.output("cluster_certificate_authority_data") as Expr<Value>),
                description: "Its API server's CA bundle (base64)"
            )
            Output("cluster_endpoint", (eks.output("cluster_endpoint") as Expr<String>), description: "Its API server")
            Output("cluster_name", (eks.output("cluster_name") as Expr<String>), description: "The production cluster")
            Output("vpc_id", (vpc.output("vpc_id") as Expr<String>), description: "The production VPC")
        }
    }
}
