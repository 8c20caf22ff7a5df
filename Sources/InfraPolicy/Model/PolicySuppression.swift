// Suppressions live in code, next to the definition they excuse, and always carry a reason;
// the report still lists suppressed findings so nothing disappears silently.

/// Accepts one rule's finding on one resource, with the reason it is acceptable.
///
/// ```swift
/// PolicySuppression(rule: "INFRA-S3-004", resource: "aws_s3_bucket.logs",
///                   reason: "The access-log bucket cannot log to itself.")
/// ```
public struct PolicySuppression: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule id (`INFRA-S3-004`).
    public var rule: String
    /// The resource address (`aws_s3_bucket.logs`, `Deployment prod/api`, `Namespace prod`),
    /// or `*` for every resource.
    public var resource: String
    /// Why the finding is accepted; a suppression without a reason is ignored and reported.
    public var reason: String

    /// Creates a suppression.
    public init(rule: String, resource: String, reason: String) {
        self.rule = rule
        self.resource = resource
        self.reason = reason
    }

    /// Whether this suppression has a usable reason.
    public var isValid: Bool { reason.contains { !$0.isWhitespace } }

    /// Whether this suppression covers `rule` on `resource`.
    public func covers(rule: String, resource: String) -> Bool {
        isValid && self.rule == rule && (self.resource == "*" || self.resource == resource)
    }

    /// `INFRA-S3-004 on aws_s3_bucket.logs: reason`.
    public var description: String { "\(rule) on \(resource): \(reason)" }
}
