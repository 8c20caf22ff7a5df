// One rule violated by one resource: what the CLI prints and what tests inspect.

import InfraCore

/// A rule violation found on one resource.
///
/// ```swift
/// finding.description
/// // high INFRA-S3-002 aws_s3_bucket.logs (terraform/shared/main.tf.json): versioning is not enabled
/// //   fix: add aws_s3_bucket_versioning with versioning_configuration.status = "Enabled"
/// ```
public struct PolicyFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule's id (`INFRA-S3-002`).
    public var ruleID: String
    /// The rule's severity.
    public var severity: PolicySeverity
    /// The resource address (`aws_s3_bucket.logs`, `Deployment prod/api`, `Namespace prod`).
    public var resource: String
    /// The output file the resource is in.
    public var file: String
    /// What is wrong with this resource.
    public var message: String
    /// How to fix it.
    public var hint: String
    /// The checkov checks that look for the same problem, if any.
    public var checkovIDs: [String]
    /// The suppression that accepts this finding, when one does.
    public var suppression: PolicySuppression?
    /// Where the resource was defined (`prod/Deployment/account`), when known.
    public var path: ComponentPath?

    /// Creates a finding.
    public init(
        ruleID: String, severity: PolicySeverity, resource: String, file: String, message: String, hint: String,
        checkovIDs: [String] = [], suppression: PolicySuppression? = nil, path: ComponentPath? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.resource = resource
        self.file = file
        self.message = message
        self.hint = hint
        self.checkovIDs = checkovIDs
        self.suppression = suppression
        self.path = path
    }

    /// Whether a suppression accepts this finding.
    public var isSuppressed: Bool { suppression != nil }

    /// `severity rule resource (file): message`, the fix hint, and the suppression reason if any.
    public var description: String {
        var text = "\(severity.rawValue) \(ruleID) \(resource) (\(file)): \(message)\n  fix: \(hint)"
        if let suppression { text += "\n  suppressed: \(suppression.reason)" }
        return text
    }

    /// The deterministic report order: severity (most serious first), rule, file, resource, message.
    static func precedes(_ a: PolicyFinding, _ b: PolicyFinding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.ruleID, a.file, a.resource, a.message) < (b.ruleID, b.file, b.resource, b.message)
    }
}
