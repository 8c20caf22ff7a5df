// Runs steps in dependency order with at most `parallel` at once: a step starts when every step it
// needs has succeeded, lower indices first. After the first failure nothing new starts; running
// steps finish and the rest are reported as not run.

/// The scheduler.
enum StepScheduler {
    /// Runs `steps` through `work`; returns one result per step, in step order.
    static func run(
        _ steps: [RunStep], parallel: Int, work: @escaping @Sendable (Int) async -> StepResult
    ) async -> [StepResult] {
        var results: [StepResult?] = Array(repeating: nil, count: steps.count)
        var started = Set<Int>()
        var failed = false
        await withTaskGroup(of: (Int, StepResult).self) { group in
            var running = 0
            while true {
                if !failed {
                    for index in steps.indices where running < parallel && !started.contains(index) {
                        let ready = steps[index].needs.allSatisfy { results[$0]?.succeeded == true }
                        guard ready else { continue }
                        started.insert(index)
                        running += 1
                        group.addTask { (index, await work(index)) }
                    }
                }
                guard running > 0, let (index, result) = await group.next() else { break }
                running -= 1
                results[index] = result
                if !result.succeeded { failed = true }
            }
        }
        return steps.indices.map { index in
            results[index]
                ?? StepResult(
                    root: steps[index].directory, result: .notRun,
                    message: failed ? "stopped after a failure" : "a step it needs did not succeed")
        }
    }
}
