// The seed's facts, asserted on the synthesized Terraform: regions, node groups and their
// sizes, Kubernetes version, bucket names and their protection, state backend, peering,
// domains, storage.

import InfraAWS
import InfraCore
import OVESInfrastructure
import Testing

@Suite("OVES Terraform reference: the seed's facts")
struct TerraformSeedFactsTests {
    func module(_ root: String, _ call: String) -> Value? {
        OVESSynthesis.document("terraform/environments/\(root)/main.tf.json")?["module"]?[call]
    }

    @Test(
        "production node groups: t3.large 3–10, c5.xlarge 2–5, r5.large 2–4",
        arguments: [("general", "t3.large", 3, 10), ("compute", "c5.xlarge", 2, 5), ("memory", "r5.large", 2, 4)])
    func prodNodeGroups(group: String, type: String, min: Int, max: Int) throws {
        let node = try #require(module("prod", "eks")?["node_groups"]?[group])
        #expect(node["instance_types"] == [.string(type)])
        #expect(node["min_size"] == .int(min) && node["max_size"] == .int(max))
        #expect(node["capacity_type"] == "ON_DEMAND")
    }

    @Test("development node groups: t3.medium 2–8 plus a mixed spot group")
    func devNodeGroups() throws {
        let groups = try #require(module("dev", "eks")?["node_groups"])
        #expect(groups["general"]?["instance_types"] == ["t3.medium"])
        #expect(groups["general"]?["min_size"] == .int(2) && groups["general"]?["max_size"] == .int(8))
        #expect(groups["spot"]?["capacity_type"] == "SPOT")
        #expect((groups["spot"]?["instance_types"]?.arrayValue?.count ?? 0) >= 2)
    }

    @Test("both clusters run Kubernetes 1.28 or later in us-east-1")
    func clusters() throws {
        for root in ["dev", "prod"] {
            let tfvars = OVESSynthesis.document("terraform/environments/\(root)/terraform.tfvars.json")
            let version = try #require(tfvars?["kubernetes_version"]?.stringValue)
            let minor = try #require(Int(version.split(separator: ".").last ?? ""))
            #expect(version.hasPrefix("1.") && minor >= 28)
            let provider = OVESSynthesis.document("terraform/environments/\(root)/main.tf.json")?["provider"]?["aws"]
            let regions = (provider?.arrayValue ?? [provider].compactMap { $0 }).compactMap {
                $0["region"]?.stringValue
            }
            #expect(regions.contains("us-east-1"))
        }
        #expect(module("prod", "eks")?["cluster_name"] == "oves-prod")
        #expect(module("dev", "eks")?["cluster_name"] == "oves-dev")
    }

    @Test("the database VPC is in eu-central-1 and peered with the production VPC")
    func peering() throws {
        let providers = try #require(
            OVESSynthesis.document("terraform/environments/prod/main.tf.json")?["provider"]?["aws"]?.arrayValue)
        #expect(providers.contains { $0["alias"] == "eu" && $0["region"] == "eu-central-1" })
        #expect(module("prod", "database_vpc")?["providers"]?["aws"] == "aws.eu")
        let peering = try #require(module("prod", "peering"))
        #expect(peering["accepter_region"] == "eu-central-1")
        #expect(peering["providers"]?["aws.peer"] == "aws.eu")
        #expect(peering["requester_cidr_block"] == .string(OVESSettings.prodVPCCIDR))
        #expect(peering["accepter_cidr_block"] == .string(OVESSettings.databaseVPCCIDR))
        #expect(module("prod", "rds")?["providers"]?["aws"] == "aws.eu")
        #expect(module("prod", "rds")?["allowed_cidr_blocks"] == [.string(OVESSettings.prodVPCCIDR)])
    }

    @Test("the VPC ranges do not overlap")
    func disjointRanges() throws {
        let ranges = try [OVESSettings.prodVPCCIDR, OVESSettings.devVPCCIDR, OVESSettings.databaseVPCCIDR].map {
            try #require(IPv4CIDR($0))
        }
        for (i, a) in ranges.enumerated() { for b in ranges[(i + 1)...] { #expect(!a.overlaps(b), "\(a) / \(b)") } }
    }

    @Test(
        "the production buckets exist with the seed's names and are logged to oves-logs-prod",
        arguments: [
            ("s3_backups", "oves-backups-prod"), ("s3_artifacts", "oves-artifacts-prod"), ("s3_logs", "oves-logs-prod"),
            ("s3_static", "oves-static-prod"),
        ])
    func buckets(call: String, bucket: String) throws {
        let inputs = try #require(module("prod", call))
        #expect(inputs["bucket"] == .string(bucket))
        #expect(inputs["source"] == "../../modules/s3")
        // The others log to oves-logs-prod through the log bucket's call, which orders their
        // logging after its log-delivery grant; nothing else of theirs waits for it.
        if bucket != "oves-logs-prod" {
            #expect(inputs["log_bucket"] == "${module.s3_logs.log_target_bucket}")
            #expect(inputs["depends_on"] == nil)
        } else {
            #expect(inputs["is_log_bucket"] == true)
        }
    }

    @Test("the s3 module versions and AES-256-encrypts every bucket; backups are replicated cross-region")
    func bucketProtection() throws {
        let resources = try #require(OVESSynthesis.document("terraform/modules/s3/main.tf.json")?["resource"])
        #expect(resources["aws_s3_bucket_versioning"]?["this"]?["versioning_configuration"]?["status"] == "Enabled")
        let rule = resources["aws_s3_bucket_server_side_encryption_configuration"]?["this"]?["rule"]
        #expect(rule?["apply_server_side_encryption_by_default"]?["sse_algorithm"] == "AES256")
        #expect(resources["aws_s3_bucket_replication_configuration"]?["this"] != nil)
        #expect(module("prod", "s3_backups")?["replica_bucket"] == "oves-backups-prod-replica-eu")
    }

    @Test("state lives in oves-terraform-state with a DynamoDB lock, encrypted, one key per root")
    func stateBackend() throws {
        var keys: Set<String> = []
        for root in ["environments/dev", "environments/prod", "shared", "dns"] {
            let s3 = try #require(
                OVESSynthesis.document("terraform/\(root)/backend.tf.json")?["terraform"]?["backend"]?["s3"])
            #expect(s3["bucket"] == "oves-terraform-state")
            #expect(s3["dynamodb_table"] == "oves-terraform-locks")
            #expect(s3["encrypt"] == .bool(true))
            keys.insert(s3["key"]?.stringValue ?? "")
        }
        #expect(keys.count == 4)
        let shared = try #require(OVESSynthesis.document("terraform/shared/main.tf.json")?["resource"])
        #expect(shared["aws_s3_bucket"]?["state"]?["bucket"] == "oves-terraform-state")
        #expect(shared["aws_dynamodb_table"]?["state_locks"]?["hash_key"] == "LockID")
    }

    @Test("cn.omnivoltaic.com is a Route53 zone in the shared root's route53 file")
    func route53() throws {
        let zone = try #require(
            OVESSynthesis.document("terraform/shared/route53.tf.json")?["resource"]?["aws_route53_zone"]?["cn"])
        #expect(zone["name"] == "cn.omnivoltaic.com")
    }

    @Test("alerting: an SNS topic and alarms in the shared root's cloudwatch file")
    func cloudwatch() throws {
        let resources = try #require(OVESSynthesis.document("terraform/shared/cloudwatch.tf.json")?["resource"])
        #expect(resources["aws_sns_topic"] != nil)
        #expect((resources["aws_cloudwatch_metric_alarm"]?.objectValue?.count ?? 0) >= 1)
    }

    @Test("legacy EC2 volumes are gp3 and encrypted; production has an encrypted EFS")
    func storage() throws {
        let template = try #require(
            OVESSynthesis.document("terraform/modules/ec2/main.tf.json")?["resource"]?["aws_launch_template"]?["this"])
        #expect(template["block_device_mappings"]?["ebs"]?["volume_type"] == "gp3")
        #expect(template["block_device_mappings"]?["ebs"]?["encrypted"] == "true")
        let efs = try #require(
            OVESSynthesis.document("terraform/environments/prod/main.tf.json")?["resource"]?["aws_efs_file_system"]?[
                "shared_files"])
        #expect(efs["encrypted"] == .bool(true))
    }

    @Test("every module of the layout is called from an environment")
    func modulesCalled() {
        let sources = ["dev", "prod"].flatMap { root in
            OVESSynthesis.document("terraform/environments/\(root)/main.tf.json")?["module"]?.objectValue?.members
                .compactMap { $0.value["source"]?.stringValue } ?? []
        }
        for module in ["vpc", "eks", "iam", "s3", "ec2", "rds", "networking"] {
            #expect(sources.contains("../../modules/\(module)"), "\(module)")
        }
    }

    @Test("no secret is written: no password attributes, database passwords are managed by AWS")
    func noSecrets() {
        for artifact in OVESSynthesis.result.artifacts {
            #expect(!artifact.text.contains("\"password\""), "\(artifact.path)")
            #expect(!artifact.text.contains("\"master_password\""), "\(artifact.path)")
            #expect(!artifact.text.contains("auth_token"), "\(artifact.path)")
        }
        let rds = OVESSynthesis.document("terraform/modules/rds/main.tf.json")?["resource"]
        #expect(rds?["aws_db_instance"]?["this_postgres"]?["manage_master_user_password"] == .bool(true))
        #expect(rds?["aws_docdb_cluster"]?["this"]?["manage_master_user_password"] == .bool(true))
    }

    @Test("IRSA roles are named <cluster>-<role> for the Kubernetes manifests")
    func irsaRoleNames() throws {
        let role = try #require(
            OVESSynthesis.document("terraform/modules/iam/main.tf.json")?["resource"]?["aws_iam_role"]?["this"])
        #expect(role["name"] == "${var.cluster_name}-${each.key}")
        let roles = try #require(module("prod", "iam")?["roles"]?.objectValue)
        let backupRoles = OVESDatabaseBackup.allCases.map(\.jobName)
        #expect(
            roles.keys.sorted()
                == (["aws-load-balancer-controller", "cert-manager-route53", "cluster-autoscaler"]
                + OVESWorkloadSecrets.namespaces(.prod).map { "secrets-sync-\($0)" } + backupRoles).sorted())
        // The manifests' Route53 solver ServiceAccount assumes a role this side creates, with a
        // trust policy for exactly that ServiceAccount.
        for environment in OVESEnvironment.allCases {
            let solver = environment.certManagerRoute53Role
            #expect(
                OVESWorkloadRoles.roles(cluster: environment.clusterName).contains {
                    "\(environment.clusterName)-\($0.name)" == solver.roleName && $0.namespace == solver.namespace
                        && $0.serviceAccount == solver.serviceAccountName
                }, "\(environment): \(solver.roleName)")
        }
    }

    @Test("both clusters run the pinned add-ons; the VPC CNI enforces NetworkPolicies; IRSA add-ons name their roles")
    func addons() throws {
        for environment in OVESEnvironment.allCases {
            let addons = try #require(module(environment.rawValue, "eks")?["addons"]?.objectValue)
            // external-dns only in prod: dev serves no name of the Route53 zone.
            let dns = environment == .prod ? ["external-dns"] : []
            #expect(
                addons.keys.sorted()
                    == ([
                        "amazon-cloudwatch-observability", "aws-ebs-csi-driver",
                        "aws-secrets-store-csi-driver-provider",
                        "cert-manager", "coredns", "kube-proxy",
                        "kube-state-metrics", "metrics-server", "prometheus-node-exporter", "vpc-cni",
                    ] + dns).sorted())
            for (name, addon) in addons {
                #expect(addon["addon_version"]?.stringValue == EKSAddon.pinnedVersions[name], "\(name)")
            }
            #expect(
                addons["vpc-cni"]?["configuration_values"] == "${jsonencode({ \"enableNetworkPolicy\" = \"true\" })}")
            #expect(addons["vpc-cni"]?["before_nodes"] == .bool(true))
            let cloudWatch = try #require(addons["amazon-cloudwatch-observability"])
            #expect(cloudWatch["managed_policy_arns"] == ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"])
            #expect(
                cloudWatch["service_account"] == "cloudwatch-agent" && cloudWatch["namespace"] == "amazon-cloudwatch")
            #expect(addons["aws-ebs-csi-driver"]?["service_account"] == "ebs-csi-controller-sa")
            let shared = environment.addonServiceAccountRoles
            #expect(
                shared.map(\.roleName).sorted()
                    == [
                        "\(environment.clusterName)-addon-amazon-cloudwatch-observability",
                        "\(environment.clusterName)-addon-aws-ebs-csi-driver",
                    ] + dns.map { "\(environment.clusterName)-addon-\($0)" })
            #expect(shared.contains { $0.subject == "system:serviceaccount:amazon-cloudwatch:cloudwatch-agent" })
        }
        let role = try #require(
            OVESSynthesis.document("terraform/modules/eks/main.tf.json")?["resource"]?["aws_iam_role"]?["this_addon"])
        #expect(role["name"] == "${var.cluster_name}-addon-${each.key}")
    }
}
