// `infra-manifest eks-token`: kubectl's exec credential plugin. Prints an ExecCredential whose token is a
// presigned STS GetCallerIdentity URL for the cluster (`k8s-aws-v1.…`), like `aws eks get-token`.

import ArgumentParser
import InfraExecutor

/// The `eks-token` subcommand.
///
/// ```sh
/// infra-manifest eks-token --cluster oves-prod --region us-east-1
/// ```
public struct EKSTokenCommand: AsyncParsableCommand {
    /// Command name and help.
    public static let configuration = CommandConfiguration(
        commandName: "eks-token",
        abstract: "Print an ExecCredential with an EKS bearer token (for kubectl's exec plugin).",
        discussion: "The token is valid for 15 minutes; no network call is made except to resolve credentials.")

    /// The cluster name.
    @Option(help: "Name of the EKS cluster.")
    public var cluster: String

    /// Shared AWS flags.
    @OptionGroup public var aws: ExecutorOptions

    /// Creates the command.
    public init() {}

    /// Prints the ExecCredential JSON.
    public func run() async throws {
        let cluster = cluster
        try await ExecutorRuntime.run(aws) { session in try await ExecutorCommands.eksToken(session, cluster: cluster) }
    }
}
