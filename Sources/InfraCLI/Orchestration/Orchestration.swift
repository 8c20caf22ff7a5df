// `plan`, `apply` and `destroy` end to end: synthesize (with synth's ownership rules), order the
// roots, find and check the tools, confirm (apply/destroy on a terminal), run the steps with live
// progress and per-root logs, then print the summary and exit 0 / 2 (plan found changes) / 1.

import ArgumentParser
import Foundation
import InfraCore
import InfraOutput

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the orchestration commands.
enum Orchestration {
    /// Runs `command` over the definition `D`.
    static func run<D: InfrastructureCommand>(
        _ definition: D.Type, command: RunCommand, options: RunOptions, autoApprove: Bool
    ) async throws {
        let whole = D().body
        let part = try Synthesis.infrastructure(whole, env: options.selection.env)
        let synthesized = try Synthesis.run(part)
        let output = URL(fileURLWithPath: options.output)
        _ = try OutputReport.write(
            synthesized.artifacts, with: OutputWriter(directory: output, force: false),
            scope: OutputReport.scope(part, of: whole, env: options.selection.env), output: options.output)

        let steps = try RunSteps.make(whole: whole, part: part, command: command)
        let base = ProcessInfo.processInfo.environment
        let environment = options.environment(base)
        let terraform = try ToolLocator.find("terraform", explicit: options.terraform, environment: environment)
        _ = try await ToolLocator.checkTerraform(terraform, environment: environment)
        let appliesManifests = steps.contains { if case .kubernetes = $0.work { true } else { false } }
        let kubectl =
            appliesManifests
            ? try ToolLocator.find("kubectl", explicit: options.kubectl, environment: environment) : nil
        let context = RunContext(
            command: command, terraform: terraform, kubectl: kubectl,
            tokenCommand: options.tokenCommand ?? Bundle.main.executablePath ?? CommandLine.arguments[0],
            environment: environment, profile: options.profile,
            region: options.region ?? base["AWS_REGION"] ?? base["AWS_DEFAULT_REGION"], output: output,
            outputName: options.output)

        if command != .plan && !autoApprove { try confirm(command, steps: steps, output: options.output) }

        let board = ProgressBoard(names: steps.map(\.directory))
        var results = await StepScheduler.run(steps, parallel: options.parallel) { index in
            await run(steps[index], index: index, context: context, board: board)
        }
        for (index, result) in results.enumerated() where result.result == .notRun {
            // A step with nothing to run is skipped whether or not the run stopped before it.
            if case .skip(let reason) = steps[index].work {
                results[index] = StepResult(root: result.root, result: .skipped, message: reason)
                board.update(index, "skipped: \(reason)")
            } else {
                board.update(index, "not run")
            }
        }
        Console.out(RunSummary.table(results))
        let summary = output.appendingPathComponent(RunContext.logFolder).appendingPathComponent(
            "\(command.rawValue).json")
        do {
            try FileManager.default.createDirectory(
                at: summary.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            try RunSummary.record(results, to: summary)
        } catch {
            Console.error("warning: could not write \(context.display(summary)): \(error)")
        }
        let code = RunSummary.exitCode(results, command: command)
        if code != .success { throw code }
    }

    /// Runs one step with its log, progress and time.
    private static func run(
        _ step: RunStep, index: Int, context: RunContext, board: ProgressBoard
    ) async
        -> StepResult
    {
        if case .skip(let reason) = step.work {
            board.update(index, "skipped: \(reason)")
            return StepResult(root: step.directory, result: .skipped, message: reason)
        }
        let started = Date()
        let logURL = context.logURL(step.directory, "\(context.command.rawValue).log")
        var result: StepResult
        do {
            let log = try RunLog(path: logURL)
            defer { log.close() }
            log.line("started \(context.command.rawValue) of \(step.directory)")
            switch step.work {
            case .terraform:
                board.update(index, "\(context.command.rawValue) running…")
                result = try await TerraformStep.run(step.directory, context: context, log: log)
            case .kubernetes(let cluster, let clusterDirectory):
                board.update(index, "kubectl apply --server-side running…")
                result = try await KubectlStep.run(
                    step.directory, cluster: cluster, clusterDirectory: clusterDirectory, context: context, log: log)
            case .skip:
                result = StepResult(root: step.directory, result: .skipped)
            }
            log.line("finished: \(result.result.rawValue)")
        } catch {
            result = StepResult(
                root: step.directory, result: .failed, log: context.display(logURL), message: "\(error)")
        }
        result.seconds = Date().timeIntervalSince(started)
        var state = result.result.rawValue
        if let add = result.add, let change = result.change, let destroy = result.destroy {
            state += " (+\(add) ~\(change) -\(destroy))"
        }
        if let message = result.message { state += ": \(message)" }
        board.update(index, state + String(format: " in %.1fs", result.seconds ?? 0))
        return result
    }

    /// Asks for `yes` on a terminal; without one, `--auto-approve` is required.
    private static func confirm(_ command: RunCommand, steps: [RunStep], output: String) throws {
        let names = steps.filter { if case .skip = $0.work { false } else { true } }.map(\.directory)
        guard isatty(STDIN_FILENO) == 1, Console.transcript == nil else {
            Console.error(
                "error: \(command.rawValue) changes real infrastructure and standard input is not a terminal; "
                    + "pass --auto-approve")
            throw ExitCode.failure
        }
        let verb = command == .apply ? "Plan and apply" : "Destroy everything in"
        Console.error("\(verb) \(names.count) roots in \(output)/ in this order:")
        for name in names { Console.error("  \(name)") }
        FileHandle.standardError.write(Data("Each root's plan is in its log. Only 'yes' will be accepted: ".utf8))
        guard readLine() == "yes" else {
            Console.error("\(command.rawValue) cancelled; nothing was run.")
            throw ExitCode.failure
        }
    }
}
