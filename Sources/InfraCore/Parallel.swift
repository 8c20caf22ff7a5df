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

    /// `body` applied to every index in `0..<count`, concurrently in contiguous chunks of at least
    /// `minimumChunk` indices; the results are in index order.
    ///
    /// For many small pieces of work (one per object of a large manifest), where one task per
    /// element would cost more than the work.
    /// ```swift
    /// let lengths = Parallel.map(count: names.count) { names[$0].utf8.count }
    /// ```
    public static func map<Result: Sendable>(
        count: Int, minimumChunk: Int = 64, _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        // Plain loops: `Range.map` is not specialized across the module boundary and cost more
        // per element than a small body.
        @Sendable func run(_ range: Range<Int>) -> [Result] {
            var results: [Result] = []
            results.reserveCapacity(range.count)
            var index = range.lowerBound
            while index < range.upperBound {
                results.append(body(index))
                index += 1
            }
            return results
        }
        let chunks = chunkRanges(count: count, minimumChunk: minimumChunk)
        if chunks.count <= 1 { return run(0..<count) }
        let parts = map(chunks) { range in run(range) }
        var results: [Result] = []
        results.reserveCapacity(count)
        for part in parts { results.append(contentsOf: part) }
        return results
    }

    /// `0..<count` split into contiguous ranges of at least `minimumChunk` indices, a few per core
    /// so that uneven work still keeps every core busy.
    public static func chunkRanges(count: Int, minimumChunk: Int = 64) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkCount = max(1, min(cores * 4, count / max(1, minimumChunk)))
        let size = (count + chunkCount - 1) / chunkCount
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
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
