// Runs independent pieces of synthesis on all cores. Units of an infrastructure, and the
// validation and rendering of one Terraform configuration, do not depend on each other;
// results come back in input order, so output never depends on scheduling.

import Dispatch
import Foundation

/// Runs independent work concurrently and returns the results in order.
///
/// ```swift
/// let results = Parallel.map(units) { $0.synthesize() }   // same order as `units`
/// ```
public enum Parallel {
    /// `body` applied to every element, concurrently; the results are in the elements' order.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ body: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 1 else { return elements.map(body) }
        let slots = Slots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots.set(index, body(elements[index]))
        }
        return slots.values()
    }

    /// Runs `first` and `second` concurrently and returns both results.
    public static func pair<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B)
    {
        let a = Slots<A>(count: 1)
        let b = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
        }
        return (a.values()[0], b.values()[0])
    }
}

/// One result slot per task, written once each under a lock and read after all tasks finished.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// Every slot's value; each task has run to completion when this is called.
    func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage.compactMap { $0 }
    }
}
