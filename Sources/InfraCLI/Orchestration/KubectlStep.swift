// A manifest folder into its cluster: the cluster root's outputs (`terraform output -json`) give
// the cluster's name, API endpoint and CA; the embedded executor's kubeconfig code writes an
// owner-only kubeconfig whose user runs `<this program> eks-token` (no aws CLI); then
// `kubectl apply --server-side` sends the folder. `--prune` is not used: it deletes every object of
// the allow-listed kinds that carries the selected labels and is missing from the folder, including
// objects other tools created — the program must never delete what it did not write.

import Foundation
import InfraCore
import InfraExecutor
import InfraKubernetes

/// Applies a manifest folder with kubectl.
enum KubectlStep {
    /// The field manager kubectl's server-side apply records for our objects.
    static let fieldManager = "infra-manifest"

    /// Applies `directory` (relative to the output folder) into `cluster`, whose root is `clusterDirectory`.
    static func run(
        _ directory: String, cluster: ManifestCluster, clusterDirectory: String, context: RunContext, log: RunLog
    ) async throws -> StepResult {
        func failure(_ message: String) -> StepResult {
            log.line("error: \(message)")
            return StepResult(root: directory, result: .failed, log: context.display(log.path), message: message)
        }
        guard let kubectl = context.kubectl else { return failure("kubectl was not found") }
        let outputs = try await LoggedProcess.capture(
            context.terraform, ["output", "-json", "-no-color"],
            in: context.output.appendingPathComponent(clusterDirectory), environment: context.environment, log: log)
        guard outputs.status == 0,
            let object = try? JSONSerialization.jsonObject(with: outputs.stdout) as? [String: Any]
        else { return failure("terraform output -json failed in \(clusterDirectory)") }
        var values: [String: String] = [:]
        for name in [cluster.nameOutput, cluster.endpointOutput, cluster.certificateAuthorityOutput] {
            guard let value = (object[name] as? [String: Any])?["value"] as? String, !value.isEmpty else {
                return failure("\(clusterDirectory) has no string output \"\(name)\" (ManifestCluster names it)")
            }
            values[name] = value
        }
        guard let region = cluster.region ?? context.region else {
            return failure("no region for the cluster's token: pass --region or set AWS_REGION")
        }
        let eks = EKSCluster(
            name: values[cluster.nameOutput] ?? "", arn: "", endpoint: values[cluster.endpointOutput] ?? "",
            certificateAuthorityData: values[cluster.certificateAuthorityOutput] ?? "", status: "ACTIVE", version: "")
        let document = Kubeconfig.merge(
            existing: .object(ValueObject()), cluster: eks, region: region, profile: context.profile,
            command: context.tokenCommand)
        let kubeconfig = context.logURL(directory, "kubeconfig")
        _ = try PrivateFile.write(YAMLWriter().write(document), to: kubeconfig.path)
        log.line("kubeconfig for \(eks.name) at \(eks.endpoint) written to \(context.display(kubeconfig)) (mode 0600)")
        let status = try await LoggedProcess.run(
            kubectl,
            [
                "apply", "--server-side", "--field-manager=\(fieldManager)", "--kubeconfig", kubeconfig.path,
                "-f", context.output.appendingPathComponent(directory).path,
            ],
            in: context.output, environment: context.environment, log: log)
        guard status == 0 else { return failure("kubectl apply failed") }
        return StepResult(root: directory, result: .applied, log: context.display(log.path))
    }
}
