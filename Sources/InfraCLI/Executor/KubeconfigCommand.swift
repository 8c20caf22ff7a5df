// `infra-manifest kubeconfig`: like `aws eks update-kubeconfig` — DescribeCluster, then add or replace the
// cluster/user/context entries (named by the cluster ARN) in the kubeconfig, with `infra-manifest eks-token` as
// the user's exec plugin. Other entries are kept; the file is replaced atomically.

import ArgumentParser
import Foundation
import InfraCore
import InfraExecutor

/// The `kubeconfig` subcommand.
///
/// ```sh
/// infra-manifest kubeconfig --cluster oves-prod --region us-east-1
/// ```
public struct KubeconfigCommand: AsyncParsableCommand {
    /// Command name and help.
    public static let configuration = CommandConfiguration(
        commandName: "kubeconfig",
        abstract: "Write or merge a kubeconfig entry for an EKS cluster that authenticates with eks-token.",
        discussion: """
            Reads the existing file (JSON, or the YAML subset kubectl writes: no block scalars or anchors) and \
            keeps its other entries.
            """)

    /// The cluster name.
    @Option(help: "Name of the EKS cluster.")
    public var cluster: String

    /// The kubeconfig path.
    @Option(help: "kubeconfig to update (default: first entry of KUBECONFIG, else ~/.kube/config).")
    public var kubeconfig: String?

    /// The entry name.
    @Option(help: "Name of the cluster/user/context entries (default: the cluster ARN).")
    public var alias: String?

    /// The command kubectl runs.
    @Option(help: "Executable kubectl should run for tokens.")
    public var command = "infra-manifest"

    /// Shared AWS flags.
    @OptionGroup public var aws: ExecutorOptions

    /// Creates the command.
    public init() {}

    /// Describes the cluster and writes the file.
    public func run() async throws {
        let (clusterName, kubeconfig, alias, command, profile) = (cluster, self.kubeconfig, alias, command, aws.profile)
        try await ExecutorRuntime.run(aws) { session in
            let cluster = try await EKSClient(client: session.client).describeCluster(clusterName)
            let path = kubeconfig ?? Kubeconfig.defaultPath(environment: session.context.environment)
            let existingText =
                FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let existing = try KubeconfigYAMLReader.parse(existingText)
            let merged = Kubeconfig.merge(
                existing: existing, cluster: cluster, region: session.region, profile: profile, command: command,
                alias: alias)
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(YAMLWriter().write(merged)).write(to: url, options: .atomic)
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            return "updated context \(merged["current-context"]?.stringValue ?? cluster.name) in \(path)"
        }
    }
}
