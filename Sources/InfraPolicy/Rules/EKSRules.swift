// EKS control plane rules (cdk-nag AwsSolutions-EKS1/EKS2, checkov CKV_AWS_38/37/58):
// no API endpoint open to the internet, all control-plane logs, envelope-encrypted secrets.

import InfraCore

extension PolicyRule {
    /// The EKS rules.
    static let eks: [PolicyRule] = [
        PolicyRule(
            id: "INFRA-EKS-001", title: "EKS API endpoints are not open to 0.0.0.0/0", severity: .critical,
            hint: "set vpc_config.endpoint_public_access = false, or restrict public_access_cidrs to known ranges",
            checkovIDs: ["CKV_AWS_38"], format: .terraform
        ) { context in
            context.terraform.resources("aws_eks_cluster").compactMap { cluster in
                let config = TerraformValue.block(cluster["vpc_config"])
                if TerraformValue.isFalse(config?["endpoint_public_access"]) { return nil }
                let cidrs = TerraformValue.strings(in: config?["public_access_cidrs"])
                if !cidrs.isEmpty, !cidrs.contains("0.0.0.0/0") { return nil }
                return cluster.violation("the public API endpoint accepts connections from 0.0.0.0/0")
            }
        },
        PolicyRule(
            id: "INFRA-EKS-002", title: "EKS control-plane logging covers every log type", severity: .medium,
            hint:
                "set enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]",
            checkovIDs: ["CKV_AWS_37"], format: .terraform
        ) { context in
            let required = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
            return context.terraform.resources("aws_eks_cluster").compactMap { cluster in
                let enabled = Set(TerraformValue.strings(in: cluster["enabled_cluster_log_types"]))
                let missing = required.filter { !enabled.contains($0) }
                return missing.isEmpty
                    ? nil : cluster.violation("control-plane log types not enabled: \(missing.joined(separator: ", "))")
            }
        },
        PolicyRule(
            id: "INFRA-EKS-003", title: "EKS secrets are encrypted with a KMS key", severity: .high,
            hint: "add encryption_config { resources = [\"secrets\"], provider { key_arn = aws_kms_key.<name>.arn } }",
            checkovIDs: ["CKV_AWS_58"], format: .terraform
        ) { context in
            context.terraform.resources("aws_eks_cluster").compactMap { cluster in
                let encrypted = TerraformValue.blocks(cluster["encryption_config"]).contains { config in
                    TerraformValue.strings(in: config["resources"]).contains("secrets")
                        && TerraformValue.block(config["provider"])?["key_arn"] != nil
                }
                return encrypted ? nil : cluster.violation("Kubernetes secrets are not envelope-encrypted with KMS")
            }
        },
    ]
}
