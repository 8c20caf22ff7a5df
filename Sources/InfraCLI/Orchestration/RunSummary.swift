// The end of a run: the table (root, result, add/change/destroy, time, log) on standard output,
// the same rows as JSON in `<output>/.infra-logs/<command>.json` for scripts, and the exit code:
// 0 success or no changes, 2 `plan` found changes (like `terraform plan -detailed-exitcode`),
// 1 any failure.

import ArgumentParser
import Foundation

/// Prints and records the results of a run.
enum RunSummary {
    /// The table's text.
    static func table(_ results: [StepResult]) -> String {
        let header = ["ROOT", "RESULT", "ADD", "CHANGE", "DESTROY", "TIME", "LOG"]
        let rows = results.map { result -> [String] in
            [
                result.root, result.result.rawValue + (result.message.map { " (\($0))" } ?? ""),
                result.add.map(String.init) ?? "-", result.change.map(String.init) ?? "-",
                result.destroy.map(String.init) ?? "-",
                result.seconds.map { String(format: "%.1fs", $0) } ?? "-", result.log ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// The exit code of a run of `command` with `results`.
    static func exitCode(_ results: [StepResult], command: RunCommand) -> ExitCode {
        if results.contains(where: { !$0.succeeded }) { return .failure }
        if command == .plan && results.contains(where: { $0.result == .changes }) { return ExitCode(2) }
        return .success
    }

    /// Writes the rows to `url` as JSON (sorted keys, one file per command, replaced by each run).
    static func record(_ results: [StepResult], to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: url, options: .atomic)
    }
}
