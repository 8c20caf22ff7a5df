// S3 bucket rules (cdk-nag AwsSolutions-S1/S2/S10, checkov CKV_AWS_18/19/21, CKV2_AWS_6).
// Since AWS provider 4, bucket settings live in separate resources that name the bucket
// by reference or literally; each rule accepts the inline form and the separate resource.

import InfraCore

extension PolicyRule {
    /// The S3 bucket rules.
    static let s3: [PolicyRule] = [
        PolicyRule(
            id: "INFRA-S3-001", title: "S3 buckets have default server-side encryption", severity: .high,
            hint:
                "add aws_s3_bucket_server_side_encryption_configuration with sse_algorithm \"aws:kms\" (or \"AES256\")",
            checkovIDs: ["CKV_AWS_19"], format: .terraform
        ) { context in
            S3Settings.buckets(context).compactMap { bucket in
                let inline = TerraformValue.blocks(bucket["server_side_encryption_configuration"])
                let separate = S3Settings.linked("aws_s3_bucket_server_side_encryption_configuration", bucket, context)
                let algorithms = (inline + separate.map(\.properties)).flatMap { configuration in
                    TerraformValue.blocks(configuration["rule"]).flatMap { rule in
                        TerraformValue.blocks(rule["apply_server_side_encryption_by_default"]).compactMap {
                            $0["sse_algorithm"]?.stringValue
                        }
                    }
                }
                if algorithms.contains(where: { ["aws:kms", "aws:kms:dsse", "AES256"].contains($0) }) { return nil }
                return bucket.violation("no default server-side encryption is configured")
            }
        },
        PolicyRule(
            id: "INFRA-S3-002", title: "S3 buckets have versioning enabled", severity: .medium,
            hint: "add aws_s3_bucket_versioning with versioning_configuration { status = \"Enabled\" }",
            checkovIDs: ["CKV_AWS_21"], format: .terraform
        ) { context in
            S3Settings.buckets(context).compactMap { bucket in
                if TerraformValue.blocks(bucket["versioning"]).contains(where: { TerraformValue.isTrue($0["enabled"]) })
                {
                    return nil
                }
                let separate = S3Settings.linked("aws_s3_bucket_versioning", bucket, context)
                let statuses = separate.flatMap {
                    TerraformValue.blocks($0["versioning_configuration"]).compactMap { $0["status"]?.stringValue }
                }
                if statuses.contains("Enabled") { return nil }
                return bucket.violation(
                    statuses.isEmpty
                        ? "versioning is not enabled" : "versioning status is \(statuses.joined(separator: ", "))")
            }
        },
        PolicyRule(
            id: "INFRA-S3-003", title: "S3 buckets block all public access", severity: .high,
            hint:
                "add aws_s3_bucket_public_access_block with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets = true",
            checkovIDs: ["CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"], format: .terraform
        ) { context in
            let settings = [
                "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets",
            ]
            return S3Settings.buckets(context).compactMap { bucket in
                let blocks = S3Settings.linked("aws_s3_bucket_public_access_block", bucket, context)
                guard !blocks.isEmpty else { return bucket.violation("no aws_s3_bucket_public_access_block") }
                let best =
                    blocks.map { block in settings.filter { !TerraformValue.isTrue(block[$0]) } }
                    .min { $0.count < $1.count } ?? settings
                if best.isEmpty { return nil }
                return bucket.violation("public access block does not set \(best.joined(separator: ", ")) to true")
            }
        },
        PolicyRule(
            id: "INFRA-S3-004", title: "S3 buckets have server access logging", severity: .medium,
            hint: "add aws_s3_bucket_logging with a target_bucket (the log bucket itself is usually suppressed)",
            checkovIDs: ["CKV_AWS_18"], format: .terraform
        ) { context in
            S3Settings.buckets(context).compactMap { bucket in
                if TerraformValue.blocks(bucket["logging"]).contains(where: { $0["target_bucket"] != nil }) {
                    return nil
                }
                if !S3Settings.linked("aws_s3_bucket_logging", bucket, context).isEmpty { return nil }
                return bucket.violation("server access logging is not configured")
            }
        },
        PolicyRule(
            id: "INFRA-S3-005", title: "S3 bucket policies deny requests without TLS", severity: .high,
            hint:
                "add a bucket policy statement: Effect Deny, Principal *, Action s3:*, Condition Bool aws:SecureTransport = false",
            checkovIDs: [], format: .terraform
        ) { context in
            S3Settings.buckets(context).compactMap { bucket in
                let policies =
                    S3Settings.linked("aws_s3_bucket_policy", bucket, context).compactMap { $0["policy"] }
                    + [bucket["policy"]].compactMap { $0 }
                if policies.contains(where: { S3Settings.deniesInsecureTransport($0, module: bucket.module, context) })
                {
                    return nil
                }
                return bucket.violation(
                    policies.isEmpty
                        ? "no bucket policy denies requests without TLS"
                        : "the bucket policy has no Deny statement on aws:SecureTransport = false")
            }
        },
    ]
}

/// Lookups shared by the S3 rules.
enum S3Settings {
    static func buckets(_ context: PolicyContext) -> [PolicyResource] {
        context.terraform.resources("aws_s3_bucket")
    }

    /// Settings resources of `type` whose `bucket` refers to `bucket` or equals its name.
    static func linked(_ type: String, _ bucket: PolicyResource, _ context: PolicyContext) -> [PolicyResource] {
        context.terraform.linked(type, to: bucket, via: "bucket", literalAttributes: ["bucket"])
    }

    /// Whether a policy value (JSON text, or a reference to `data.aws_iam_policy_document`)
    /// denies requests where `aws:SecureTransport` is false.
    static func deniesInsecureTransport(_ policy: Value, module: String, _ context: PolicyContext) -> Bool {
        guard let text = policy.stringValue else {
            return policy.objectValue.map { _ in structuredDeny(policy) } ?? false
        }
        if text.contains("aws:SecureTransport"), text.contains("Deny") { return true }
        return context.terraform.referenced(by: text, in: module)
            .filter { $0.type == "aws_iam_policy_document" }
            .contains { document in
                TerraformValue.blocks(document["statement"]).contains { statement in
                    statement["effect"]?.stringValue == "Deny"
                        && TerraformValue.blocks(statement["condition"]).contains { condition in
                            condition["variable"]?.stringValue == "aws:SecureTransport"
                                && TerraformValue.strings(in: condition["values"]).contains("false")
                        }
                }
            }
    }

    /// A policy written as an object (`{"Statement": [...]}`) before encoding.
    private static func structuredDeny(_ policy: Value) -> Bool {
        let statements = policy["Statement"]?.arrayValue ?? [policy["Statement"]].compactMap { $0 }
        return statements.contains { statement in
            statement["Effect"]?.stringValue == "Deny"
                && statement["Condition"]?["Bool"]?["aws:SecureTransport"] != nil
        }
    }
}
