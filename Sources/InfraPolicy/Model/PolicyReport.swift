// The result of a policy run: every finding in a stable order, split into active and
// suppressed, plus the suppressions that were malformed or matched nothing.

import InfraCore

/// All findings of a policy run, sorted deterministically.
///
/// ```swift
/// let report = PolicyEngine().evaluate(documents)
/// #expect(report.active.isEmpty, "\(report)")
/// ```
public struct PolicyReport: Sendable, Hashable, CustomStringConvertible {
    /// Every finding, suppressed ones included, most serious first.
    public var findings: [PolicyFinding]
    /// Suppressions without a reason; they suppress nothing.
    public var invalidSuppressions: [PolicySuppression]
    /// Valid suppressions that matched no finding (probably stale).
    public var unusedSuppressions: [PolicySuppression]

    /// Creates a report, sorting `findings`.
    public init(
        findings: [PolicyFinding], invalidSuppressions: [PolicySuppression] = [],
        unusedSuppressions: [PolicySuppression] = []
    ) {
        self.findings = findings.sorted(by: PolicyFinding.precedes)
        self.invalidSuppressions = invalidSuppressions
        self.unusedSuppressions = unusedSuppressions
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
    /// errors, medium and low warnings, suppressed findings and suppression problems notes.
    /// Each diagnostic's path is the finding's file; see ``diagnostics(inventory:)`` for
    /// component paths.
    public var diagnostics: [Diagnostic] { diagnostics(inventory: []) }

    /// The report as diagnostics whose paths are the component paths of the offending
    /// resources, looked up in a synthesis inventory (by file and address, or for Kubernetes by
    /// file, kind and name); a finding without an entry keeps its file as the path.
    ///
    /// ```swift
    /// diagnostics.append(contentsOf: report.diagnostics(inventory: result.inventory))
    /// ```
    public func diagnostics(inventory: [InventoryEntry]) -> [Diagnostic] {
        var result: [Diagnostic] = findings.map { finding in
            let severity: Diagnostic.Severity =
                finding.isSuppressed ? .note : (finding.severity >= .high ? .error : .warning)
            var message = "\(finding.ruleID) \(finding.resource): \(finding.message)"
            if let suppression = finding.suppression { message += " (suppressed: \(suppression.reason))" }
            let path = PolicyReport.componentPath(of: finding, in: inventory) ?? ComponentPath(finding.file)
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
                    path: ComponentPath("policy"), severity: .note,
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

    /// One block per finding, then a summary line `policy: N findings (C critical, H high, …), S suppressed`.
    public var description: String {
        var lines = findings.map(\.description)
        let counts = PolicySeverity.allCases.map { severity in
            "\(active.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        lines.append(
            "policy: \(active.count) finding(s) (\(counts.joined(separator: ", "))), \(suppressed.count) suppressed")
        return lines.joined(separator: "\n")
    }
}
