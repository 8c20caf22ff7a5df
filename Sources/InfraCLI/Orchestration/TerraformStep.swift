// One Terraform root under the real terraform: `init -input=false` when the root has no working
// directory yet or its backend, providers or module calls changed since the last init, then
// `plan -detailed-exitcode -out=…`, `apply` of exactly that saved plan, or `destroy`. The counts in
// the summary come from terraform's own summary lines.

import Foundation

/// Runs a Terraform root.
enum TerraformStep {
    /// Runs `context.command` in `directory` (relative to the output folder), logging to `log`.
    static func run(_ directory: String, context: RunContext, log: RunLog) async throws -> StepResult {
        let root = context.output.appendingPathComponent(directory)
        let fingerprintURL = context.logURL(directory, "init.fingerprint")
        let recorded = try? String(contentsOf: fingerprintURL, encoding: .utf8)
        if recorded == nil || recorded != InitFingerprint.make(root: root, environment: context.environment) {
            let status = try await terraform(["init", "-input=false", "-no-color"], in: root, context, log)
            guard status == 0 else { return failure(directory, "terraform init failed", context, log) }
            try InitFingerprint.make(root: root, environment: context.environment).write(
                to: fingerprintURL, atomically: true, encoding: .utf8)
        }
        switch context.command {
        case .plan, .apply:
            let planFile = context.logURL(directory, "\(context.command.rawValue).tfplan").path
            let planned = try await terraform(
                ["plan", "-input=false", "-no-color", "-detailed-exitcode", "-out=\(planFile)"], in: root, context, log)
            switch planned {
            case 0:
                return result(directory, .noChanges, counts: (0, 0, 0), context, log)
            case 2 where context.command == .plan:
                return result(directory, .changes, counts: TerraformSummary.plan(log.text()), context, log)
            case 2:
                let applied = try await terraform(
                    ["apply", "-input=false", "-no-color", planFile], in: root, context, log)
                guard applied == 0 else { return failure(directory, "terraform apply failed", context, log) }
                return result(directory, .applied, counts: TerraformSummary.apply(log.text()), context, log)
            default:
                return failure(directory, "terraform plan failed", context, log)
            }
        case .destroy:
            let status = try await terraform(
                ["destroy", "-input=false", "-no-color", "-auto-approve"], in: root, context, log)
            guard status == 0 else { return failure(directory, "terraform destroy failed", context, log) }
            return result(directory, .destroyed, counts: TerraformSummary.destroy(log.text()), context, log)
        }
    }

    private static func terraform(
        _ arguments: [String], in root: URL, _ context: RunContext, _ log: RunLog
    ) async throws -> Int32 {
        try await LoggedProcess.run(context.terraform, arguments, in: root, environment: context.environment, log: log)
    }

    private static func result(
        _ directory: String, _ outcome: StepResult.Outcome, counts: (Int, Int, Int)?, _ context: RunContext,
        _ log: RunLog
    ) -> StepResult {
        StepResult(
            root: directory, result: outcome, add: counts?.0, change: counts?.1, destroy: counts?.2,
            log: context.display(log.path))
    }

    private static func failure(
        _ directory: String, _ message: String, _ context: RunContext, _ log: RunLog
    )
        -> StepResult
    {
        StepResult(root: directory, result: .failed, log: context.display(log.path), message: message)
    }
}

/// Reads terraform's summary lines (`Plan: 1 to add, 0 to change, 0 to destroy.`,
/// `Apply complete! Resources: 1 added, 0 changed, 0 destroyed.`, `Destroy complete! Resources: 2 destroyed.`).
enum TerraformSummary {
    /// Add/change/destroy of the last `Plan:` line.
    static func plan(_ log: String) -> (Int, Int, Int)? {
        guard let line = lastLine(log, prefix: "Plan: ") else { return nil }
        return (count(line, "to add"), count(line, "to change"), count(line, "to destroy"))
    }

    /// Added/changed/destroyed of the last `Apply complete!` line.
    static func apply(_ log: String) -> (Int, Int, Int)? {
        guard let line = lastLine(log, prefix: "Apply complete!") else { return nil }
        return (count(line, "added"), count(line, "changed"), count(line, "destroyed"))
    }

    /// Destroyed of the last `Destroy complete!` line (0 added, 0 changed).
    static func destroy(_ log: String) -> (Int, Int, Int)? {
        guard let line = lastLine(log, prefix: "Destroy complete!") else { return nil }
        return (0, 0, count(line, "destroyed"))
    }

    private static func lastLine(_ log: String, prefix: String) -> Substring? {
        log.split(separator: "\n").last { $0.hasPrefix(prefix) }
    }

    /// The number right before `label` (`3 to add` → 3), or 0.
    private static func count(_ line: Substring, _ label: String) -> Int {
        guard let range = line.range(of: " " + label) else { return 0 }
        let digits = line[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed())) ?? 0
    }
}
