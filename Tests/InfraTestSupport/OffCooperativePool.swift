// A suite trait that runs each test of the suite on a Dispatch thread instead of Swift's
// cooperative pool. That pool has one thread per core (two here), and Swift Testing starts
// synchronous tests on it: two tests blocked in `swiftc` or `terraform` stopped every other test
// of the run, the OVES applies and the convert round trip (the run's long poles) included, until
// one of them finished (in CI, ~40 suites all finished at the same second, 75 s into the run).

import Dispatch
import Testing

/// A task executor that runs each job on the global Dispatch queue, whose threads may block: Dispatch
/// adds threads while others wait, where the cooperative pool keeps to one per core.
final class BlockingWorkExecutor: TaskExecutor {
    static let shared = BlockingWorkExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }
}

/// Runs every test of a suite off Swift's cooperative pool; see ``Trait/offCooperativePool``.
public struct OffCooperativePoolTrait: SuiteTrait, TestTrait, TestScoping {
    /// The trait applies to every test of the suite, nested suites included.
    public var isRecursive: Bool { true }

    /// Runs the test with the blocking executor as the task's preferred executor: the same task
    /// (so `#expect` still reports to the test), on a thread it may block.
    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(BlockingWorkExecutor.shared) { try await function() }
    }
}

extension OffCooperativePoolTrait {
    /// Whether the current task prefers the trait's executor (it runs inside the trait's scope).
    public static var isInEffect: Bool {
        withUnsafeCurrentTask { task in
            task?.unownedTaskExecutor == BlockingWorkExecutor.shared.asUnownedTaskExecutor()
        }
    }
}

extension Trait where Self == OffCooperativePoolTrait {
    /// For suites whose tests block on programs (`terraform`, `swiftc`, `swift build`, python
    /// tools): they run on Dispatch threads, so they never hold one of the cooperative pool's
    /// two threads while they wait.
    ///
    /// ```swift
    /// @Suite("terraform validate", .offCooperativePool)
    /// struct ValidateTests { @Test func validates() throws { _ = try ExternalTools.run(…) } }
    /// ```
    public static var offCooperativePool: Self { Self() }
}
