// Why writing an output folder failed. Every case leaves the folder as it was: conflicts and bad
// paths are found before anything changes, and a system call that fails half way is rolled back
// (only `rollbackIncomplete` says that the rollback itself could not finish, and what is left).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why ``OutputWriter`` did not write an output folder.
///
/// ```swift
/// do { try OutputWriter(directory: out).write(result.artifacts) }
/// catch let error as OutputError { print(error) }   // one line per problem
/// ```
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Artifacts the writer cannot place (a path that leaves the folder, two artifacts with one path,
    /// a path outside the write's scope): a mistake of the code that made them. Each entry is
    /// `path: problem`.
    case invalidArtifacts([String])
    /// Something is in the way; nothing was written. ``OutputWriter/force`` overrides the conflicts
    /// whose ``OutputConflict/isForceable`` is true.
    case conflicts([OutputConflict])
    /// The record in the folder cannot be read; ``OutputWriter/force`` replaces it.
    case unreadableRecord(String)
    /// Another writer holds the folder's lock (path relative to the output folder, `""` for itself).
    case busy(String)
    /// A system call failed: what was being done, the path, and `errno`. Nothing was changed.
    case system(String, String, Int32)
    /// A system call failed half way (the first error) and undoing the steps already taken failed
    /// too (each problem, with where the previous version of a file was left).
    case rollbackIncomplete(String, [String])

    /// One line per problem.
    public var description: String {
        switch self {
        case .invalidArtifacts(let problems):
            return problems.map { "invalid artifact \($0)" }.joined(separator: "\n")
        case .conflicts(let conflicts):
            return conflicts.map(\.description).joined(separator: "\n")
        case .unreadableRecord(let reason):
            return "the output folder's record of what synth wrote cannot be read: \(reason)"
        case .busy(let path):
            return "\(path.isEmpty ? "the output folder" : path) is being written by another synth"
        case .system(let action, let path, let code):
            return "could not \(action) \(path.isEmpty ? "." : path): \(String(cString: strerror(code)))"
        case .rollbackIncomplete(let cause, let problems):
            return ([cause, "undoing the steps already taken failed too:"] + problems.map { "  \($0)" })
                .joined(separator: "\n")
        }
    }
}
