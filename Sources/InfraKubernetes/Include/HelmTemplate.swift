// Helm charts through the real `helm template` (never a template engine of our own): the chart is
// rendered by the `helm` binary at definition time and its output read like any upstream YAML,
// so the objects are typed, validated and patchable like every other `Include`.

import Foundation
import InfraCore

extension Include {
    /// Renders a local chart with the real `helm template` and reads its output.
    ///
    /// ```swift
    /// Include(
    ///     helmChart: "vendor/charts/metrics-server", release: "metrics-server", namespace: "kube-system",
    ///     values: ["replicas": 2, "args": ["--kubelet-preferred-address-types=InternalIP"]])
    /// ```
    ///
    /// `chart` is a chart folder or `.tgz` on disk (vendored with its dependencies in `charts/`:
    /// nothing is downloaded). `values` are passed as a values file after `valuesFiles`. The chart
    /// is rendered for `kubeVersion` (the generated API's version by default) with the API versions
    /// in `apiVersions` available to `.Capabilities`, and with its `crds/` when `includeCRDs`.
    /// `helm` is the binary (default: `$HELM`, else `helm` on `PATH`). A missing binary or a chart
    /// that fails to render is an error of the manifest. Charts that generate random values
    /// (`randAlphaNum`, `genCA`) give different output on every run: set those values explicitly.
    public init(
        helmChart chart: String, release: String, namespace: String? = nil, values: Value = .object(ValueObject()),
        valuesFiles: [String] = [], kubeVersion: String = KubernetesVersionWindow.generatedFrom,
        apiVersions: [String] = [], includeCRDs: Bool = true, helm: String? = nil,
        kinds: KubernetesKindRegistry = .builtIn
    ) {
        let source = "helm template \(release) \(chart)"
        guard let binary = HelmTemplate.binary(helm) else {
            self.init(
                failure: "helm was not found (set HELM or put helm on PATH)", source: source,
                hint: "install Helm, or run `helm template` yourself and Include(file:) its output")
            return
        }
        var arguments = ["template", release, chart, "--kube-version", "v\(kubeVersion).0"]
        if let namespace { arguments += ["--namespace", namespace] }
        if includeCRDs { arguments.append("--include-crds") }
        for apiVersion in apiVersions { arguments += ["--api-versions", apiVersion] }
        for file in valuesFiles { arguments += ["--values", file] }
        switch HelmTemplate.run(binary, arguments, values: values) {
        case .success(let yaml):
            self.init(yaml: yaml, source: source, kinds: kinds)
        case .failure(let failure):
            self.init(failure: failure.message, source: source)
        }
    }
}

/// Finding and running the `helm` binary.
enum HelmTemplate {
    /// The binary: `explicit`, else `$HELM`, else `helm` on `PATH`.
    static func binary(_ explicit: String?) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = explicit ?? environment["HELM"] {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/helm"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Why rendering failed.
    struct Failure: Error {
        var message: String
    }

    /// Runs `helm` with `arguments` and `values` as the last values file; its standard output, or
    /// the failure with what helm printed.
    static func run(_ binary: String, _ arguments: [String], values: Value) -> Result<String, Failure> {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("swift-infra-helm-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            // JSON is YAML: the values go to helm as a file, never through a shell.
            let valuesFile = folder.appendingPathComponent("values.json")
            try Data(JSONWriter(sortKeys: true).write(values)).write(to: valuesFile)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments + ["--values", valuesFile.path]
            let output = folder.appendingPathComponent("stdout")
            let errors = folder.appendingPathComponent("stderr")
            try Data().write(to: output)
            try Data().write(to: errors)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
            let problem = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard process.terminationStatus == 0 else {
                return .failure(
                    Failure(message: "helm template failed (exit \(process.terminationStatus)): \(problem)"))
            }
            return .success(text)
        } catch {
            return .failure(Failure(message: "could not run \(binary): \(error.localizedDescription)"))
        }
    }
}
