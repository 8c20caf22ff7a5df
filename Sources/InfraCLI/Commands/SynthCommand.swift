// `synth`: validate everything, then write all files atomically (or nothing).

import ArgumentParser
import Foundation
import InfraCore
import InfraOutput

/// Synthesizes the infrastructure into an output folder.
public struct SynthCommand<D: InfrastructureCommand>: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "synth",
            abstract: "Check the definitions and write Terraform JSON and Kubernetes YAML (the default command).",
            discussion: """
                Everything is validated first; with any error nothing is written and the command exits 1. \
                The output folder is replaced whole (written to a temporary folder, then renamed).
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

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Runs the synthesis.
    public func run() throws {
        let infrastructure = try Synthesis.infrastructure(D().body, env: selection.env)
        let result = try Synthesis.run(infrastructure, options: SynthesisOptions(terraformFormat: format))
        let directory = URL(fileURLWithPath: output)
        do {
            try OutputWriter(directory: directory).write(result.artifacts)
        } catch {
            Console.error("error: could not write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let terraform = result.inventory.filter { !$0.file.hasSuffix(".yaml") }.count
        let kubernetes = result.inventory.count - terraform
        Console.out(
            "Synthesized \(result.artifacts.count) files into \(output)/: \(terraform) Terraform blocks, "
                + "\(kubernetes) Kubernetes objects.")
    }
}

extension SynthesisOptions.TerraformFormat: ExpressibleByArgument {}
