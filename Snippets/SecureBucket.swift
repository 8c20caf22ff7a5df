// A private, versioned, encrypted, TLS-only and access-logged S3 bucket with the `SecureBucket`
// construct, then the built-in policy checks (InfraPolicy) run over what it synthesizes.
//
// Run: swift run SecureBucket

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraPolicy
import InfraTerraform

// snippet.show
let stack = Stack("storage", directory: "terraform/storage") {
    Provider.aws(region: "us-east-1")
    // The bucket that receives the access logs of the others.
    SecureBucket("logs", bucketName: "acme-logs-prod", logBucket: nil, isLogBucket: true)
    // Application data: archived after a month, kept for a year.
    SecureBucket(
        "reports", bucketName: "acme-reports-prod", logBucket: "acme-logs-prod",
        lifecycle: SecureBucket.LifecycleRules(
            infrequentAccessAfterDays: 30, archiveAfterDays: 90, expireAfterDays: 365),
        tags: ["Team": "finance"])
}

let result = stack.synthesize()

// The same checks `infra-manifest check` runs: encryption, versioning, public access, logging,
// TLS-only bucket policy.
let report = PolicyEngine().evaluate(result.model)
// snippet.hide

for diagnostic in result.diagnostics.sorted { print(diagnostic) }
guard !result.diagnostics.hasErrors else { exit(1) }

print("Resources:")
for entry in result.inventory where entry.kind.hasPrefix("aws_") { print("  \(entry.address)") }

print("\nPolicy checks (as `infra-manifest check` runs them):")
print(report)
// `check` fails on critical and high findings; medium and low ones are warnings.
if report.hasFindings(atLeast: .high) { exit(1) }
