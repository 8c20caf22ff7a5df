// Key management and audit trail rules: KMS key rotation (CKV_AWS_7) and CloudTrail
// multi-region, log file validation and encryption (CKV_AWS_67/36/35).

import InfraCore

extension PolicyRule {
    /// The KMS and CloudTrail rules.
    static let audit: [PolicyRule] = [
        PolicyRule(
            id: "INFRA-KMS-001", title: "Symmetric KMS keys rotate automatically", severity: .medium,
            hint: "set enable_key_rotation = true on the aws_kms_key",
            checkovIDs: ["CKV_AWS_7"], format: .terraform
        ) { context in
            context.terraform.resources("aws_kms_key").compactMap { key in
                let spec = key["customer_master_key_spec"]?.stringValue ?? "SYMMETRIC_DEFAULT"
                guard spec == "SYMMETRIC_DEFAULT", !TerraformValue.isTrue(key["enable_key_rotation"]) else {
                    return nil
                }
                return key.violation("key rotation is not enabled")
            }
        },
        trailRule(
            id: "INFRA-TRAIL-001", title: "CloudTrail trails cover all regions", checkov: "CKV_AWS_67",
            hint: "set is_multi_region_trail = true", message: "the trail records one region only"
        ) { TerraformValue.isTrue($0["is_multi_region_trail"]) },
        trailRule(
            id: "INFRA-TRAIL-002", title: "CloudTrail log file validation is enabled", checkov: "CKV_AWS_36",
            hint: "set enable_log_file_validation = true", message: "log file integrity validation is off"
        ) { TerraformValue.isTrue($0["enable_log_file_validation"]) },
        trailRule(
            id: "INFRA-TRAIL-003", title: "CloudTrail logs are encrypted with a KMS key", checkov: "CKV_AWS_35",
            hint: "set kms_key_id to a customer managed key with rotation",
            message: "logs are not encrypted with a KMS key"
        ) { $0["kms_key_id"]?.stringValue.map { !$0.isEmpty } ?? false },
    ]

    private static func trailRule(
        id: String, title: String, checkov: String, hint: String, message: String,
        passes: @escaping @Sendable (PolicyResource) -> Bool
    ) -> PolicyRule {
        PolicyRule(id: id, title: title, severity: .medium, hint: hint, checkovIDs: [checkov], format: .terraform) {
            context in
            context.terraform.resources("aws_cloudtrail").compactMap { passes($0) ? nil : $0.violation(message) }
        }
    }
}
