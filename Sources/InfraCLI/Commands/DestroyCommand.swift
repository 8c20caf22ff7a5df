// `destroy`: synthesize, then run the real terraform in every root (see Orchestration/ and
// Documentation/PlanApply.md for the order, the logs, the summary and the exit codes).

import ArgumentParser

/// The `destroy` subcommand.
///
/// ```sh
/// infra-manifest destroy --env prod --parallel 2 --auto-approve
/// ```
public struct DestroyCommand<D: InfrastructureCommand>: AsyncParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "destroy",
            abstract: "Synthesize, then terraform destroy every root in reverse dependency order.",
            discussion: RunOptions.discussion(.destroy))
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
        try await Orchestration.run(D.self, command: .destroy, options: options, autoApprove: autoApprove)
    }
}
