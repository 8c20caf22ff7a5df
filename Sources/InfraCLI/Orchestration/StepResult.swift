// How one step ended, as the summary table and `<output>/.infra-logs/<command>.json` show it.

/// The outcome of a step.
struct StepResult: Sendable, Codable, Equatable {
    /// The kinds of outcome.
    enum Outcome: String, Sendable, Codable {
        /// Plan (or apply's plan) found nothing to do.
        case noChanges = "no changes"
        /// `plan` found changes.
        case changes
        /// Applied (Terraform) or server-side applied (kubectl).
        case applied
        /// Destroyed.
        case destroyed
        /// Failed: the run stops starting new steps.
        case failed
        /// Not started because an earlier step failed.
        case notRun = "not run"
        /// Nothing to run (the message says why).
        case skipped
    }

    /// The step's folder, relative to the output folder.
    var root: String
    /// How it ended.
    var result: Outcome
    /// Resources to add / added (imports counted apart in the log).
    var add: Int?
    /// Resources to change / changed.
    var change: Int?
    /// Resources to destroy / destroyed.
    var destroy: Int?
    /// Wall time in seconds.
    var seconds: Double?
    /// The log, relative to the output folder.
    var log: String?
    /// Why it failed or was skipped.
    var message: String?

    /// Whether later steps may build on it.
    var succeeded: Bool { ![.failed, .notRun].contains(result) }
}
