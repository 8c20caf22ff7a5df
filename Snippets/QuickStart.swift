// The README's first example: a versioned S3 bucket with typed resources, a variable and an
// output, synthesized to Terraform JSON. Every reference (`bucket.id`, `bucket.arn`) is a typed
// value, so validation checks it and `graph` draws it.
//
// Run: swift run QuickStart

// snippet.hide
import InfraAWS
import InfraCore
import InfraTerraform

// snippet.show
let environment = Variable<String>("environment", default: "dev")
let stack = Stack("dev", directory: "terraform/environments/dev") {
    environment
    Provider.aws(region: "us-east-1")
    let bucket = AWSS3Bucket("artifacts", bucket: "oves-artifacts-\(environment.value)")
    bucket
    AWSS3BucketVersioning(
        "artifacts", bucket: bucket.id, versioningConfiguration: .init(status: "Enabled"))
    Output("bucket_arn", bucket.arn)
}
let result = stack.synthesize()  // diagnostics + main.tf.json, variables.tf.json, outputs.tf.json

// snippet.hide
for diagnostic in result.diagnostics { print(diagnostic) }
for artifact in result.artifacts { print(artifact.path) }
