// `graph`: the dependency graph of the resolved model as Graphviz DOT or Mermaid, one cluster
// per output folder.

import ArgumentParser
import InfraCore

/// Prints the dependency graph.
public struct GraphCommand<D: InfrastructureCommand>: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "graph", abstract: "Print the dependency graph as Graphviz DOT or Mermaid.",
            discussion: "Render DOT with `dot -Tsvg`; paste Mermaid into Markdown.")
    }

    /// The output format.
    @Option(name: .long, help: "dot or mermaid.")
    public var format: GraphFormat = .dot

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// Creates the command.
    public init() {}

    /// Prints the graph.
    public func run() throws {
        let result = try Synthesis.run(try Synthesis.infrastructure(D().body, env: selection.env))
        let graph = DependencyGraph(model: result.model)
        Console.out(format == .dot ? graph.dot() : graph.mermaid(), terminator: "")
    }
}

/// Graph output formats.
public enum GraphFormat: String, ExpressibleByArgument, Sendable, CaseIterable {
    /// Graphviz DOT.
    case dot
    /// Mermaid flowchart.
    case mermaid
}

extension Console {
    static func out(_ text: String, terminator: String) {
        out(terminator.isEmpty && text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }
}
