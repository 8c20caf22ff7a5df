// How `synth` and `diff` talk about an output folder: which part of it an `--env` run answers
// for, and how conflicts, kept files and clean-up problems are printed (paths as the user typed
// the output folder, one line each, then what to do).

import ArgumentParser
import Foundation
import InfraCore
import InfraOutput

enum OutputReport {
    /// The part of the output folder a run over `part` answers for: everything for `--env all`,
    /// else the selected units' folders minus the other units' deeper folders.
    static func scope(_ part: Infrastructure, of whole: Infrastructure, env: String) -> OutputScope {
        env == "all" ? .everything : OutputScope(selecting: part, of: whole)
    }

    /// `output/path`, or `output` for the folder itself.
    static func display(_ path: String, in output: String) -> String {
        path.isEmpty ? output : "\(output)/\(path)"
    }

    /// Writes with `writer`; prints what was forced, kept or left over. On failure prints every
    /// problem and exits 1 (the folder is unchanged).
    static func write(
        _ artifacts: [Artifact], with writer: OutputWriter, scope: OutputScope, output: String
    ) throws
        -> OutputPlan
    {
        let plan: OutputPlan
        do {
            plan = try writer.write(artifacts, scope: scope)
        } catch let error as OutputError {
            report(error, output: output)
            throw ExitCode.failure
        } catch {
            Console.error("error: could not write \(output): \(error); nothing was written.")
            throw ExitCode.failure
        }
        for conflict in plan.conflicts {
            let outcome =
                switch conflict.reason {
                case .noRecord: "written into it (--force); nothing in it was deleted"
                case .unreadableRecord: "record replaced (--force); the files it listed were kept"
                default: "overwritten (--force)"
                }
            Console.error("warning: \(display(conflict.path, in: output)): \(conflict.message); \(outcome)")
        }
        for entry in plan.entries(.keep) {
            Console.error(
                "warning: \(display(entry.path, in: output)): no longer generated, but changed since synth wrote it; "
                    + "left in place and no longer in synth's record")
        }
        for problem in plan.cleanupProblems { Console.error("warning: \(problem)") }
        return plan
    }

    /// Prints an ``OutputError`` as one `error:` line per problem and a closing line.
    static func report(_ error: OutputError, output: String) {
        switch error {
        case .conflicts(let conflicts):
            for conflict in conflicts {
                Console.error(
                    "error: \(display(conflict.path, in: output)): \(conflict.message) (hint: \(conflict.hint))")
            }
            let count = conflicts.count
            Console.error("\(count) path\(count == 1 ? "" : "s") in the way; nothing was written.")
        case .invalidArtifacts(let problems):
            for problem in problems { Console.error("error: invalid artifact \(problem)") }
            Console.error("nothing was written.")
        case .unreadableRecord, .busy, .system:
            Console.error("error: \(output): \(error); nothing was written.")
        case .rollbackIncomplete:
            Console.error("error: \(output): \(error)")
        }
    }
}
