// The `--flag value` loop both command lines share (the AWS driver's `Options` and
// `provider`'s `ProviderOptions`): each argument goes to the caller's switch with a way to read
// the value that follows it; an argument the switch does not know is an error with the usage.

import Foundation
import InfraAWSBindings

/// Walks a command line of flags, some followed by a value.
///
/// ```swift
/// try OptionScanner.scan(["--output", "Gen"], usage: usage) { flag, next in
///     switch flag {
///     case "--output": output = try next.value()
///     default: return false
///     }
///     return true
/// }
/// ```
enum OptionScanner {
    /// Reads the value after the current flag.
    struct Next {
        fileprivate var read: () throws -> String

        /// The argument after the flag.
        func value() throws -> String { try read() }

        /// The argument after the flag as a comma-separated list, each item trimmed.
        func list() throws -> [String] {
            try read().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Calls `handle` with each flag; `handle` returns `false` for a flag it does not know.
    static func scan(_ arguments: [String], usage: String, _ handle: (String, Next) throws -> Bool) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let next = Next {
                guard let value = iterator.next() else { throw SchemaError("\(argument) needs a value") }
                return value
            }
            guard try handle(argument, next) else { throw SchemaError("unknown argument \(argument)\n\(usage)") }
        }
    }
}
