// `apply`: synthesize, then run the real terraform in every root (see Orchestration/ and
// Documentation/PlanApply.md for the order, the logs, the summary and the exit codes).

import ArgumentParser

/// The `apply` subcommand.
///
/// ```sh
/// infra-manifest apply --env prod --parallel 2 --auto-approve
/// ```
public struct ApplyCommand<D: InfrastructureCommand>: AsyncParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "apply",
            abstract:
                "Synthesize, then plan and apply every root in dependency order, and each manifest into its cluster.",
            discussion: RunOptions.discussion(.apply))
    }

    /// The shared options.
    @OptionGroup public var options: RunOptions

    /// Skip the confirmation.
    @Flag(help: "Do not ask for confirmation (required when standard input is not a terminal).")
    public var autoApprove = false

    /// Creates the command.
    public init() {}

    /// Runs it.
    public func run() async throws {
        try await Orchestration.run(D.self, command: .apply, options: options, autoApprove: autoApprove)
    }
}
