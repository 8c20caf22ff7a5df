// The result of a policy run: every finding in a stable order, split into active and
// suppressed, the suppressions that were malformed or matched nothing, and how many rules
// ran over how many documents.

import InfraCore

/// All findings of a policy run, sorted deterministically.
///
/// ```swift
/// let report = PolicyEngine().evaluate(result.model)
/// #expect(report.active.isEmpty, "\(report)")
/// ```
public struct PolicyReport: Sendable, Hashable, CustomStringConvertible {
    /// Every finding, suppressed ones included, most serious first.
    public var findings: [PolicyFinding]
    /// Suppressions without a reason; they suppress nothing.
    public var invalidSuppressions: [PolicySuppression]
    /// Valid suppressions that matched no finding (probably stale).
    public var unusedSuppressions: [PolicySuppression]
    /// How many rules ran over how many documents, per language (Terraform, then Kubernetes).
    public var coverage: [PolicyCoverage]

    /// Creates a report, sorting `findings`.
    public init(
        findings: [PolicyFinding], invalidSuppressions: [PolicySuppression] = [],
        unusedSuppressions: [PolicySuppression] = [], coverage: [PolicyCoverage] = []
    ) {
        self.findings = findings.sorted(by: PolicyFinding.precedes)
        self.invalidSuppressions = invalidSuppressions
        self.unusedSuppressions = unusedSuppressions
        self.coverage = coverage
    }

    /// Findings no suppression accepts.
    public var active: [PolicyFinding] { findings.filter { !$0.isSuppressed } }

    /// Findings accepted by a suppression (reported, not failing).
    public var suppressed: [PolicyFinding] { findings.filter(\.isSuppressed) }

    /// Active findings of `rule`, optionally on one `resource`.
    ///
    /// ```swift
    /// report.findings(rule: "INFRA-S3-002", resource: "aws_s3_bucket.logs")
    /// ```
    public func findings(rule: String, resource: String? = nil) -> [PolicyFinding] {
        active.filter { $0.ruleID == rule && (resource == nil || $0.resource == resource) }
    }

    /// Whether some active finding is at least as serious as `severity`.
    public func hasFindings(atLeast severity: PolicySeverity) -> Bool {
        active.contains { $0.severity >= severity }
    }

    /// The report as diagnostics for `infra-manifest check`: critical and high findings are
    /// errors, medium and low warnings, suppressed findings notes, suppressions without a reason
    /// and suppressions that matched nothing warnings. Each diagnostic's path is the component
    /// path of the finding's resource (known for a report on a resolved model), else its file.
    public var diagnostics: [Diagnostic] { diagnostics(inventory: []) }

    /// The report as diagnostics (see ``diagnostics``); findings without a component path (from
    /// hand-written documents) look theirs up in a synthesis inventory, by file and address or,
    /// for Kubernetes, by file, kind and name. `unusedSuppressions` is the severity of a
    /// suppression that matched nothing: a warning, or a note when only part of the
    /// infrastructure was checked (the suppression may be for the rest).
    ///
    /// ```swift
    /// diagnostics.append(contentsOf: report.diagnostics(unusedSuppressions: env == "all" ? .warning : .note))
    /// ```
    public func diagnostics(
        inventory: [InventoryEntry] = [], unusedSuppressions unusedSeverity: Diagnostic.Severity = .warning
    ) -> [Diagnostic] {
        var result: [Diagnostic] = findings.map { finding in
            let severity: Diagnostic.Severity =
                finding.isSuppressed ? .note : (finding.severity >= .high ? .error : .warning)
            var message = "\(finding.ruleID) \(finding.resource): \(finding.message)"
            if let suppression = finding.suppression { message += " (suppressed: \(suppression.reason))" }
            let path =
                finding.path ?? PolicyReport.componentPath(of: finding, in: inventory) ?? ComponentPath(finding.file)
            return Diagnostic(path: path, severity: severity, message: message, hint: finding.hint)
        }
        for suppression in invalidSuppressions {
            result.append(
                .warning(
                    ComponentPath("policy"),
                    "suppression of \(suppression.rule) on \(suppression.resource) has no reason and is ignored",
                    hint: "say why the finding is acceptable in `reason:`"))
        }
        for suppression in unusedSuppressions {
            result.append(
                Diagnostic(
                    path: ComponentPath("policy"), severity: unusedSeverity,
                    message: "suppression of \(suppression.rule) on \(suppression.resource) matched no finding",
                    hint: "remove it if the resource was fixed or renamed"))
        }
        return result
    }

    /// The inventory entry of a finding's resource: same file and address (Terraform), or same
    /// file, kind and name (Kubernetes addresses `Kind namespace/name`).
    static func componentPath(of finding: PolicyFinding, in inventory: [InventoryEntry]) -> ComponentPath? {
        if let entry = inventory.first(where: { $0.file == finding.file && $0.address == finding.resource }) {
            return entry.path
        }
        let parts = finding.resource.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let name = parts[1].split(separator: "/").last.map(String.init) else { return nil }
        return inventory.first { entry in
            entry.file == finding.file && entry.kind == parts[0]
                && (entry.address == name || entry.address.hasSuffix("/\(name)"))
        }?.path
    }

    /// One line on what was evaluated: `policy: Terraform: 27 rules over 156 resources;
    /// Kubernetes: 13 rules over 183 objects; 0 findings (0 critical, 0 high, 0 medium, 0 low), 8 suppressed`.
    public var summary: String {
        let counts = PolicySeverity.allCases.map { severity in
            "\(active.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        let evaluated = coverage.map { "\($0); " }.joined()
        return "policy: \(evaluated)\(active.count) finding(s) (\(counts.joined(separator: ", "))), "
            + "\(suppressed.count) suppressed"
    }

    /// One block per finding, then the ``summary`` line.
    public var description: String {
        (findings.map(\.description) + [summary]).joined(separator: "\n")
    }
}
