// `infra-manifest whoami`: STS GetCallerIdentity with the resolved credentials — which account and principal
// the other executor commands will act as.

import ArgumentParser
import InfraExecutor

/// The `whoami` subcommand.
///
/// ```sh
/// infra-manifest whoami --profile prod
/// ```
public struct WhoamiCommand: AsyncParsableCommand {
    /// Command name and help.
    public static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the AWS account and identity the executor's credentials resolve to (STS GetCallerIdentity).")

    /// Shared AWS flags.
    @OptionGroup public var aws: ExecutorOptions

    /// Creates the command.
    public init() {}

    /// Calls STS and prints the identity.
    public func run() async throws {
        try await ExecutorRuntime.run(aws) { session in try await ExecutorCommands.whoami(session) }
    }
}
