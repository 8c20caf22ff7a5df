// `synth`: validate everything, then write the files into the output folder all or nothing,
// replacing only what synth wrote there before (its record says which files those are).

import ArgumentParser
import Foundation
import InfraCore
import InfraOutput
import InfraTerraform

/// Synthesizes the infrastructure into an output folder.
public struct SynthCommand<D: InfrastructureCommand>: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "synth",
            abstract: "Check the definitions and write Terraform JSON and Kubernetes YAML (the default command).",
            discussion: """
                Everything is validated first; with any error nothing is written and the command exits 1.

                synth owns only the files it wrote: it keeps a record of them, with their SHA-256, in \
                \(OutputRecord.fileName) in the output folder. A new synth replaces its own files, removes the \
                ones no longer generated (and the folders it created that became empty), and never touches \
                anything else: Terraform state, .terraform/, .terraform.lock.hcl and your own files stay. \
                A file in the way that synth did not write, or that was changed since, is an error naming it \
                (exit 1, nothing written); so is a non-empty folder without a record. Symbolic links inside \
                the output folder are never followed. Each file is written to a temporary file and renamed \
                into place; a failure half way restores the folder as it was.

                With --env, only the selected environment's folders (and the modules it calls) are written \
                and cleaned; the other environments' files and record entries stay as they are.
                """)
    }

    /// The output folder.
    @Option(name: .shortAndLong, help: "Output folder.")
    public var output: String = "infra.out"

    /// The Terraform output format.
    @Option(
        name: .long, help: "Terraform format: json (*.tf.json, default) or hcl (*.tf, terraform fmt style, for review)."
    )
    public var format: SynthesisOptions.TerraformFormat = .json

    /// Overwrite files in the way.
    @Flag(
        name: .long,
        help: """
            Overwrite files in the way at the paths synth writes (files it did not write, or changed since; a \
            link is replaced, never followed) and write into a folder without a record. Never deletes a file \
            synth did not write and never replaces a folder.
            """)
    public var force = false

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Runs the synthesis.
    public func run() throws {
        let whole = D().body
        let infrastructure = try Synthesis.infrastructure(whole, env: selection.env)
        let result = try Synthesis.run(infrastructure, options: SynthesisOptions(terraformFormat: format))
        let writer = OutputWriter(directory: URL(fileURLWithPath: output), force: force)
        let plan = try OutputReport.write(
            result.artifacts, with: writer, scope: OutputReport.scope(infrastructure, of: whole, env: selection.env),
            output: output)
        let terraform = result.inventory.filter { !$0.file.hasSuffix(".yaml") }.count
        let kubernetes = result.inventory.count - terraform
        let written = plan.entries.filter { [.create, .update, .overwrite].contains($0.action) }.count
        var counts = "\(written) written, \(plan.entries(.unchanged).count) unchanged"
        if !plan.entries(.remove).isEmpty { counts += ", \(plan.entries(.remove).count) removed" }
        if !plan.entries(.keep).isEmpty { counts += ", \(plan.entries(.keep).count) kept" }
        Console.out(
            "Synthesized \(result.artifacts.count) files into \(output)/: \(terraform) Terraform blocks, "
                + "\(kubernetes) Kubernetes objects (\(counts)).")
    }
}

extension SynthesisOptions.TerraformFormat: ExpressibleByArgument {}
