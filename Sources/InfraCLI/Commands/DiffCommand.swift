// `diff DIR`: what a new synth would change in an existing output folder — files added,
// replaced and removed, files in the way, and for Terraform files the blocks added, removed and
// changed (the new blocks from the resolved model, the old ones read from the file with
// InfraCore's JSONReader). It reads synth's record, so files synth did not write (Terraform state,
// `.terraform/`, lock files, notes) are never reported as removed.

import ArgumentParser
import Foundation
import InfraCore
import InfraOutput
import InfraTerraform

/// Compares a fresh synthesis with an existing output folder.
public struct DiffCommand<D: InfrastructureCommand>: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "diff", abstract: "Show what a new synth would change in an existing output folder.",
            discussion: """
                Lines: + a file synth would create, ~ a file it wrote that it would replace, - a file it wrote \
                that is no longer generated (removed), ! something in the way (synth refuses without --force), \
                ? a file no longer generated that was changed since synth wrote it (kept). Terraform files list \
                their blocks below with + - ~. Files synth did not write (Terraform state, .terraform/, lock \
                files, your own) are not listed unless they are in the way.

                Exit status: 0 when nothing would change (or always, without --detailed-exitcode), 2 when \
                something would, 1 on errors.
                """
        )
    }

    /// The existing output folder.
    @Argument(help: "An existing output folder, e.g. infra.out.")
    public var directory: String

    /// Exit 2 when there are changes.
    @Flag(name: .long, help: "Exit 2 when there are changes, like terraform plan -detailed-exitcode.")
    public var detailedExitcode = false

    /// The Terraform output format to compare with.
    @Option(name: .long, help: "Terraform format the folder was synthesized with: json (default) or hcl.")
    public var format: SynthesisOptions.TerraformFormat = .json

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Prints the differences.
    public func run() throws {
        let whole = D().body
        let infrastructure = try Synthesis.infrastructure(whole, env: selection.env)
        let result = try Synthesis.run(infrastructure, options: SynthesisOptions(terraformFormat: format))
        let root = URL(fileURLWithPath: directory)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(directory) is not an existing folder")
        }
        let plan: OutputPlan
        do {
            plan = try OutputWriter(directory: root).plan(
                result.artifacts, scope: OutputReport.scope(infrastructure, of: whole, env: selection.env))
        } catch let error as OutputError {
            OutputReport.report(error, output: directory)
            throw ExitCode.failure
        }
        let changes = OutputDiff.lines(plan, model: result.model, directory: directory)
        if changes.isEmpty {
            Console.out("No changes: \(directory) matches the definitions.")
            return
        }
        for line in changes { Console.out(line) }
        Console.out("\(changes.filter { !$0.hasPrefix("    ") }.count) file(s) would change.")
        let blocking = plan.blockingConflicts.count
        if blocking > 0 {
            Console.out(
                "synth would refuse: \(blocking) path\(blocking == 1 ? "" : "s") in the way (--force overwrites files "
                    + "in the way; it never replaces folders or follows links).")
        }
        if detailedExitcode { throw ExitCode(2) }
    }
}

/// File- and block-level description of an ``OutputPlan``.
enum OutputDiff {
    /// One line per file the plan changes or is stopped by, sorted by path, each Terraform JSON file
    /// followed by its changed blocks.
    static func lines(_ plan: OutputPlan, model: ResolvedModel, directory: String) -> [String] {
        var fresh: [String: [any ModelNode]] = [:]
        for node in model.nodes(.terraform) { fresh[node.file, default: []].append(node) }
        var lines: [String] = []
        var conflicts = Dictionary(plan.conflicts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        if let folder = conflicts.removeValue(forKey: "") {
            lines.append("! \(directory): \(folder.message)")
        }
        var byPath: [(String, [String])] = []
        for entry in plan.entries {
            switch entry.action {
            case .unchanged:
                continue
            case .create:
                byPath.append((entry.path, ["+ \(entry.path)"]))
            case .update:
                byPath.append((entry.path, ["~ \(entry.path)"] + blockLines(entry, fresh: fresh)))
            case .overwrite:
                let message = conflicts.removeValue(forKey: entry.path)?.message ?? "in the way"
                byPath.append((entry.path, ["! \(entry.path): \(message)"] + blockLines(entry, fresh: fresh)))
            case .remove:
                byPath.append((entry.path, ["- \(entry.path)"]))
            case .keep:
                byPath.append(
                    (entry.path, ["? \(entry.path): no longer generated, but changed since synth wrote it; kept"]))
            }
        }
        for (path, conflict) in conflicts {
            byPath.append((path, ["! \(path): \(conflict.message)"]))
        }
        for (_, entryLines) in byPath.sorted(by: { $0.0 < $1.0 }) { lines += entryLines }
        return lines
    }

    /// The changed blocks of a Terraform JSON file the plan replaces.
    private static func blockLines(_ entry: OutputPlan.Entry, fresh: [String: [any ModelNode]]) -> [String] {
        guard entry.path.hasSuffix(".tf.json"), let previous = entry.previousBytes, let nodes = fresh[entry.path]
        else { return [] }
        return blockChanges(old: previous, new: nodes)
    }

    /// Block addresses added (+), removed (-) or changed (~) between a Terraform JSON file on disk
    /// and the resolved blocks now written to it.
    static func blockChanges(old: [UInt8], new nodes: [any ModelNode]) -> [String] {
        let before: [String: String]
        var lines: [String] = []
        do {
            before = blocks(try JSONReader.read(old))
        } catch {
            before = [:]
            lines.append("    ! the file on disk is not valid JSON (\(error)); every block counts as added")
        }
        var after: [String: String] = [:]
        for node in nodes where node.role == .resource || blockKinds.contains(node.kind) {
            after[node.address] = canonical(node.document())
        }
        for address in Set(before.keys).union(after.keys).sorted() {
            switch (before[address], after[address]) {
            case (nil, _?): lines.append("    + \(address)")
            case (_?, nil): lines.append("    - \(address)")
            case (let a?, let b?) where a != b: lines.append("    ~ \(address)")
            default: break
            }
        }
        return lines
    }

    /// The kinds of configuration blocks compared besides resources, data sources and module calls.
    static let blockKinds = ["output", "variable", "local"]

    /// Address → canonical JSON text of each block in a Terraform JSON document.
    static func blocks(_ document: Value) -> [String: String] {
        var result: [String: String] = [:]
        for (kind, prefix) in [("resource", ""), ("data", "data.")] {
            for (type, names) in document[kind]?.objectValue ?? ValueObject() {
                for (name, body) in names.objectValue ?? ValueObject() {
                    result["\(prefix)\(type).\(name)"] = canonical(body)
                }
            }
        }
        for (section, prefix) in [
            ("module", "module."), ("output", "output."), ("variable", "var."), ("locals", "local."),
        ] {
            for (name, body) in document[section]?.objectValue ?? ValueObject() {
                result["\(prefix)\(name)"] = canonical(body)
            }
        }
        return result
    }

    /// One-line JSON with sorted keys: the same text for equal content (`1` and `1.0` alike).
    static func canonical(_ value: Value) -> String {
        JSONWriter(sortKeys: true, pretty: false).string(value)
    }
}
