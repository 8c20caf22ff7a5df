// `diff DIR`: what a new synth would change in an existing output folder — files added,
// removed and changed, and for Terraform files the blocks added, removed and changed.

import ArgumentParser
import Foundation
import InfraCore

/// Compares a fresh synthesis with an existing output folder.
public struct DiffCommand<D: InfrastructureCommand>: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "diff", abstract: "Show what a new synth would change in an existing output folder.",
            discussion:
                "Exit status: 0 when nothing would change (or always, without --detailed-exitcode), 2 when something would, 1 on errors."
        )
    }

    /// The existing output folder.
    @Argument(help: "An existing output folder, e.g. infra.out.")
    public var directory: String

    /// Exit 2 when there are changes.
    @Flag(name: .long, help: "Exit 2 when there are changes, like terraform plan -detailed-exitcode.")
    public var detailedExitcode = false

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Prints the differences.
    public func run() throws {
        let result = try Synthesis.run(try Synthesis.infrastructure(D().body, env: selection.env))
        let root = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw ValidationError("\(directory) does not exist")
        }
        let changes = OutputDiff.compare(artifacts: result.artifacts, with: root)
        if changes.isEmpty {
            Console.out("No changes: \(directory) matches the definitions.")
            return
        }
        for line in changes { Console.out(line) }
        Console.out("\(changes.filter { !$0.hasPrefix("    ") }.count) file(s) would change.")
        if detailedExitcode { throw ExitCode(2) }
    }
}

/// File- and block-level comparison of synthesized artifacts with a folder on disk.
enum OutputDiff {
    static func compare(artifacts: [Artifact], with root: URL) -> [String] {
        let existing = Set(files(under: root))
        let fresh = Dictionary(uniqueKeysWithValues: artifacts.map { ($0.path, $0) })
        var lines: [String] = []
        for path in Set(fresh.keys).union(existing).sorted() {
            let url = root.appendingPathComponent(path)
            guard let artifact = fresh[path] else {
                lines.append("- \(path)")
                continue
            }
            guard existing.contains(path), let old = FileManager.default.contents(atPath: url.path) else {
                lines.append("+ \(path)")
                continue
            }
            guard Array(old) != artifact.bytes else { continue }
            lines.append("~ \(path)")
            if path.hasSuffix(".tf.json") { lines += blockChanges(old: old, new: Data(artifact.bytes)) }
        }
        return lines
    }

    /// All regular files under `root`, as relative paths.
    static func files(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return []
        }
        let prefix = root.standardizedFileURL.path + "/"
        var result: [String] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return result
    }

    /// Block addresses added (+), removed (-) or changed (~) between two Terraform JSON files.
    static func blockChanges(old: Data, new: Data) -> [String] {
        let before = blocks(old)
        let after = blocks(new)
        var lines: [String] = []
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

    /// Address → canonical JSON text of each block in a Terraform JSON file.
    static func blocks(_ data: Data) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var result: [String: String] = [:]
        func canonical(_ value: Any) -> String {
            (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]))
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        for (kind, prefix) in [("resource", ""), ("data", "data.")] {
            for (type, names) in object[kind] as? [String: Any] ?? [:] {
                for (name, body) in names as? [String: Any] ?? [:] {
                    result["\(prefix)\(type).\(name)"] = canonical(body)
                }
            }
        }
        for (section, prefix) in [
            ("module", "module."), ("output", "output."), ("variable", "var."), ("locals", "local."),
        ] {
            for (name, body) in object[section] as? [String: Any] ?? [:] {
                result["\(prefix)\(name)"] = canonical(body)
            }
        }
        return result
    }
}
