// Long external work started when the test run is planned, before any test runs. Swift Testing
// runs tests in parallel in no fixed order on a cooperative pool of one thread per core, so the
// run's longest tests (the OVES applies: minutes of terraform against moto) started anywhere
// from the first second to 70 s in, and the run ended up to a minute after the rest of its work.
// A test with the `.headStart` trait starts its work in `prepare(for:)`, which Swift Testing calls
// for every selected test before the first one begins; the test itself then awaits the result.

import Dispatch
import Foundation
import Testing

/// Work that runs once on a Dispatch thread, started early, awaited later.
///
/// ```swift
/// static let apply = HeadStartWork { try ExternalTools.run(python, ["apply", root]) }
/// @Test(.headStart { apply.start() }) func applies() async throws { let output = try await apply.value.get() }
/// ```
public final class HeadStartWork<Value: Sendable>: @unchecked Sendable {
    private enum Work {
        case blocking(@Sendable () throws -> Value)
        case async(@Sendable () async throws -> Value)
    }

    private let work: Work
    private let lock = NSLock()
    private var started = false
    private var result: Result<Value, any Error>?
    private var waiting: [CheckedContinuation<Result<Value, any Error>, Never>] = []

    /// Holds `work`, which may block its thread (programs it waits for), without starting it.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        self.work = .blocking(work)
    }

    /// Holds asynchronous work without starting it. It runs as a task that prefers
    /// ``DispatchTaskExecutor``: its continuations run on Dispatch threads, not behind the tests
    /// queued on the cooperative pool (in a full run, a test that awaits a process resumes only
    /// after every test queued before it, up to minutes later).
    public init(async work: @escaping @Sendable () async throws -> Value) {
        self.work = .async(work)
    }

    /// Starts the work on a Dispatch thread unless it has started already.
    public func start() {
        lock.lock()
        let first = !started
        started = true
        lock.unlock()
        guard first else { return }
        switch work {
        case .blocking(let work):
            DispatchQueue.global().async { self.finish(Result { try work() }) }
        case .async(let work):
            Task(executorPreference: DispatchTaskExecutor.shared) {
                do {
                    self.finish(.success(try await work()))
                } catch {
                    self.finish(.failure(error))
                }
            }
        }
    }

    private func finish(_ outcome: Result<Value, any Error>) {
        lock.lock()
        result = outcome
        let continuations = waiting
        waiting = []
        lock.unlock()
        for continuation in continuations { continuation.resume(returning: outcome) }
    }

    /// The work's result, starting it if nothing has, without holding a thread while it runs.
    public var value: Result<Value, any Error> {
        get async {
            start()
            return await withCheckedContinuation { continuation in
                lock.lock()
                if let result {
                    lock.unlock()
                    continuation.resume(returning: result)
                } else {
                    waiting.append(continuation)
                    lock.unlock()
                }
            }
        }
    }
}

/// Calls `start` when Swift Testing prepares the test, before any test of the run begins.
public struct HeadStartTrait: TestTrait {
    let start: @Sendable () -> Void

    /// Starts the work.
    public func prepare(for test: Test) async throws { start() }
}

extension Trait where Self == HeadStartTrait {
    /// Starts a test's long work (``HeadStartWork/start()``) as the run is planned, so it overlaps
    /// the rest of the run instead of starting wherever the test falls in the run's order.
    public static func headStart(_ start: @escaping @Sendable () -> Void) -> Self {
        HeadStartTrait(start: start)
    }
}
