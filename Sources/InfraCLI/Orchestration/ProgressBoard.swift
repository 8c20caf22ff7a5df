// The live progress of a run on standard error: on a terminal, one line per root redrawn in place;
// otherwise (CI, a pipe, a test transcript) one line per state change, so a log shows the history.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One progress line per step.
final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private let names: [String]
    private var states: [String]
    private let live: Bool
    private var drawn = false
    private let width: Int

    /// A board for `names`, all waiting; redrawn in place when standard error is a terminal.
    init(names: [String]) {
        self.names = names
        self.states = Array(repeating: "waiting", count: names.count)
        self.live = Console.transcript == nil && isatty(STDERR_FILENO) == 1
        self.width = names.map(\.count).max() ?? 0
    }

    /// Sets step `index`'s state.
    func update(_ index: Int, _ state: String) {
        lock.withLock {
            states[index] = state
            if live {
                redraw()
            } else {
                Console.error("\(names[index]): \(state)")
            }
        }
    }

    private func redraw() {
        var text = drawn ? "\u{1B}[\(names.count)A" : ""
        for (name, state) in zip(names, states) {
            text += "\u{1B}[2K\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(state)\n"
        }
        drawn = true
        FileHandle.standardError.write(Data(text.utf8))
    }
}
