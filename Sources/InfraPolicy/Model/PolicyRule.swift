// A policy rule: its identity and documentation (id, severity, fix hint, checkov mapping)
// plus the check that finds violations in the resolved documents.

import InfraCore

/// One built-in (or user-defined) policy rule.
///
/// ```swift
/// let rule = PolicyRule.builtIn.first { $0.id == "INFRA-S3-002" }
/// rule?.checkovIDs   // ["CKV_AWS_21"]
/// ```
public struct PolicyRule: Sendable, Identifiable {
    /// The stable id, `INFRA-<FAMILY>-<NNN>`.
    public var id: String
    /// What the rule requires, in a few words ("S3 bucket versioning is enabled").
    public var title: String
    /// How serious a violation is.
    public var severity: PolicySeverity
    /// How to fix a violation.
    public var hint: String
    /// The checkov checks that cover the same requirement, if any.
    public var checkovIDs: [String]
    /// The document language the rule reads.
    public var format: PolicyDocument.Format
    /// Finds violations: one per offending resource, each with its own message.
    public var check: @Sendable (PolicyContext) -> [PolicyViolation]

    /// Creates a rule.
    public init(
        id: String, title: String, severity: PolicySeverity, hint: String, checkovIDs: [String] = [],
        format: PolicyDocument.Format, check: @escaping @Sendable (PolicyContext) -> [PolicyViolation]
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.hint = hint
        self.checkovIDs = checkovIDs
        self.format = format
        self.check = check
    }
}

/// What a rule's check reports about one resource.
///
/// ```swift
/// PolicyViolation(resource: "aws_kms_key.state", file: "main.tf.json", message: "key rotation is not enabled")
/// ```
public struct PolicyViolation: Sendable, Hashable {
    /// The resource address.
    public var resource: String
    /// The file the resource is in.
    public var file: String
    /// What is wrong.
    public var message: String
    /// Where the resource was defined, when the rule read it from a resolved model.
    public var path: ComponentPath?

    /// Creates a violation.
    public init(resource: String, file: String, message: String, path: ComponentPath? = nil) {
        self.resource = resource
        self.file = file
        self.message = message
        self.path = path
    }
}
