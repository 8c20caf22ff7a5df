// The `scale-N` workload of the foundation issue: one aws provider and, for each i, an
// `aws_s3_bucket` plus an `aws_s3_bucket_versioning` that references it — 2N resources,
// built exactly like `StackFixtures.scale(_:)` of the tests (untyped `Resource`, so the
// whole-process runner does not need the large generated InfraAWS module). The same
// workload as the peers' `cdktf_scale.py`; TypedTerraformScale builds it with typed values.

import InfraCore
import InfraTerraform

/// Builds the `scale-N` Terraform stack.
///
/// ```swift
/// let result = TerraformScale.stack(5000).synthesize()   // 10,000 resources in scale/main.tf.json
/// ```
public enum TerraformScale {
    /// One stack `scale` (folder `scale`) with N buckets `b<i>` and N versioning resources `v<i>`.
    public static func stack(_ n: Int) -> Stack {
        Stack("scale", directory: "scale") {
            Provider.aws(region: "us-east-1")
            for i in 0..<n {
                let bucket = Resource(
                    "aws_s3_bucket", "b\(i)",
                    [
                        "bucket": .string("oves-scale-\(i)"),
                        "tags": ["env": "bench", "index": .string("\(i)")],
                    ])
                bucket
                Resource(
                    "aws_s3_bucket_versioning", "v\(i)", ["bucket": bucket.ref("id")],
                    blocks: ["versioning_configuration": [Block(["status": "Enabled"])]])
            }
        }
    }
}
