// Runs policy rules over a synthesis' resolved model (or hand-written documents) and applies
// suppressions; the same engine serves `infra-manifest check` and unit tests.

import InfraCore

/// Checks synthesized infrastructure against policy rules.
///
/// ```swift
/// let engine = PolicyEngine(suppressions: [
///     PolicySuppression(rule: "INFRA-S3-004", resource: "aws_s3_bucket.logs", reason: "log bucket")
/// ])
/// let report = engine.evaluate(infrastructure.synthesize().model)
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

    /// Runs every rule over the Terraform resources and Kubernetes objects of a resolved model and
    /// returns the sorted report; findings carry the component path of their resource.
    ///
    /// ```swift
    /// let report = PolicyEngine().evaluate(stack.synthesize().model)
    /// ```
    public func evaluate(_ model: ResolvedModel) -> PolicyReport {
        evaluate(PolicyContext(model: model, configuration: configuration))
    }

    /// Runs every rule over `documents` and returns the sorted report.
    ///
    /// ```swift
    /// let report = PolicyEngine().evaluate([.terraform(file: "main.tf.json", json)])
    /// ```
    public func evaluate(_ documents: [PolicyDocument]) -> PolicyReport {
        evaluate(PolicyContext(documents: documents, configuration: configuration))
    }

    /// Runs every rule over a context built once (its configuration, not the engine's, applies).
    public func evaluate(_ context: PolicyContext) -> PolicyReport {
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
                        suppression: suppression, path: violation.path))
            }
        }
        let coverage = [
            PolicyCoverage(
                format: .terraform, rules: rules.filter { $0.format == .terraform }.count,
                documents: context.terraform.resources.count),
            PolicyCoverage(
                format: .kubernetes, rules: rules.filter { $0.format == .kubernetes }.count,
                documents: context.kubernetes.objects.count),
        ]
        return PolicyReport(
            findings: findings,
            invalidSuppressions: suppressions.filter { !$0.isValid },
            unusedSuppressions: valid.filter { !used.contains($0) },
            coverage: coverage
        )
    }
}
