// Adopting what exists and letting go of what should stay: `Import` blocks take a bucket made by
// hand (or by `infra-manifest bootstrap`) and the subnets of a for_each resource into the
// configuration; a `Removed` block makes Terraform forget an old bucket without destroying it.
// Prints the Terraform JSON and the HCL of the blocks.
//
// Run: swift run ImportAndRemoved

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraTerraform

// snippet.show
let zones: Expr<[String: String]> = ["us-east-1a": "10.0.0.0/20", "us-east-1b": "10.0.16.0/20"]

let stack = Stack("adopt", directory: "terraform/adopt") {
    Provider.aws(region: "us-east-1")
    let vpc = AWSVPC("main", cidrBlock: "10.0.0.0/16")
    vpc
    let each = Each.of(zones)
    let subnets = AWSSubnet("app", vpcId: vpc.id, availabilityZone: each.key, cidrBlock: each.value).forEach(zones)
    subnets
    let logs = AWSS3Bucket("logs", bucket: "acme-logs")
    logs

    // The `to` address comes from the typed value: aws_s3_bucket.logs, aws_vpc.main, aws_subnet.app[each.key].
    Import(logs, id: "acme-logs")
    Import(vpc, id: "vpc-0123456789abcdef0")
    Import(forEach: ["us-east-1a": "subnet-0aaa", "us-east-1b": "subnet-0bbb"], into: subnets)

    // The old bucket moved to another root: forget it here, keep it in AWS.
    Removed(AWSS3Bucket.self, named: "legacy_logs")
}

// snippet.hide
for format in [SynthesisOptions.TerraformFormat.json, .hcl] {
    let result = Infrastructure { stack }.synthesize(options: SynthesisOptions(terraformFormat: format))
    guard !result.diagnostics.hasErrors else {
        print(result.diagnostics.errors.map { "\($0.path): \($0.message)" }.joined(separator: "\n"))
        exit(1)
    }
    let main = result.artifacts.first { $0.path.hasSuffix("/main.tf.json") || $0.path.hasSuffix("/main.tf") }
    print(main.map { "== \($0.path)\n" + String(decoding: $0.bytes, as: UTF8.self) } ?? "no main file")
}
