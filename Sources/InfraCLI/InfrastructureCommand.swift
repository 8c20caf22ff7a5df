// The reusable command line: a package declares its infrastructure in one type and gets
// every `infra-manifest` subcommand (synth, list, check, graph, diff, drift, plan, apply,
// destroy, and the executor commands) for its own definitions.

import ArgumentParser
import InfraCore
import InfraPolicy

/// A type that declares a platform's infrastructure and runs the `infra-manifest` commands on it.
///
/// ```swift
/// @main
/// struct MyInfra: InfrastructureCommand {
///     var body: Infrastructure {
///         Infrastructure { Stack("dev") { Resource("aws_s3_bucket", "logs", ["bucket": "my-logs"]) } }
///     }
/// }
/// ```
/// `swift run my-infra` synthesizes into `infra.out/`; `swift run my-infra check` runs the checks.
public protocol InfrastructureCommand: Sendable {
    /// Creates the definition (called once per run).
    init()
    /// The infrastructure the commands work on.
    var body: Infrastructure { get }
    /// Accepted policy findings, each with its reason (used by `check`).
    var policySuppressions: [PolicySuppression] { get }
    /// The command's name in help output.
    static var commandName: String { get }
    /// One line describing what the default job synthesizes, shown in `--help`.
    static var abstract: String { get }
}

extension InfrastructureCommand {
    /// No suppressions by default.
    public var policySuppressions: [PolicySuppression] { [] }

    /// `infra-manifest` by default.
    public static var commandName: String { "infra-manifest" }

    /// A generic description.
    public static var abstract: String { "Synthesize, check and inspect infrastructure defined in Swift." }

    /// Parses the command line and runs the chosen subcommand (synth by default).
    public static func main() async {
        await InfrastructureCLI<Self>.main()
    }

    /// Parses `arguments` and runs the chosen subcommand; for tests and embedding.
    public static func main(_ arguments: [String]) async {
        await InfrastructureCLI<Self>.main(arguments)
    }
}

/// The root command for a definition `D`.
public struct InfrastructureCLI<D: InfrastructureCommand>: AsyncParsableCommand {
    /// The root's name, abstract and subcommands; `synth` runs when none is given.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: D.commandName,
            abstract: D.abstract,
            discussion: "With no subcommand, runs `synth` into infra.out/.",
            subcommands: [
                SynthCommand<D>.self, ListCommand<D>.self, CheckCommand<D>.self, GraphCommand<D>.self,
                DiffCommand<D>.self, DriftCommand<D>.self, BootstrapCommand.self, WhoamiCommand.self,
                EKSTokenCommand.self, KubeconfigCommand.self, SignCommand.self, ImportCRDCommand.self,
                ConvertCommand.self, PlanCommand<D>.self, ApplyCommand<D>.self, DestroyCommand<D>.self,
            ],
            defaultSubcommand: SynthCommand<D>.self)
    }

    /// Creates the command.
    public init() {}
}
