// `check`: every diagnostic plus the built-in policy findings over the resolved model (every
// Terraform resource and Kubernetes object), with how much was evaluated; exit 1 on errors.

import ArgumentParser
import Foundation
import InfraCore
import InfraPolicy

/// Validates the definitions and runs the built-in policy rules.
public struct CheckCommand<D: InfrastructureCommand>: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: "Report all diagnostics and built-in policy findings; exit 1 on errors.",
            discussion: """
                Critical and high policy findings are errors; medium and low are warnings. Suppressions declared \
                in code (InfrastructureCommand.policySuppressions) turn findings into notes that show their reason; \
                a suppression that matches nothing is a warning (a note with --env, which checks part of the \
                definitions). The policy line says how many Terraform and Kubernetes rules ran over how many \
                resources and objects.
                """)
    }

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Runs the checks.
    public func run() throws {
        let definition = D()
        let result = try Synthesis.infrastructure(definition.body, env: selection.env).synthesize()
        var diagnostics = result.diagnostics
        var summary: String?
        if !result.diagnostics.hasErrors {
            let report = PolicyEngine(suppressions: definition.policySuppressions).evaluate(result.model)
            diagnostics.append(
                contentsOf: report.diagnostics(unusedSuppressions: selection.env == "all" ? .warning : .note))
            summary = report.summary
        }
        Synthesis.report(diagnostics)
        if let summary { Console.out(summary) }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.all.filter { $0.severity == .warning }.count
        Console.out("check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode.failure }
    }
}
