// Policy findings the OVES reference accepts, each with the reason. Checkov ids are used as
// rule ids; Documentation/OVESReference.md lists them with the scan results.

import InfraPolicy

/// Accepted policy findings.
public enum OVESPolicySuppressions {
    /// All suppressions.
    public static let all: [PolicySuppression] = [
        PolicySuppression(
            rule: "CKV_AWS_18", resource: "aws_s3_bucket.this",
            reason: "Inside the s3 module the log bucket (oves-logs-prod) is the access-log target itself; S3 cannot log a bucket to itself."),
    ]
}
