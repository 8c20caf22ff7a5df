// Large document models for benchmarking the JSON and YAML writers on their own: the
// shape of a scale-N `main.tf.json` and the documents of a k8s-scale-N manifest.

import InfraCore
import InfraKubernetes

/// Prebuilt ``Value``s so writer benchmarks measure writing, not building.
///
/// ```swift
/// let bytes = JSONWriter().write(LargeDocuments.terraformScale(5000))
/// ```
public enum LargeDocuments {
    /// A `main.tf.json`-shaped object with N buckets and N versioning resources.
    public static func terraformScale(_ n: Int) -> Value {
        var buckets = ValueObject()
        var versionings = ValueObject()
        for i in 0..<n {
            buckets.appendUnique(
                "b\(i)", ["bucket": .string("oves-scale-\(i)"), "tags": ["env": "bench", "index": .string("\(i)")]])
            versionings.appendUnique(
                "v\(i)",
                [
                    "bucket": .string("${aws_s3_bucket.b\(i).id}"),
                    "versioning_configuration": [["status": "Enabled"]],
                ])
        }
        return [
            "provider": ["aws": [["region": "us-east-1"]]],
            "resource": ["aws_s3_bucket": .object(buckets), "aws_s3_bucket_versioning": .object(versionings)],
            "terraform": ["required_providers": ["aws": ["source": "hashicorp/aws", "version": "~> 5.100"]]],
        ]
    }

    /// The rendered documents of ``KubernetesScale/manifest(_:)`` (2N objects).
    public static func kubernetesScale(_ n: Int) -> [Value] {
        (0..<n).flatMap { KubernetesScale.objects($0).map { $0.renderValue() } }
    }
}
