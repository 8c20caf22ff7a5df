// infra-bench: one benchmark workload as one whole process, writing exactly the files a
// user's `synth` writes (validate, render, OutputWriter: record with SHA-256 per file, each file
// written atomically), so any timer (/usr/bin/time, hyperfine, compare.sh) can set it beside the
// cdktf/cdk8s scripts. A second run into the same OUTDIR is a re-synth: unchanged files are
// compared and left alone, as `synth` does.
//
//   infra-bench scale N OUTDIR   scale-N Terraform stack  -> OUTDIR/scale/main.tf.json
//   infra-bench k8s N OUTDIR     k8s-scale-N manifest     -> OUTDIR/scale/default.yaml
//   infra-bench oves OUTDIR      OVES reference (Terraform + Kubernetes) -> OUTDIR/terraform, OUTDIR/kubernetes

import Foundation
import InfraCore
import InfraOutput
import InfraWorkloads

/// Prints to standard error.
func report(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

let usage = """
    usage: infra-bench scale N OUTDIR
           infra-bench k8s N OUTDIR
           infra-bench oves OUTDIR
    """

/// Builds the infrastructure a command line asks for, or explains why it cannot.
func workload(_ arguments: [String]) -> (Infrastructure, String)? {
    switch arguments.first {
    case "scale", "k8s":
        guard arguments.count == 3, let n = Int(arguments[1]), n >= 0 else { return nil }
        let unit: any SynthesisUnit =
            arguments[0] == "scale" ? TerraformScale.stack(n) : KubernetesScale.manifest(n)
        return (Infrastructure(units: [unit]), arguments[2])
    case "oves":
        guard arguments.count == 2 else { return nil }
        return (OVESWorkload.infrastructure, arguments[1])
    default:
        return nil
    }
}

guard let (infrastructure, output) = workload(Array(CommandLine.arguments.dropFirst())) else {
    report(usage)
    exit(64)
}
let result = infrastructure.synthesize()
let warnings = result.diagnostics.all.count - result.diagnostics.errors.count
if warnings > 0 { report("infra-bench: \(warnings) warnings") }
if result.diagnostics.hasErrors {
    for diagnostic in result.diagnostics.errors.prefix(20) { report("\(diagnostic)") }
    report("infra-bench: \(result.diagnostics.errors.count) errors, nothing written")
    exit(1)
}
do {
    try OutputWriter(directory: URL(fileURLWithPath: output)).write(result.artifacts)
} catch {
    report("infra-bench: could not write \(output): \(error)")
    exit(1)
}
// The files are written: end the process without tearing the model down object by object (at
// the larger sizes, tens of thousands of frees on one core), as compilers do with
// `-disable-free`; the operating system takes the memory back at once.
exit(0)
