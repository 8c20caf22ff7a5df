// A small example used as the default job until the OVES reference lands: one root with
// a versioned, encrypted bucket and its outputs.

import InfraCore
import InfraTerraform

enum ExampleInfrastructure {
    static var infrastructure: Infrastructure {
        let environment = Variable<String>("environment", default: "dev", description: "Environment name")
        let stack = Stack("example", directory: "terraform/example") {
            environment
            Provider.aws(region: "us-east-1", defaultTags: ["Project": "swift-infra-example"])
            let bucket = Resource("aws_s3_bucket", "artifacts", ["bucket": "swift-infra-example-\(environment.value)"])
            bucket
            Resource(
                "aws_s3_bucket_versioning", "artifacts", ["bucket": bucket.ref("id")],
                blocks: ["versioning_configuration": [Block(["status": "Enabled"])]])
            Resource(
                "aws_s3_bucket_public_access_block", "artifacts",
                [
                    "bucket": bucket.ref("id"), "block_public_acls": true, "block_public_policy": true,
                    "ignore_public_acls": true, "restrict_public_buckets": true,
                ])
            Resource(
                "aws_s3_bucket_server_side_encryption_configuration", "artifacts", ["bucket": bucket.ref("id")],
                blocks: [
                    "rule": [
                        Block(blocks: ["apply_server_side_encryption_by_default": [Block(["sse_algorithm": "AES256"])]])
                    ]
                ])
            Output("bucket_arn", expression: bucket.ref("arn"), description: "The artifacts bucket's ARN")
        }
        return Infrastructure { stack }
    }
}
