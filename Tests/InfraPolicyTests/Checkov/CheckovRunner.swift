// Runs checkov from the shared tools' venv with JSON output and reduces it to
// (check id, resource) → passed/failed. Missing checkov: fail under CI=true, else skip.

import Foundation
import InfraPolicy
import Testing

enum CheckovVerdict: String, Sendable {
    case passed
    case failed
}

enum CheckovRunner {
    /// `${INFRA_TOOLS_CACHE:-${XDG_CACHE_HOME:-~/.cache}/infra-tools}/checkov/bin/checkov`, as policy-scan uses.
    static var executable: String {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["INFRA_TOOLS_CACHE"]
            ?? ((environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/infra-tools")
        return cache + "/checkov/bin/checkov"
    }

    /// Whether the checkov venv is installed.
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// Whether the comparison runs: checkov is installed, or `CI=true` (where its absence fails).
    static var shouldRun: Bool { isInstalled || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// checkov's verdicts keyed by `"<check id> <resource>"`, or `nil` when checkov is not installed
    /// outside CI (an issue is recorded under `CI=true`).
    static func results(scanning folder: URL) throws -> [String: CheckovVerdict]? {
        guard isInstalled else {
            let reason = "checkov is not installed at \(executable); run ../shared/tools/setup"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: reason)) }
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "-d", folder.path, "-o", "json", "--compact", "--skip-download",
            "--framework", "terraform", "terraform_json", "kubernetes",
            // Only the checks our rules map to: about half the CPU time of a full scan.
            "--check", Set(PolicyRule.builtIn.flatMap(\.checkovIDs)).sorted().joined(separator: ","),
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["BC_SKIP_MAPPING"] = "TRUE"
        environment["CHECKOV_RUN_SCA_PACKAGE_SCAN_V2"] = "false"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data)
        let reports = (json as? [[String: Any]]) ?? [(json as? [String: Any]) ?? [:]]
        var verdicts: [String: CheckovVerdict] = [:]
        for report in reports {
            let results = report["results"] as? [String: Any] ?? [:]
            for (key, verdict) in [("passed_checks", CheckovVerdict.passed), ("failed_checks", .failed)] {
                for check in results[key] as? [[String: Any]] ?? [] {
                    guard let id = check["check_id"] as? String, let resource = check["resource"] as? String else {
                        continue
                    }
                    verdicts["\(id) \(resource)"] = verdict
                }
            }
        }
        return verdicts
    }
}
