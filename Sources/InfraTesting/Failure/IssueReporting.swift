// Bridges structured failures to Swift Testing: an assertion that fails records an Issue at
// the caller's source location and hands the failure back for code that wants to inspect it.

import Testing

enum IssueReporting {
    /// Runs `check`; on failure records an Issue at `sourceLocation` and returns the failure.
    @discardableResult
    static func record(
        _ sourceLocation: SourceLocation, _ check: () throws(AssertionFailure) -> Void
    ) -> AssertionFailure? {
        do {
            try check()
            return nil
        } catch {
            Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
            return error
        }
    }
}
