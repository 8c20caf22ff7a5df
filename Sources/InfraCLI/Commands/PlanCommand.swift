// `plan`: synthesize, then run the real terraform in every root (see Orchestration/ and
// Documentation/PlanApply.md for the order, the logs, the summary and the exit codes).

import ArgumentParser

/// The `plan` subcommand.
///
/// ```sh
/// infra-manifest plan --env prod --parallel 2
/// ```
public struct PlanCommand<D: InfrastructureCommand>: AsyncParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract:
                "Synthesize, then terraform plan every root in dependency order (exit 2 when changes are planned).",
            discussion: RunOptions.discussion(.plan))
    }

    /// The shared options.
    @OptionGroup public var options: RunOptions

    /// Creates the command.
    public init() {}

    /// Runs it.
    public func run() async throws {
        try await Orchestration.run(D.self, command: .plan, options: options, autoApprove: true)
    }
}
