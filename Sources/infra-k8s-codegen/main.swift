// infra-k8s-codegen: generates the typed Kubernetes API objects of InfraKubernetes.
//
//   swift run infra-k8s-codegen [--input codegen/kubernetes] [--output Sources/InfraKubernetes/Generated]
//
// Input: `codegen/kubernetes/versions.json` (the version to generate from and the supported
// window), the trimmed definitions of that version and the CRD schemas committed under
// `codegen/kubernetes/` (refresh them with `codegen/kubernetes/update-input.py`).
// Output: one Swift file per API group/version, the checked-field walk and the version window;
// stale `.swift` files in the output are removed.

import Foundation

/// The CRD inputs, in the order their types are named (Issuer before ClusterIssuer, so the
/// shared spec is `IssuerSpec` as in cert-manager's Go API).
let crdFiles = [
    "cert-manager.io_issuer_v1.json",
    "cert-manager.io_clusterissuer_v1.json",
    "cert-manager.io_certificate_v1.json",
    "autoscaling.k8s.io_verticalpodautoscaler_v1.json",
]

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

    let window = try VersionWindow(loadJSONObject("\(input)/versions.json"))
    let definitionsFile = window.definitionsFile
    let definitions = try loadJSONObject("\(input)/\(definitionsFile)")
    try window.checkMatches(definitions: definitions)
    var models = try translateKubernetes(definitions)
    var crds = CRDTranslator(reserved: Set(models.map(\.name)))
    for file in crdFiles { try crds.translate(loadJSONObject("\(input)/crds/\(file)")) }
    models += crds.models

    var inputs: [String: String] = [:]
    for model in models where inputs[model.file] == nil {
        inputs[model.file] =
            crds.models.contains(model)
            ? "codegen/kubernetes/crds/*.json"
            : "codegen/kubernetes/\(definitionsFile)"
    }
    let renderer = SwiftRenderer(inputDescription: inputs)
    var files = renderer.render(models)
    files["CheckedFields"] = CheckedFieldsRenderer(models: models, supported: window.supported)
        .render(input: "codegen/kubernetes/*.json")
    files["KubernetesVersionWindow"] = window.render(input: "codegen/kubernetes/versions.json", renderer: renderer)

    let manager = FileManager.default
    try manager.createDirectory(atPath: output, withIntermediateDirectories: true)
    for existing in try manager.contentsOfDirectory(atPath: output)
    where existing.hasSuffix(".swift") && files[String(existing.dropLast(6))] == nil {
        try manager.removeItem(atPath: "\(output)/\(existing)")
    }
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        for (number, line) in text.split(separator: "\n").enumerated() where line.count > 120 {
            FileHandle.standardError.write(
                Data("infra-k8s-codegen: warning: \(name).swift:\(number + 1) is longer than 120\n".utf8))
        }
        let path = "\(output)/\(name).swift"
        let data = Data(text.utf8)
        if (try? Data(contentsOf: URL(fileURLWithPath: path))) != data {
            try data.write(to: URL(fileURLWithPath: path))
        }
    }
    print("infra-k8s-codegen: \(models.count) types in \(files.count) files written to \(output)")
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("infra-k8s-codegen: error: \(error)\n".utf8))
    exit(1)
}
