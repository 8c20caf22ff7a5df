// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from environments/dev (4 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform root `environments/dev`, converted from `backend.tf`, `main.tf`, `outputs.tf`, `variables.tf`.
public enum EnvironmentsDev {
    /// The root as a stack: `environments/dev` in the output folder.
    public static var stack: Stack {
        Stack(
            "dev",
            directory: "environments/dev",
            settings: TerraformSettings(
                requiredVersion: ">= 1.5.0",
                requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")],
                backend: .s3(
                    S3Backend(
                        bucket: "oves-terraform-state",
                        key: "environments/dev/terraform.tfstate",
                        region: "us-east-1",
                        dynamodbTable: "oves-terraform-locks",
                        encrypt: true
                    )
                )
            ),
            tfvars: [
                "cluster_log_retention_days": 90,
                "flow_log_retention_days": 90,
                "kubernetes_version": "1.35",
                "legacy_instance_type": "t3.medium",
                "legacy_volume_size": 100,
            ]
        ) {
            let clusterLogRetentionDays = Variable<Double>(
                "cluster_log_retention_days",
                description: "Days control-plane logs are kept"
            )
            clusterLogRetentionDays
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
            let aws = Provider.aws(
                region: "us-east-1",
                defaultTags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            aws
            let devVolumesDlmRole = AWSIAMRole(
                "dev_volumes_dlm",
                assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["dlm.amazonaws.com"]]]]] as Expression)),
                namePrefix: "oves-dev-volumes-dlm-",
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devVolumesDlmRole
            let devVolumes = AWSDLMLifecyclePolicy(
                "dev_volumes",
                description: "Daily snapshots of oves-dev-volumes",
                executionRoleArn: devVolumesDlmRole.arn,
                policyDetails: .init(
                    resourceTypes: ["VOLUME"],
                    schedule: [
                        .init(
                            createRule: .init(interval: 24, intervalUnit: "HOURS", times: ["03:00"]),
                            name: "daily",
                            retainRule: .init(count: 7),
                            copyTags: true
                        ),
                    ],
                    targetTags: ["oves.io/backup": "daily"]
                ),
                state: "ENABLED",
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devVolumes
            let devVolumesDlmAttachment = AWSIAMRolePolicyAttachment(
                "dev_volumes_dlm",
                policyArn: "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole",
                role: devVolumesDlmRole.nameRef
            )
            devVolumesDlmAttachment
            let devAccountMicroserviceSecrets = AWSSecretsManagerSecret(
                "dev_account_microservice_secrets",
                description: "account-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret account-microservice-secrets in dev; the value is set by operators.",
                name: "oves/dev/account-microservice-secrets",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devAccountMicroserviceSecrets
            let devAuthMicroserviceSecrets = AWSSecretsManagerSecret(
                "dev_auth_microservice_secrets",
                description: "auth-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret auth-microservice-secrets in dev; the value is set by operators.",
                name: "oves/dev/auth-microservice-secrets",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devAuthMicroserviceSecrets
            let devChecklyAgent = AWSSecretsManagerSecret(
                "dev_checkly_agent",
                description: "Checkly agent API key. A JSON object (keys api-key), synced to Secret checkly-agent in checkly; the value is set by operators.",
                name: "oves/dev/checkly-agent",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devChecklyAgent
            let devClientMicroserviceSecrets = AWSSecretsManagerSecret(
                "dev_client_microservice_secrets",
                description: "client-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret client-microservice-secrets in dev; the value is set by operators.",
                name: "oves/dev/client-microservice-secrets",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devClientMicroserviceSecrets
            let devCloudflareApiToken = AWSSecretsManagerSecret(
                "dev_cloudflare_api_token",
                description: "Cloudflare API token (Zone.DNS edit on omnivoltaic.com) for DNS-01 and external-dns. A JSON object (keys api-token), synced to Secret cloudflare-api-token in cert-manager, external-dns; the value is set by operators.",
                name: "oves/dev/cloudflare-api-token",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devCloudflareApiToken
            let devElasticsearchCredentials = AWSSecretsManagerSecret(
                "dev_elasticsearch_credentials",
                description: "Elasticsearch elastic user password. A JSON object (keys password), synced to Secret elasticsearch-credentials in logging, monitoring; the value is set by operators.",
                name: "oves/dev/elasticsearch-credentials",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devElasticsearchCredentials
            let devGrafanaAdmin = AWSSecretsManagerSecret(
                "dev_grafana_admin",
                description: "Grafana admin password. A JSON object (keys password), synced to Secret grafana-admin in monitoring; the value is set by operators.",
                name: "oves/dev/grafana-admin",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devGrafanaAdmin
            let devInfluxdbCredentials = AWSSecretsManagerSecret(
                "dev_influxdb_credentials",
                description: "InfluxDB initial user and admin token. A JSON object (keys admin-token, password, username), synced to Secret influxdb-credentials in monitoring; the value is set by operators.",
                name: "oves/dev/influxdb-credentials",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devInfluxdbCredentials
            let devKibanaElasticsearchToken = AWSSecretsManagerSecret(
                "dev_kibana_elasticsearch_token",
                description: "Kibana's Elasticsearch service account token. A JSON object (keys token), synced to Secret kibana-elasticsearch-token in logging; the value is set by operators.",
                name: "oves/dev/kibana-elasticsearch-token",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devKibanaElasticsearchToken
            let devThingMicroserviceSecrets = AWSSecretsManagerSecret(
                "dev_thing_microservice_secrets",
                description: "thing-microservice environment variables (each key becomes one). A JSON object (keys DATABASE_URL, JWT_SECRET, REDIS_URL), synced to Secret thing-microservice-secrets in dev; the value is set by operators.",
                name: "oves/dev/thing-microservice-secrets",
                recoveryWindowInDays: 7,
                tags: ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"]
            )
            devThingMicroserviceSecrets
            let vpc = ModuleCall(
                "vpc",
                module: VpcModule.module,
                inputs: [
                    "cidr_block": "10.20.0.0/16",
                    "database_subnets": [:],
                    "eks_cluster_names": ["oves-dev"],
                    "enable_nat_gateway": true,
                    "flow_log_retention_days": flowLogRetentionDays.value.expression,
                    "name": "oves-dev",
                    "peer_cidr_blocks": [],
                    "private_subnets": [
                        "us-east-1a": "10.20.0.0/19",
                        "us-east-1b": "10.20.32.0/19",
                        "us-east-1c": "10.20.64.0/19",
                    ],
                    "public_subnets": [
                        "us-east-1a": "10.20.96.0/22",
                        "us-east-1b": "10.20.100.0/22",
                        "us-east-1c": "10.20.104.0/22",
                    ],
                    "single_nat_gateway": true,
                    "tags": ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"],
                ]
            )
            vpc
            let ec2 = ModuleCall(
                "ec2",
                module: Ec2Module.module,
                inputs: [
                    "allowed_cidr_blocks": ["10.20.0.0/16"],
                    "ami_ssm_parameter": "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                    "app_ports": [8080],
                    "desired_capacity": 1,
                    "instance_type": legacyInstanceType.value.expression,
                    "max_size": 2,
                    "min_size": 1,
                    "name": "oves-dev-legacy",
                    "snapshot_retention_days": 7,
                    "subnet_ids": (vpc.output("private_subnet_ids") as Expr<Value>).expression,
                    "tags": ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"],
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
                    "cluster_name": "oves-dev",
                    "endpoint_public_access": false,
                    "kubernetes_version": kubernetesVersion.value.expression,
                    "log_retention_days": clusterLogRetentionDays.value.expression,
                    "node_groups": [
                        "general": [
                            "capacity_type": "ON_DEMAND",
                            "desired_size": 2,
                            "disk_size": 100,
                            "instance_types": ["t3.medium"],
                            "labels": ["workload": "general"],
                            "max_size": 8,
                            "min_size": 2,
                            "taints": [],
                        ],
                        "spot": [
                            "capacity_type": "SPOT",
                            "desired_size": 1,
                            "disk_size": 100,
                            "instance_types": ["t3.medium", "t3a.medium", "t3.large", "t3a.large"],
                            "labels": ["workload": "spot"],
                            "max_size": 6,
                            "min_size": 0,
                            "taints": [["effect": "PREFER_NO_SCHEDULE", "key": "capacity", "value": "spot"]],
                        ],
                    ],
                    "public_access_cidrs": [],
                    "subnet_ids": (vpc.output("private_subnet_ids") as Expr<Value>).expression,
                    "tags": ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"],
                    "vpc_id": (vpc.output("vpc_id") as Expr<String>).expression,
                ]
            )
            eks
            let iam = ModuleCall(
                "iam",
                module: IamModule.module,
                inputs: [
                    "cluster_name": "oves-dev",
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
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "Describe", "Effect": "Allow", "Action": ["autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements", "eks:DescribeNodegroup"], "Resource": ["*"]], ["Sid": "ScaleOwnGroups", "Effect": "Allow", "Action": ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"], "Resource": ["*"], "Condition": ["StringEquals": ["aws:ResourceTag/k8s.io/cluster-autoscaler/oves-dev": ["owned"]]]]]] as Expression)).expression,
                        ],
                        "secrets-sync-cert-manager": [
                            "namespace": "cert-manager",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/cloudflare-api-token-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-checkly": [
                            "namespace": "checkly",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/checkly-agent-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-dev": [
                            "namespace": "dev",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/account-microservice-secrets-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/auth-microservice-secrets-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/client-microservice-secrets-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/thing-microservice-secrets-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-external-dns": [
                            "namespace": "external-dns",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/cloudflare-api-token-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-logging": [
                            "namespace": "logging",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/elasticsearch-credentials-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/kibana-elasticsearch-token-??????"]]]] as Expression)).expression,
                        ],
                        "secrets-sync-monitoring": [
                            "namespace": "monitoring",
                            "service_account": "secrets-sync",
                            "managed_policy_arns": [],
                            "policy": Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Sid": "ReadNamespaceSecrets", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], "Resource": ["arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/elasticsearch-credentials-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/grafana-admin-??????", "arn:aws:secretsmanager:us-east-1:111122223333:secret:oves/dev/influxdb-credentials-??????"]]]] as Expression)).expression,
                        ],
                    ],
                    "tags": ["Environment": "dev", "ManagedBy": "swift-infra", "Project": "oves"],
                ]
            )
            iam
            Output(
                "cluster_certificate_authority_data",
                (eks.output("cluster_certificate_authority_data") as Expr<Value>),
                description: "Its API server's CA bundle (base64)"
            )
            Output("cluster_endpoint", (eks.output("cluster_endpoint") as Expr<String>), description: "Its API server")
            Output("cluster_name", (eks.output("cluster_name") as Expr<String>), description: "The development cluster")
            Output("vpc_id", (vpc.output("vpc_id") as Expr<String>), description: "The development VPC")
        }
    }
}
