// The executor half of `infra-manifest drift`: the lead's generic `drift` command synthesizes the user's
// infrastructure and calls `runDrift(options:model:)`, which compares buckets, VPCs and tags with the account.

import ArgumentParser
import Foundation
import InfraCore
import InfraExecutor

/// Flags of `drift`.
///
/// ```swift
/// @OptionGroup var drift: DriftOptions
/// ```
public struct DriftOptions: ParsableArguments {
    /// Shared AWS flags.
    @OptionGroup public var aws: ExecutorOptions

    /// Exit 2 (instead of 0) when differences are found.
    @Flag(help: "Exit with status 2 when drift is found (for CI).")
    public var detailedExitCode = false

    /// Creates default options.
    public init() {}
}

/// Compares the Terraform blocks of a resolved model with the account and prints each difference.
///
/// Returns 0 (no drift, or drift without `--detailed-exit-code`), 2 (drift with `--detailed-exit-code`);
/// throws `ExitCode.failure` (1) when AWS cannot be queried.
///
/// ```swift
/// let status = try await runDrift(options: drift, model: result.model)
/// ```
public func runDrift(options: DriftOptions, model: ResolvedModel) async throws -> Int32 {
    let found = DriftCount()
    try await ExecutorRuntime.run(options.aws) { session in
        let findings = try await DriftDetector(client: session.client).findings(model: model)
        found.set(findings.count)
        return ExecutorCommands.drift(session, findings: findings)
    }
    return found.value > 0 && options.detailedExitCode ? 2 : 0
}

/// A small thread-safe counter carried out of the runtime closure.
private final class DriftCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func set(_ value: Int) { lock.withLock { count = value } }
}
