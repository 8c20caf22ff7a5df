// `infra-manifest kubeconfig`: like `aws eks update-kubeconfig` — DescribeCluster, then add or replace the
// cluster/user/context entries (named by the cluster ARN) in the kubeconfig, with `infra-manifest eks-token` as
// the user's exec plugin. Other entries are kept; the file is replaced atomically, mode 0600 (`Kubeconfig.update`).

import ArgumentParser
import Foundation
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
            let (file, context) = try Kubeconfig.update(
                path: path, cluster: cluster, region: session.region, profile: profile, command: command, alias: alias)
            return "updated context \(context) in \(file)"
        }
    }
}
