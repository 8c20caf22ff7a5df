// A task executor on Dispatch's global queue, for head-started asynchronous work
// (`HeadStartWork(async:)`). Swift Testing queues every test on the cooperative pool (one thread per
// core), and tests that block in programs hold its threads for seconds at a time: a task on that pool
// that awaits a process resumes only once everything queued before it has run.

import Dispatch

/// Runs each job on the global Dispatch queue.
public final class DispatchTaskExecutor: TaskExecutor {
    /// The one instance.
    public static let shared = DispatchTaskExecutor()

    /// Runs `job` on a Dispatch thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }
}
