// In-process benchmarks (ordo-one/benchmark): synthesis of scale-N and k8s-scale-N, the
// JSON and YAML writers on their own, SigV4 signing, construction of generated types and
// the OVES full synth. Run: `swift package --package-path Benchmarks benchmark`.
// Whole-process timings against cdktf/cdk8s are compare.sh's job, not this file's.

import Benchmark
import InfraCore
import InfraSigV4
import InfraTypedWorkloads
import InfraWorkloads

/// Wall clock, CPU, allocations and peak memory for every benchmark; bounded run time.
let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 50)

/// Every benchmark of the package.
let benchmarks: @Sendable () -> Void = {
    for n in [100, 1000, 5000, 20000] {
        Benchmark("scale-\(n) synth (\(2 * n) resources)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(TerraformScale.stack(n).synthesize())
            }
        }
        Benchmark("k8s-scale-\(n) synth (\(2 * n) objects)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(KubernetesScale.manifest(n).synthesize())
            }
        }
    }

    Benchmark("generated types: construct scale-5000 resources", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(TypedTerraformScale.typedResources(5000))
        }
    }

    Benchmark("generated types: construct k8s-scale-5000 objects", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole((0..<5000).map(KubernetesScale.objects))
        }
    }

    let terraformDocument = LargeDocuments.terraformScale(5000)
    Benchmark("JSONWriter: scale-5000 document", configuration: configuration) { benchmark in
        let writer = JSONWriter()
        for _ in benchmark.scaledIterations {
            blackHole(writer.write(terraformDocument))
        }
    }

    let kubernetesDocuments = LargeDocuments.kubernetesScale(5000)
    Benchmark("YAMLWriter: k8s-scale-5000 stream", configuration: configuration) { benchmark in
        let writer = YAMLWriter()
        for _ in benchmark.scaledIterations {
            blackHole(writer.writeStream(kubernetesDocuments))
        }
    }

    Benchmark(
        "SigV4: sign S3 PUT (1 KiB), key derived",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SigningWorkload.sign())
        }
    }

    let signingKey = SigningWorkload.signingKey
    Benchmark(
        "SigV4: sign S3 PUT (1 KiB), cached key",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SigningWorkload.sign(signingKey: signingKey))
        }
    }

    let oves = OVESWorkload.infrastructure
    Benchmark("OVES full synth (Terraform + Kubernetes)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(oves.synthesize())
        }
    }
}
