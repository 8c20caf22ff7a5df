// The curated default module `InfraAWS`: the resource types and data sources the OVES seed
// and typical EKS/VPC/data-tier stacks use, and their close siblings, one file per family.
// Everything else is generated into the opt-in `InfraAWSAll…` family products.
// Entries ending in `*` are prefixes; `data.` marks a data source.

/// The curated type list, by family file.
package enum CuratedSet {
    /// Family file name → type patterns.
    package static let families: [(family: String, types: [String])] = [
        (
            "VPC",
            [
                "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_egress_only_internet_gateway", "aws_nat_gateway",
                "aws_eip", "aws_eip_association", "aws_route", "aws_route_table", "aws_route_table_association",
                "aws_main_route_table_association", "aws_default_route_table", "aws_security_group",
                "aws_security_group_rule", "aws_default_security_group", "aws_vpc_security_group_ingress_rule",
                "aws_vpc_security_group_egress_rule", "aws_network_acl", "aws_network_acl_rule",
                "aws_network_acl_association", "aws_default_network_acl", "aws_flow_log", "aws_vpc_peering_connection",
                "aws_vpc_peering_connection_accepter", "aws_vpc_peering_connection_options", "aws_vpc_endpoint",
                "aws_vpc_endpoint_route_table_association", "aws_vpc_endpoint_subnet_association",
                "aws_vpc_ipv4_cidr_block_association", "aws_vpc_dhcp_options", "aws_vpc_dhcp_options_association",
                "data.aws_vpc", "data.aws_subnets", "data.aws_subnet", "data.aws_availability_zones",
                "data.aws_availability_zone", "data.aws_security_group", "data.aws_route_table",
                "data.aws_vpc_endpoint_service", "data.aws_nat_gateway", "data.aws_internet_gateway",
            ]
        ),
        (
            "EC2",
            [
                "aws_instance", "aws_launch_template", "aws_ebs_volume", "aws_volume_attachment", "aws_key_pair",
                "aws_network_interface", "aws_placement_group", "aws_ebs_encryption_by_default",
                "aws_ebs_default_kms_key", "data.aws_ami", "data.aws_ami_ids", "data.aws_instance",
                "data.aws_launch_template", "data.aws_ec2_instance_type", "data.aws_key_pair",
            ]
        ),
        (
            "EKS",
            [
                "aws_eks_cluster", "aws_eks_node_group", "aws_eks_addon", "aws_eks_access_entry",
                "aws_eks_access_policy_association", "aws_eks_pod_identity_association", "aws_eks_fargate_profile",
                "aws_eks_identity_provider_config", "data.aws_eks_cluster", "data.aws_eks_cluster_auth",
                "data.aws_eks_addon_version", "data.aws_eks_node_group",
            ]
        ),
        (
            "IAM",
            [
                "aws_iam_role", "aws_iam_policy", "aws_iam_role_policy_attachment", "aws_iam_role_policy",
                "aws_iam_openid_connect_provider", "aws_iam_instance_profile", "aws_iam_service_linked_role",
                "aws_iam_user", "aws_iam_group", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
                "aws_iam_policy_attachment", "data.aws_iam_policy_document", "data.aws_iam_role",
                "data.aws_iam_policy", "data.aws_iam_openid_connect_provider", "data.aws_iam_session_context",
            ]
        ),
        (
            "S3",
            [
                "aws_s3_bucket", "aws_s3_bucket_*", "aws_s3_object", "aws_s3_account_public_access_block",
                "data.aws_s3_bucket",
            ]
        ),
        ("DynamoDB", ["aws_dynamodb_table", "aws_dynamodb_table_item", "data.aws_dynamodb_table"]),
        (
            "KMS",
            [
                "aws_kms_key", "aws_kms_alias", "aws_kms_grant", "aws_kms_key_policy", "data.aws_kms_key",
                "data.aws_kms_alias",
            ]
        ),
        (
            "RDS",
            [
                "aws_db_instance", "aws_db_subnet_group", "aws_db_parameter_group", "aws_db_option_group",
                "aws_rds_cluster", "aws_rds_cluster_instance", "aws_rds_cluster_parameter_group",
                "data.aws_db_instance", "data.aws_rds_cluster", "data.aws_rds_engine_version",
            ]
        ),
        (
            "DocumentDB",
            [
                "aws_docdb_cluster", "aws_docdb_cluster_instance", "aws_docdb_subnet_group",
                "aws_docdb_cluster_parameter_group",
            ]
        ),
        (
            "ElastiCache",
            [
                "aws_elasticache_replication_group", "aws_elasticache_subnet_group", "aws_elasticache_parameter_group",
                "aws_elasticache_cluster", "aws_elasticache_user", "aws_elasticache_user_group",
            ]
        ),
        (
            "Route53",
            [
                "aws_route53_zone", "aws_route53_record", "aws_route53_health_check", "aws_route53_zone_association",
                "aws_route53_query_log", "data.aws_route53_zone",
            ]
        ),
        (
            "CloudWatch",
            [
                "aws_cloudwatch_log_group", "aws_cloudwatch_log_stream", "aws_cloudwatch_log_resource_policy",
                "aws_cloudwatch_log_metric_filter", "aws_cloudwatch_log_subscription_filter",
                "aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm", "aws_cloudwatch_dashboard",
                "data.aws_cloudwatch_log_group",
            ]
        ),
        ("SNS", ["aws_sns_topic", "aws_sns_topic_subscription", "aws_sns_topic_policy", "data.aws_sns_topic"]),
        ("CloudTrail", ["aws_cloudtrail", "data.aws_cloudtrail_service_account"]),
        (
            "EFS",
            [
                "aws_efs_file_system", "aws_efs_mount_target", "aws_efs_access_point", "aws_efs_file_system_policy",
                "aws_efs_backup_policy",
            ]
        ),
        (
            "AutoScaling",
            [
                "aws_autoscaling_group", "aws_autoscaling_policy", "aws_autoscaling_schedule",
                "aws_autoscaling_attachment",
            ]
        ),
        (
            "ELB",
            [
                "aws_lb", "aws_lb_listener", "aws_lb_target_group", "aws_lb_listener_rule",
                "aws_lb_target_group_attachment", "aws_lb_listener_certificate", "data.aws_lb",
                "data.aws_lb_target_group",
            ]
        ),
        ("ACM", ["aws_acm_certificate", "aws_acm_certificate_validation", "data.aws_acm_certificate"]),
        ("DLM", ["aws_dlm_lifecycle_policy"]),
        (
            "SecretsManager",
            [
                "aws_secretsmanager_secret", "aws_secretsmanager_secret_version", "aws_secretsmanager_secret_policy",
                "aws_secretsmanager_secret_rotation", "data.aws_secretsmanager_secret",
                "data.aws_secretsmanager_secret_version",
            ]
        ),
        ("SSM", ["aws_ssm_parameter", "data.aws_ssm_parameter"]),
        (
            "Account",
            [
                "data.aws_caller_identity", "data.aws_region", "data.aws_partition", "data.aws_regions",
                "data.aws_default_tags",
            ]
        ),
    ]

    /// Whether `pattern` selects `type` (`data.` prefix for data sources, trailing `*` for prefixes).
    package static func matches(_ pattern: String, type: String, dataSource: Bool) -> Bool {
        var pattern = Substring(pattern)
        if pattern.hasPrefix("data.") {
            guard dataSource else { return false }
            pattern = pattern.dropFirst(5)
        } else if dataSource {
            return false
        }
        if pattern.hasSuffix("*") { return type.hasPrefix(pattern.dropLast()) }
        return type == pattern
    }
}
