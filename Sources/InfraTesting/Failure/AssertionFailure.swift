// The structured outcome of a failed assertion. Tests of the test helpers read its fields;
// users see its description, which names the closest candidate and where it differs.

/// Why an InfraTesting assertion failed.
///
/// ```swift
/// do { try template.verifyResourceProperties("aws_s3_bucket", ["tags": ["env": "prod"]]) }
/// catch { print(error) }
/// // no aws_s3_bucket matches {"tags": {"env": "prod"}} among 2 candidate(s); closest is aws_s3_bucket.logs
/// //   aws_s3_bucket.logs: at tags.env expected "prod", found "dev"
/// ```
public struct AssertionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The first line: what was expected and not found.
    public var summary: String
    /// The address of the candidate that came closest (`aws_s3_bucket.logs`, `Deployment prod/api`).
    public var closestCandidate: String?
    /// Where the closest candidate differs from the pattern.
    public var mismatches: [Mismatch]
    /// Further lines (a snapshot diff, a list of what exists).
    public var details: [String]

    /// Creates a failure.
    public init(summary: String, closestCandidate: String? = nil, mismatches: [Mismatch] = [], details: [String] = []) {
        self.summary = summary
        self.closestCandidate = closestCandidate
        self.mismatches = mismatches
        self.details = details
    }

    /// Each mismatch as `candidate: at path expected …, found …`.
    public var mismatchLines: [String] {
        mismatches.map { mismatch in
            closestCandidate.map { "\($0): \(mismatch)" } ?? mismatch.description
        }
    }

    /// The summary, then one indented line per mismatch and detail.
    public var description: String {
        ([summary] + (mismatchLines + details).map { "  " + $0 }).joined(separator: "\n")
    }
}
