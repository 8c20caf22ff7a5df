// infra-k8s-codegen: generates the typed Kubernetes API objects of InfraKubernetes.
//
//   swift run infra-k8s-codegen [--input codegen/kubernetes] [--output Sources/InfraKubernetes/Generated]
//
// Input: `codegen/kubernetes/versions.json` (the version to generate from and the supported
// window), the trimmed definitions of that version and the CRD schemas committed under
// `codegen/kubernetes/` (refresh them with `codegen/kubernetes/update-input.py`).
// Output: one Swift file per API group/version, the checked-field walk, the version window and
// the list of kinds; stale `.swift` files in the output are removed. The generator itself is the
// InfraKubernetesCodegen library, which `infra-manifest import-crd` uses too.

import Foundation
import InfraKubernetesCodegen

func run() throws {
    var input = "codegen/kubernetes"
    var output = "Sources/InfraKubernetes/Generated"
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--input": input = arguments.popFirst() ?? input
        case "--output": output = arguments.popFirst() ?? output
        case "--help", "-h":
            print("usage: infra-k8s-codegen [--input codegen/kubernetes] [--output Sources/InfraKubernetes/Generated]")
            return
        default: throw GeneratorError("unknown argument \(argument)")
        }
    }
    let (files, types) = try BuiltInGeneration.files(input: input)
    // The embedded upstream CRDs keep their own line lengths.
    for (name, text) in files.sorted(by: { $0.key < $1.key }) where name != "AddOnCRDs" {
        for (number, line) in text.split(separator: "\n").enumerated() where line.count > 120 {
            FileHandle.standardError.write(
                Data("infra-k8s-codegen: warning: \(name).swift:\(number + 1) is longer than 120\n".utf8))
        }
    }
    _ = try GeneratedFiles.write(files, to: output)
    print("infra-k8s-codegen: \(types) types in \(files.count) files written to \(output)")
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("infra-k8s-codegen: error: \(error)\n".utf8))
    exit(1)
}
