// `drift`: synthesize the definitions, then compare the buckets, VPCs and tags they
// declare with what the AWS account really has.

import ArgumentParser
import InfraCore

/// Compares the synthesized infrastructure with the AWS account.
public struct DriftCommand<D: InfrastructureCommand>: AsyncParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "drift",
            abstract: "Compare the synthesized S3 buckets, VPCs and tags with the AWS account and list each difference."
        )
    }

    /// AWS and exit-code flags.
    @OptionGroup public var drift: DriftOptions

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Synthesizes, then queries AWS.
    public func run() async throws {
        let result = try Synthesis.run(try Synthesis.infrastructure(D().body, env: selection.env))
        let status = try await runDrift(options: drift, model: result.model)
        if status != 0 { throw ExitCode(status) }
    }
}
