// A cdk-nag-style rule pack as an aspect: InfraPolicy's rules (ids, severities, hints,
// suppressions with reasons) run over the resolved model of every unit when an aspect run
// finishes, and their findings become synthesis diagnostics. The rules are the one mechanism;
// the aspect only decides when they run (at synthesis, failing it), `check` runs the same rules.

import InfraCore

/// Runs policy rules over the whole infrastructure at the end of every synthesis: high and
/// critical findings are errors (nothing is written), medium and low warnings, suppressed
/// findings notes — the same mapping as `infra-manifest check`.
///
/// ```swift
/// let infra = Infrastructure { dev; prod }
///     .aspect(PolicyRulePack("oves", rules: PolicyRule.builtIn, suppressions: [
///         PolicySuppression(rule: "INFRA-S3-004", resource: "aws_s3_bucket.logs", reason: "the log bucket itself"),
///     ]))
/// ```
public struct PolicyRulePack: Aspect {
    /// The pack's name, used as the aspect's name in diagnostics.
    public var name: String
    /// The engine: rules, their configuration and the suppressions.
    public var engine: PolicyEngine

    /// Creates a pack from rules (your own ``PolicyRule``s, the built-in ones, or both) and the
    /// accepted findings.
    public init(
        _ name: String, rules: [PolicyRule] = PolicyRule.builtIn,
        configuration: PolicyConfiguration = PolicyConfiguration(), suppressions: [PolicySuppression] = []
    ) {
        self.name = name
        self.engine = PolicyEngine(rules: rules, configuration: configuration, suppressions: suppressions)
    }

    /// The pack's name.
    public var aspectName: String { name }

    /// Rules read the resolved model, so there is nothing to do per declaration.
    public mutating func visit(_ visit: inout AspectVisit) {}

    /// Evaluates the rules over the model of every unit and reports the findings at the component
    /// paths of their resources.
    public mutating func finish(_ report: inout AspectReport) {
        let findings = engine.evaluate(report.model)
        report.diagnostics.append(contentsOf: findings.diagnostics(inventory: report.model.inventory))
    }
}
