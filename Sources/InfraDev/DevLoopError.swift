// Why `infra-dev` cannot go on: each case names what to fix.

/// A failure of the edit-and-run loop that the user must act on.
public enum DevLoopError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `.build/debug.yaml` is not an llbuild manifest `infra-dev` can read.
    case unreadableManifest(String)
    /// The manifest links no executable (or more than one) named like the product.
    case noSuchExecutable(String, candidates: Int)
    /// `swift build` failed (its output was shown); the loop waits for the next change.
    case swiftBuildFailed(status: Int32)
    /// A program could not be started.
    case cannotRun(String)

    /// A sentence for the terminal.
    public var description: String {
        switch self {
        case .unreadableManifest(let detail): "cannot read SwiftPM's build plan (debug.yaml): \(detail)"
        case .noSuchExecutable(let product, let candidates):
            candidates == 0
                ? "the build plan links no executable named '\(product)' (is it an executable product of the package?)"
                : "the build plan links \(candidates) executables named '\(product)'"
        case .swiftBuildFailed(let status): "swift build failed (exit status \(status))"
        case .cannotRun(let detail): "cannot run \(detail)"
        }
    }
}
