// `list`: every resource, data source, module call and Kubernetes object of the resolved
// model, with its type and component path.

import ArgumentParser
import Foundation
import InfraCore

/// Lists what the infrastructure contains.
public struct ListCommand<D: InfrastructureCommand>: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: "List resources and objects with their types and component paths.")
    }

    /// Print JSON instead of a table.
    @Flag(name: .long, help: "Print JSON lines instead of a table.")
    public var json = false

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Prints the listing.
    public func run() throws {
        let result = try Synthesis.run(try Synthesis.infrastructure(D().body, env: selection.env))
        let entries = result.model.inventory.sorted { ($0.file, $0.address) < ($1.file, $1.address) }
        if json {
            for entry in entries {
                let value: Value = [
                    "kind": .string(entry.kind), "address": .string(entry.address),
                    "path": .string(entry.path.description), "file": .string(entry.file),
                ]
                Console.out(JSONWriter(sortKeys: true, pretty: false).string(value))
            }
            return
        }
        let kindWidth = min(44, entries.map(\.kind.count).max() ?? 4)
        let addressWidth = min(64, entries.map(\.address.count).max() ?? 7)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        Console.out("\(pad("KIND", kindWidth))  \(pad("ADDRESS", addressWidth))  PATH")
        for entry in entries {
            Console.out("\(pad(entry.kind, kindWidth))  \(pad(entry.address, addressWidth))  \(entry.path)")
        }
        Console.out("\(entries.count) items")
    }
}
