// The build plan SwiftPM writes for llbuild (`.build/debug.yaml`): every command with its tool,
// inputs, outputs and, for `shell` commands, the exact argument vector SwiftPM runs. `infra-dev`
// re-runs those commands itself instead of imitating the compiler's or linker's arguments.

import Foundation
import Yams

/// One command of an llbuild manifest: what it reads, what it writes and how it is run.
///
/// ```swift
/// let manifest = try BuildManifest(yaml: String(decoding: data, as: UTF8.self))
/// let link = manifest.producer(of: "/pkg/.build/x86_64-unknown-linux-gnu/debug/my-infra")
/// ```
public struct BuildCommand: Sendable, Hashable, Codable {
    /// The command's key in the manifest (e.g. `C.my-infra-x86_64-unknown-linux-gnu-debug.exe`).
    public var name: String
    /// The llbuild tool that runs it: `shell`, `clang`, `phony`, `write-auxiliary-file`, `copy-tool` …
    public var tool: String
    /// The nodes it reads: files, directories (ending in `/`) and virtual nodes (`<…>`).
    public var inputs: [String]
    /// The nodes it writes.
    public var outputs: [String]
    /// The line SwiftPM prints for it (`Compiling Swift Module 'my_infra' (1 sources)`).
    public var description: String
    /// The argument vector (program first) of a `shell` or `clang` command; empty for the others.
    public var arguments: [String]

    /// A command as the manifest states it.
    public init(
        name: String, tool: String, inputs: [String] = [], outputs: [String] = [], description: String = "",
        arguments: [String] = []
    ) {
        self.name = name
        self.tool = tool
        self.inputs = inputs
        self.outputs = outputs
        self.description = description
        self.arguments = arguments
    }

    /// The value of a `-flag value` pair in the arguments (`-module-name`, `-o`), if present.
    public func argument(after flag: String) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// Whether this is SwiftPM's compile of one Swift module (`swiftc -module-name … -c …`, not a link).
    public var isSwiftModuleCompile: Bool {
        tool == "shell" && arguments.contains("-module-name") && arguments.contains("-c")
            && !arguments.contains("-emit-executable") && !arguments.contains("-emit-library")
    }

    /// Whether the node names a virtual node (`<…>`), which is no file.
    public static func isVirtual(_ node: String) -> Bool { node.hasPrefix("<") && node.hasSuffix(">") }
}

/// An llbuild manifest as SwiftPM writes it (`.build/debug.yaml`), read with Yams.
public struct BuildManifest: Sendable {
    /// Every command, by name.
    public var commands: [String: BuildCommand]
    /// The command writing each output node.
    private var producers: [String: String]

    /// Reads a manifest; throws `DevLoopError.unreadableManifest` when it is not one.
    public init(yaml: String) throws {
        let raw: RawManifest
        do {
            raw = try YAMLDecoder().decode(RawManifest.self, from: yaml)
        } catch {
            throw DevLoopError.unreadableManifest("\(error)")
        }
        var commands: [String: BuildCommand] = [:]
        for (name, command) in raw.commands ?? [:] {
            commands[name] = BuildCommand(
                name: name, tool: command.tool ?? "", inputs: command.inputs ?? [], outputs: command.outputs ?? [],
                description: command.description ?? "", arguments: command.args ?? [])
        }
        self.init(commands: Array(commands.values))
    }

    /// A manifest of the given commands (tests, and plans read back from disk).
    public init(commands: [BuildCommand]) {
        self.commands = Dictionary(commands.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var producers: [String: String] = [:]
        for command in self.commands.values.sorted(by: { $0.name < $1.name }) {
            for output in command.outputs where producers[output] == nil { producers[output] = command.name }
        }
        self.producers = producers
    }

    /// The command that writes `node`, if any (source files and directories have none).
    public func producer(of node: String) -> BuildCommand? {
        producers[node].flatMap { commands[$0] }
    }

    /// The fields of a command that `infra-dev` reads; the others (`allow-missing-inputs` …) are ignored.
    private struct RawCommand: Decodable {
        var tool: String?
        var inputs: [String]?
        var outputs: [String]?
        var description: String?
        var args: [String]?

        private enum CodingKeys: String, CodingKey { case tool, inputs, outputs, description, args }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            tool = try container.decodeIfPresent(String.self, forKey: .tool)
            inputs = try container.decodeIfPresent([String].self, forKey: .inputs)
            outputs = try container.decodeIfPresent([String].self, forKey: .outputs)
            description = try container.decodeIfPresent(String.self, forKey: .description)
            // llbuild also accepts one string (run by a shell); kept as one word, never re-split.
            if let list = try? container.decodeIfPresent([String].self, forKey: .args) {
                args = list
            } else {
                args = try container.decodeIfPresent(String.self, forKey: .args).map { [$0] }
            }
        }
    }

    private struct RawManifest: Decodable {
        var commands: [String: RawCommand]?
    }
}
