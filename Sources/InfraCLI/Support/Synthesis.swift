// Shared by the subcommands: synthesize the user's infrastructure once, print its
// diagnostics the same way everywhere, and refuse to go on when there are errors.

import ArgumentParser
import Foundation
import InfraCore

/// Options every synthesizing subcommand shares.
public struct SelectionOptions: ParsableArguments {
    /// Which environment to work on.
    @Option(name: .long, help: "Environment to work on: a unit name such as dev, prod or shared, or all.")
    public var env: String = "all"

    /// Creates the options.
    public init() {}
}

enum Synthesis {
    /// The definition's units narrowed to `env` (by the first segment of their component path).
    static func infrastructure(_ infrastructure: Infrastructure, env: String) throws -> Infrastructure {
        guard env != "all" else { return infrastructure }
        let units = infrastructure.units.filter { $0.componentPath.segments.first == env }
        guard !units.isEmpty else {
            let names = Set(infrastructure.units.compactMap { $0.componentPath.segments.first }).sorted()
            throw ValidationError(
                "unknown environment \"\(env)\"; choose one of: \(names.joined(separator: ", ")), all")
        }
        // Keep everything but the units: the aspects run on the environment's units too.
        var narrowed = infrastructure
        narrowed.units = units
        return narrowed
    }

    /// Prints diagnostics to standard error, errors first.
    static func report(_ diagnostics: Diagnostics) {
        for diagnostic in diagnostics.sorted {
            Console.error(diagnostic.description)
        }
    }

    /// Synthesizes; prints diagnostics and exits 1 when there are errors.
    static func run(
        _ infrastructure: Infrastructure, options: SynthesisOptions = SynthesisOptions()
    ) throws
        -> SynthesisResult
    {
        let result = infrastructure.synthesize(options: options)
        report(result.diagnostics)
        if result.diagnostics.hasErrors {
            let count = result.diagnostics.errors.count
            Console.error("\(count) error\(count == 1 ? "" : "s"); nothing was written.")
            throw ExitCode.failure
        }
        return result
    }
}

/// Where commands print: results to stdout, diagnostics and progress to stderr — or, inside
/// ``Console/capturing(_:)``, into a transcript (tests run commands side by side in one process).
enum Console {
    /// The transcript the current task prints into instead of the standard streams, if any.
    @TaskLocal static var transcript: Transcript?

    static func out(_ text: String) {
        if let transcript { return transcript.append(text, error: false) }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        if let transcript { return transcript.append(text, error: true) }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Runs `body` with everything it prints collected, and returns the transcript.
    static func capturing(_ body: () async throws -> Void) async rethrows -> Transcript {
        let transcript = Transcript()
        try await $transcript.withValue(transcript) { try await body() }
        return transcript
    }

    /// What a command printed, line by line.
    final class Transcript: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [(text: String, error: Bool)] = []

        func append(_ text: String, error: Bool) {
            lock.lock()
            lines.append((text, error))
            lock.unlock()
        }

        /// Everything printed to standard output.
        var output: String { joined(error: false) }
        /// Everything printed to standard error.
        var errors: String { joined(error: true) }

        private func joined(error: Bool) -> String {
            lock.lock()
            defer { lock.unlock() }
            return lines.filter { $0.error == error }.map { $0.text + "\n" }.joined()
        }
    }
}
