// Runs policy rules over synthesized documents and applies suppressions; the same engine
// serves `infra-manifest check` and unit tests.

/// Checks synthesized documents against policy rules.
///
/// ```swift
/// let engine = PolicyEngine(suppressions: [
///     PolicySuppression(rule: "INFRA-S3-004", resource: "aws_s3_bucket.logs", reason: "log bucket")
/// ])
/// let report = engine.evaluate([.terraform(file: "shared/main.tf.json", json)])
/// ```
public struct PolicyEngine: Sendable {
    /// The rules to run (default: ``PolicyRule/builtIn``).
    public var rules: [PolicyRule]
    /// Settings of the rules.
    public var configuration: PolicyConfiguration
    /// Accepted findings, each with a reason.
    public var suppressions: [PolicySuppression]

    /// Creates an engine.
    public init(
        rules: [PolicyRule] = PolicyRule.builtIn, configuration: PolicyConfiguration = PolicyConfiguration(),
        suppressions: [PolicySuppression] = []
    ) {
        self.rules = rules
        self.configuration = configuration
        self.suppressions = suppressions
    }

    /// Runs every rule over `documents` and returns the sorted report.
    public func evaluate(_ documents: [PolicyDocument]) -> PolicyReport {
        let context = PolicyContext(documents: documents, configuration: configuration)
        let valid = suppressions.filter(\.isValid)
        var used = Set<PolicySuppression>()
        var findings: [PolicyFinding] = []
        for rule in rules {
            for violation in Set(rule.check(context)) {
                let suppression = valid.first { $0.covers(rule: rule.id, resource: violation.resource) }
                if let suppression { used.insert(suppression) }
                findings.append(
                    PolicyFinding(
                        ruleID: rule.id, severity: rule.severity, resource: violation.resource, file: violation.file,
                        message: violation.message, hint: rule.hint, checkovIDs: rule.checkovIDs,
                        suppression: suppression))
            }
        }
        return PolicyReport(
            findings: findings,
            invalidSuppressions: suppressions.filter { !$0.isValid },
            unusedSuppressions: valid.filter { !used.contains($0) }
        )
    }
}
