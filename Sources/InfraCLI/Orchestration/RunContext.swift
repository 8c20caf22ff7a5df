// What every step of a run shares: the command, the tools, the environment terraform and kubectl
// see (the caller's, plus TF_IN_AUTOMATION and the endpoint, profile and region options), and where
// the output folder and its logs are.

import Foundation

/// The shared settings of a run.
struct RunContext: Sendable {
    /// The command.
    var command: RunCommand
    /// The terraform executable.
    var terraform: String
    /// The kubectl executable, when a manifest is applied.
    var kubectl: String?
    /// The program kubeconfig's exec plugin runs for EKS tokens (`<it> eks-token --cluster …`).
    var tokenCommand: String
    /// The environment of every child process.
    var environment: [String: String]
    /// The profile given with `--profile` (passed on to the token plugin too).
    var profile: String?
    /// The region given with `--region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`.
    var region: String?
    /// The output folder.
    var output: URL
    /// The output folder as the user typed it, for messages.
    var outputName: String

    /// The logs' folder inside the output folder (not part of synth's record, never touched by synth).
    static let logFolder = ".infra-logs"

    /// `<output>/.infra-logs/<directory>/<name>`.
    func logURL(_ directory: String, _ name: String) -> URL {
        output.appendingPathComponent(Self.logFolder).appendingPathComponent(directory).appendingPathComponent(name)
    }

    /// `output/relative` as the user would type it.
    func display(_ url: URL) -> String {
        let base = output.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return path }
        return outputName + path.dropFirst(base.count)
    }
}
