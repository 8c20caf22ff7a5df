// What a construct does without being asked: encryption, versioning, private access,
// IMDSv2, audit logging, managed passwords.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("constructs are secure by default")
struct SecureDefaultsTests {
    @Test("a bucket is versioned, AES-256 encrypted, private, TLS-only and logged")
    func bucketDefaults() throws {
        let result = synthesizeConstructs {
            SecureBucket("data", bucketName: "oves-data-test", logBucket: "oves-logs-test")
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        #expect(
            result.resource("aws_s3_bucket_versioning", "data")?["versioning_configuration"]?["status"] == "Enabled")
        let sse = result.resource("aws_s3_bucket_server_side_encryption_configuration", "data")?["rule"]
        #expect(sse?["apply_server_side_encryption_by_default"]?["sse_algorithm"] == "AES256")
        let block = try #require(result.resource("aws_s3_bucket_public_access_block", "data"))
        for key in ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] {
            #expect(block[key] == .bool(true), "\(key)")
        }
        #expect(result.resource("aws_s3_bucket_logging", "data")?["target_bucket"] == "oves-logs-test")
        let policy = try #require(result.resource("aws_s3_bucket_policy", "data")?["policy"]?.stringValue)
        #expect(policy.contains("aws:SecureTransport") && policy.contains("Statement"))
        #expect(result.resourceNames("aws_s3_bucket") == ["data"], "no replica unless asked for")
    }

    @Test("node launch templates require IMDSv2 and encrypt gp3 volumes; the cluster logs audit and encrypts secrets")
    func eksDefaults() throws {
        let result = synthesizeConstructs {
            EKSCluster(
                "eks", kubernetesVersion: EKSCluster.recommendedKubernetesVersion, vpcID: "vpc-a",
                subnetIDs: ["subnet-a", "subnet-b"],
                nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 3, maxSize: 10)])
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let template = try #require(result.resource("aws_launch_template", "eks_node"))
        #expect(template["metadata_options"]?["http_tokens"] == "required")
        #expect(template["block_device_mappings"]?["ebs"]?["volume_type"] == "gp3")
        #expect(template["block_device_mappings"]?["ebs"]?["encrypted"] == "true")
        let cluster = try #require(result.resource("aws_eks_cluster", "eks"))
        #expect(cluster["enabled_cluster_log_types"]?.arrayValue?.contains("audit") == true)
        #expect(cluster["encryption_config"]?["resources"] == ["secrets"])
        #expect(cluster["vpc_config"]?["endpoint_public_access"] == .bool(false))
        #expect(result.resource("aws_kms_key", "eks_secrets")?["enable_key_rotation"] == .bool(true))
        #expect(result.resourceNames("aws_eks_addon").sorted() == ["eks", "eks_before_nodes"])
        let addons = try #require(result.resource("aws_eks_addon", "eks")?["for_each"]?.stringValue)
        for name in ["aws-ebs-csi-driver", "coredns", "kube-proxy", "vpc-cni"] {
            #expect(addons.contains("\"\(name)\""))
        }
        #expect(result.resource("aws_eks_addon", "eks")?["service_account_role_arn"] != nil)
    }

    @Test("databases are encrypted, multi-AZ, backed up and use managed master passwords")
    func databaseDefaults() throws {
        let result = synthesizeConstructs {
            DatabaseTier(
                "db", identifier: "oves-test", vpcID: "vpc-a", subnetIDs: ["subnet-a", "subnet-b"],
                allowedCIDRs: ["10.10.0.0/16"])
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        for engine in ["postgres", "mysql"] {
            let db = try #require(result.resource("aws_db_instance", "db_\(engine)"))
            #expect(db["storage_encrypted"] == .bool(true))
            #expect(db["multi_az"] == .bool(true))
            #expect(db["manage_master_user_password"] == .bool(true))
            #expect(db["password"] == nil)
            #expect(db["backup_retention_period"] == .int(14))
            #expect(db["publicly_accessible"] == .bool(false))
        }
        let docdb = try #require(result.resource("aws_docdb_cluster", "db"))
        #expect(docdb["storage_encrypted"] == .bool(true) && docdb["manage_master_user_password"] == .bool(true))
        let redis = try #require(result.resource("aws_elasticache_replication_group", "db"))
        #expect(redis["transit_encryption_enabled"] == .bool(true) && redis["multi_az_enabled"] == .bool(true))
        let ingress = try #require(result.resource("aws_vpc_security_group_ingress_rule", "db_postgres"))
        #expect(ingress["from_port"] == .int(5432) && ingress["to_port"] == .int(5432))
        #expect(result.document()?["resource"]?["aws_vpc_security_group_egress_rule"] == nil)
    }

    @Test("legacy instances require IMDSv2, encrypt gp3 and are snapshotted daily")
    func legacyDefaults() throws {
        let result = synthesizeConstructs {
            LegacyCompute(
                "legacy", groupName: "oves-legacy", vpcID: "vpc-a", subnetIDs: ["subnet-a"], instanceType: "t3.large",
                minSize: 1, maxSize: 2, appPorts: [8080], allowedCIDRs: ["10.0.0.0/16"])
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let template = try #require(result.resource("aws_launch_template", "legacy"))
        #expect(template["metadata_options"]?["http_tokens"] == "required")
        #expect(template["block_device_mappings"]?["ebs"]?["volume_type"] == "gp3")
        let schedule = result.resource("aws_dlm_lifecycle_policy", "legacy")?["policy_details"]?["schedule"]
        #expect(schedule?["create_rule"]?["interval"] == .int(24))
    }

    @Test("IAM policies use IAM's key spelling")
    func policyKeys() throws {
        let result = synthesizeConstructs {
            Network("net", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"])
        }
        let trust = try #require(result.resource("aws_iam_role", "net_flow_logs")?["assume_role_policy"]?.stringValue)
        #expect(trust.contains("\"Statement\"") && trust.contains("\"Principal\""))
        #expect(!trust.contains("IAMStatement") && !trust.contains("IAMPrincipal"))
    }
}
