// `check`: every diagnostic plus the built-in policy findings over the resolved model (every
// Terraform resource and Kubernetes object), with how much was evaluated, and a note for every
// escape hatch the definition uses (raw HCL, overrides, untyped blocks); exit 1 on errors.

import ArgumentParser
import Foundation
import InfraCore
import InfraPolicy
import InfraTerraform

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
                resources and objects. Every use of an escape hatch (raw HCL, an override, an untyped Resource or \
                DataSource) is listed as a note with its component path: validation cannot look into them and the \
                graph does not draw them.
                """)
    }

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Runs the checks.
    public func run() throws {
        let definition = D()
        let infrastructure = try Synthesis.infrastructure(definition.body, env: selection.env)
        let result = infrastructure.synthesize()
        var diagnostics = result.diagnostics
        var summary: String?
        let escapeHatches = Self.escapeHatchNotes(in: infrastructure)
        diagnostics.append(contentsOf: escapeHatches)
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
        Console.out(
            "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
                + "\(escapeHatches.count) escape hatch\(escapeHatches.count == 1 ? "" : "es")")
        if errors > 0 { throw ExitCode.failure }
    }

    /// One note per escape hatch the definition's Terraform roots and modules use, with its component path.
    ///
    /// ```swift
    /// CheckCommand<MyInfra>.escapeHatchNotes(in: MyInfra().body)   // note: dev/aws_x.y: escape hatch: …
    /// ```
    public static func escapeHatchNotes(in infrastructure: Infrastructure) -> [Diagnostic] {
        infrastructure.allUnits.flatMap { unit in
            (unit as? any EscapeHatchReporting)?.escapeHatches.map(\.note) ?? []
        }
    }
}
