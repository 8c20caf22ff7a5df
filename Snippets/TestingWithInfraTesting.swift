// InfraTesting's assertions on a synthesized stack, outside a test runner: the throwing `verify…`
// API returns structured results, so this prints what a passing and a failing assertion report.
// In a test target, call `hasResourceProperties(…)` & co. instead: they record Swift Testing issues.
//
// Run: swift run TestingWithInfraTesting

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraTerraform
import InfraTesting

// snippet.show
let stack = Stack("shared", directory: "terraform/shared") {
    Provider.aws(region: "us-east-1")
    let logs = AWSS3Bucket("logs", bucket: "acme-logs", tags: ["env": "dev"])
    logs
    AWSS3BucketVersioning(
        "logs", bucket: logs.id, versioningConfiguration: .init(status: "Enabled"))
}

let result = stack.synthesize()
let template = TerraformTemplate(result: result, directory: "terraform/shared")

// A passing assertion: versioning is on and points at the bucket.
do {
    try template.verifyResourceProperties(
        "aws_s3_bucket_versioning",
        [
            "bucket": Match.reference(to: "aws_s3_bucket.logs", attribute: "id"),
            "versioning_configuration": ["status": "Enabled"],
        ])
    print("PASS: aws_s3_bucket_versioning is enabled and refers to aws_s3_bucket.logs")
} catch {
    print("FAIL: \(error)")
}

// A failing assertion: the bucket is tagged dev, not prod. The failure names the closest
// candidate and the path where it differs.
do {
    try template.verifyResourceProperties("aws_s3_bucket", ["tags": ["env": "prod"]])
    print("PASS: some bucket is tagged env=prod")
} catch {
    print("FAIL: \(error)")
    print("  closest candidate: \(error.closestCandidate ?? "none")")
    for mismatch in error.mismatches { print("  differs \(mismatch)") }
}
// snippet.hide

// Matchers work on plain values too.
let check = Match.objectLike(["env": "prod"]).test(["env": "dev", "team": "a"])
print("\nMatch.objectLike([\"env\": \"prod\"]) against {env: dev, team: a}: isMatch = \(check.isMatch)")
for mismatch in check.mismatches { print("  \(mismatch)") }

let count = Result { try template.verifyResourceCount("aws_s3_bucket", 1) }
print("exactly one aws_s3_bucket: \((try? count.get()) != nil ? "PASS" : "FAIL")")
