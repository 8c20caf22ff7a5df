// `convert`: Terraform JSON (`*.tf.json`, cdktf's `cdk.tf.json`) and HCL (`*.tf`) → a Swift
// target of typed stacks. Problems in the input are printed with file, line and column and
// nothing is written. The folder is written like synth's output (OutputWriter): only files this
// command wrote before, unchanged since, are replaced or removed; the user's files never are.

import ArgumentParser
import Foundation
import InfraConvert
import InfraCore
import InfraOutput

/// Converts Terraform configurations to typed Swift.
public struct ConvertCommand: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "convert",
            abstract: "Convert Terraform JSON, cdktf output and HCL to a Swift target of typed stacks.",
            discussion: """
                Each PATH is a .tf or .tf.json file, a root folder, a cdktf output folder (stacks/*/cdk.tf.json) or a \
                folder of roots. Local modules the roots call are converted too. The Swift files go into --output, \
                which convert owns only in part, like synth's output folder: a record there (\(OutputRecord.fileName)) \
                lists the files it wrote, so a new conversion replaces and removes only those. A file in the way (not \
                written by convert, or edited since) is an error and nothing is written, unless --force; nothing is \
                written either when the input has errors. The report lists what stays untyped, is kept as HCL text, \
                or is left out.
                """)
    }

    /// The configurations to convert.
    @Argument(help: "Terraform files or folders to convert.")
    public var paths: [String]

    /// The target folder.
    @Option(name: .shortAndLong, help: "Folder of the Swift target to write (e.g. Sources/MyInfra).")
    public var output: String

    /// The target's module name.
    @Option(name: .long, help: "Swift module name of the target (default: the output folder's name).")
    public var module: String?

    /// Keep cdktf names.
    @Flag(name: .long, help: "Keep cdktf's construct-path resource names instead of readable names with moved blocks.")
    public var keepAddresses = false

    /// Another provider schema.
    @Option(name: .long, help: "AWS provider schema (.json or .json.gz) to read the bindings from.")
    public var schema: String?

    /// Where to write the report.
    @Option(name: .long, help: "Also write the report as Markdown to this file.")
    public var report: String?

    /// Overwrite files in the way.
    @Flag(
        name: .long,
        help: """
            Overwrite files in the way at the paths convert writes (files it did not write, or edited since) and \
            write into a folder without a record. Never deletes a file convert did not write.
            """)
    public var force = false

    /// Creates the command.
    public init() {}

    /// Converts and writes the target.
    public func run() throws {
        let directory = URL(fileURLWithPath: output).standardizedFileURL
        let moduleName = module ?? Self.moduleName(from: directory.lastPathComponent)
        let converter = TerraformConverter(
            options: ConversionOptions(moduleName: moduleName, keepAddresses: keepAddresses, schemaPath: schema))
        let result: ConversionResult
        do {
            result = try converter.convert(paths)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode.failure
        }
        for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            Console.error("\(errors) error\(errors == 1 ? "" : "s"); nothing was written.")
            throw ExitCode.failure
        }
        let artifacts = result.files.map { Artifact(path: $0.name, bytes: Array($0.text.utf8)) }
        _ = try OutputReport.write(
            artifacts, with: OutputWriter(directory: directory, force: force), scope: .everything, output: output)
        do {
            if let report { try Data(result.report.markdown.utf8).write(to: URL(fileURLWithPath: report)) }
        } catch {
            Console.error("error: \(error)")
            throw ExitCode.failure
        }
        summarize(result, moduleName: moduleName)
    }

    /// `my-infra` → `MyInfra`.
    static func moduleName(from folder: String) -> String {
        let words = folder.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.first?.isLetter == true ? name : "Converted" + name
    }

    private func summarize(_ result: ConversionResult, moduleName: String) {
        let roots = result.stacks.count
        Console.out(
            "Converted \(roots) root\(roots == 1 ? "" : "s") into \(output)/ (\(result.files.count) Swift files, "
                + "module \(moduleName)); stacks: \(result.stacks.map(\.stack).joined(separator: ", ")).")
        for kind in ConversionReport.Kind.allCases {
            let entries = result.report.entries(kind)
            guard !entries.isEmpty else { continue }
            Console.out("\(kind.rawValue): \(entries.count)")
            for entry in entries.prefix(kind == .renamed ? 5 : 50) { Console.out("  " + entry.description) }
            if entries.count > (kind == .renamed ? 5 : 50) { Console.out("  …") }
        }
        let products = ["InfraTerraform"] + result.products
        Console.out(
            "The target depends on: "
                + products.map { ".product(name: \"\($0)\", package: \"swift-infra\")" }.joined(separator: ", "))
        if !result.traits.isEmpty {
            // The family modules are empty unless the package's trait is on in the user's dependency.
            let traits = result.traits.map { "\"\($0)\"" }.joined(separator: ", ")
            Console.out(
                "The swift-infra dependency needs the trait\(result.traits.count == 1 ? "" : "s") [\(traits)]: "
                    + ".package(url: …, from: …, traits: [\(traits)])")
        }
    }
}
