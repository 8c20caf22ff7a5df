// The `scale-N` workload with the typed generated InfraAWS values, written the way a user
// would: one aws provider and, for each i, a typed `aws_s3_bucket` plus an `aws_s3_bucket_versioning`
// that references it — 2N resources. The same workload as the peers' `cdktf_scale.py`.

import InfraAWS
import InfraTerraform

/// Builds the `scale-N` Terraform stack from typed generated resources.
///
/// ```swift
/// let result = TypedTerraformScale.stack(5000).synthesize()   // 10,000 resources in scale/main.tf.json
/// ```
public enum TypedTerraformScale {
    /// One stack `scale` (folder `scale`) with N buckets `b<i>` and N versioning resources `v<i>`.
    public static func stack(_ n: Int) -> Stack {
        Stack("scale", directory: "scale") {
            Provider.aws(region: "us-east-1")
            for i in 0..<n {
                let bucket = AWSS3Bucket(
                    "b\(i)", bucket: "oves-scale-\(i)", tags: ["env": "bench", "index": "\(i)"])
                bucket
                AWSS3BucketVersioning(
                    "v\(i)", bucket: bucket.id, versioningConfiguration: .init(status: "Enabled"))
            }
        }
    }

    /// The same 2N resources as typed values, without a stack around them
    /// (measures construction of generated types alone).
    public static func typedResources(_ n: Int) -> [any StackContent] {
        var resources: [any StackContent] = []
        resources.reserveCapacity(2 * n)
        for i in 0..<n {
            let bucket = AWSS3Bucket("b\(i)", bucket: "oves-scale-\(i)", tags: ["env": "bench", "index": "\(i)"])
            resources.append(bucket)
            resources.append(
                AWSS3BucketVersioning("v\(i)", bucket: bucket.id, versioningConfiguration: .init(status: "Enabled")))
        }
        return resources
    }
}
