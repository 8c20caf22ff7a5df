// Finding the real tools `plan`/`apply`/`destroy` drive: `terraform` (version checked: the
// synthesized roots may hold import blocks, Terraform 1.5+, and removed blocks, 1.7+, so 1.7 is
// required) and `kubectl` (only when a manifest is applied). A missing or old tool is a run-time
// failure (exit 1, nothing run), not a usage error.

import ArgumentParser
import Foundation

/// Locates executables and checks terraform's version.
enum ToolLocator {
    /// The oldest terraform the synthesized output is written for (removed blocks are 1.7+).
    static let minimumTerraform = [1, 7, 0]

    /// `explicit` when given (must be executable), else the first `name` on `PATH`.
    static func find(_ name: String, explicit: String?, environment: [String: String]) throws -> String {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw failure("\(explicit) is not an executable file (given with --\(name))")
            }
            return explicit
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw failure("\(name) was not found on PATH; install it or pass --\(name) PATH")
    }

    /// The version `terraform version -json` reports, checked against ``minimumTerraform``.
    static func checkTerraform(_ path: String, environment: [String: String]) async throws -> String {
        let result = try await LoggedProcess.capture(
            path, ["version", "-json"], in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            environment: environment)
        guard result.status == 0,
            let object = try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
            let version = object["terraform_version"] as? String
        else {
            throw failure("\(path) version -json failed; is it terraform?")
        }
        guard isAtLeast(version, minimumTerraform) else {
            let minimum = minimumTerraform.map(String.init).joined(separator: ".")
            throw failure("terraform \(version) is too old: the synthesized roots need \(minimum) or newer")
        }
        return version
    }

    /// Prints `error: message` and returns exit code 1 to throw (a run-time failure, not a usage error).
    static func failure(_ message: String) -> ExitCode {
        Console.error("error: \(message); nothing was run.")
        return .failure
    }

    /// Whether `version` (`1.11.4`, `1.8.0-beta1`) is at least `minimum`.
    static func isAtLeast(_ version: String, _ minimum: [Int]) -> Bool {
        let core = version.split(separator: "-").first ?? ""
        let numbers = core.split(separator: ".").map { Int($0) ?? 0 }
        for (index, wanted) in minimum.enumerated() {
            let have = index < numbers.count ? numbers[index] : 0
            if have != wanted { return have > wanted }
        }
        return true
    }
}
