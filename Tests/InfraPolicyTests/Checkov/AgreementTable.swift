// Our verdict next to checkov's for every rule example, rendered as the Markdown table in
// Documentation/PolicyChecks.md. Known differences are listed here with the reason.

import Foundation
import InfraPolicy

enum AgreementTable {
    enum Agreement: String {
        case agrees = "agrees"
        case differs = "differs"
        case notEvaluated = "not evaluated by checkov"
    }

    struct Row {
        var rule: String
        var example: String
        var violates: Bool
        var checkovResource: String
        /// checkov's verdict per mapped check id (ids checkov did not run on the resource are absent).
        var checkov: [(id: String, verdict: CheckovVerdict)]
        var agreement: Agreement

        var key: String { "\(rule) \(checkovResource)" }
    }

    /// Where checkov and we disagree on purpose, keyed by `"<rule> <checkov resource>"`.
    static let knownDifferences: [String: String] = [
        "INFRA-S3-001 aws_s3_bucket.s3_001_bad": defaultEncryption,
        "INFRA-S3-001 aws_s3_bucket.s3_001_other": defaultEncryption,
        "INFRA-EC2-001 aws_vpc_security_group_ingress_rule.ec2_001_all":
            "checkov passes an aws_vpc_security_group_ingress_rule with ip_protocol -1 and no ports (all traffic)",
        "INFRA-RDS-002 aws_db_instance.rds_002_bad":
            "checkov accepts any retention above 0 days; we require PolicyConfiguration.minimumBackupRetentionDays (7)",
        "INFRA-K8S-006 Deployment.k8s-006-bad.app":
            "checkov returns UNKNOWN (no result) when resources has limits but no requests",
        "INFRA-SECRET-002 aws_instance.secret_002_key":
            "CKV_AWS_46 looks for AWS key patterns only (access key ids, 40-character secret keys, account ids); a PEM private key in user data passes",
        "INFRA-K8S-009 Pod.k8s-009-bad.app":
            "checkov links a Pod to any NetworkPolicy whose podSelector matches, ignoring namespaces: the empty selector of the compliant folder's policy covers it (scanned alone, checkov fails it)",
    ]

    private static let defaultEncryption =
        "checkov passes buckets without encryption settings because S3 applies SSE-S3 by default since 2023; we require an explicit configuration (and prefer aws:kms)"

    /// checkov's names for a case's resource: graph checks use the address (`aws_s3_bucket.x`),
    /// terraform_json resource checks `resource.<name>`, Kubernetes checks `Kind.namespace.name`.
    static func checkovResources(_ example: RuleCase) -> [String] {
        if let name = example.checkovResource { return [name] }
        guard example.documents.first?.format == .kubernetes else {
            return [
                example.resource, "resource." + (example.resource.split(separator: ".").last.map(String.init) ?? ""),
            ]
        }
        let parts = example.resource.split(separator: " ", maxSplits: 1)
        let kind = parts.first.map(String.init) ?? ""
        let rest = parts.count > 1 ? parts[1].replacingOccurrences(of: "/", with: ".") : ""
        return ["\(kind).\(rest)"]
    }

    /// One row per example: a violating example agrees when some mapped check fails, a
    /// compliant one when every mapped check that ran passes.
    static func rows(cases: [RuleCase], checkov: [String: CheckovVerdict]) -> [Row] {
        cases.compactMap { example -> Row? in
            guard let rule = PolicyRule.builtIn(example.rule), !rule.checkovIDs.isEmpty else { return nil }
            let names = checkovResources(example)
            let verdicts = rule.checkovIDs.compactMap { id -> (id: String, verdict: CheckovVerdict)? in
                names.lazy.compactMap { checkov["\(id) \($0)"] }.first.map { (id, $0) }
            }
            let failed = verdicts.contains { $0.verdict == .failed }
            // A compliant example that checkov does not check at all is not flagged by either tool.
            let agreement: Agreement =
                verdicts.isEmpty
                ? (example.violates ? .notEvaluated : .agrees) : (failed == example.violates ? .agrees : .differs)
            return Row(
                rule: example.rule, example: example.name, violates: example.violates,
                checkovResource: names[0], checkov: verdicts, agreement: agreement)
        }
    }

    static func markdown(_ rows: [Row]) -> String {
        var lines = [
            "| rule | example | ours | checkov | agreement |",
            "| --- | --- | --- | --- | --- |",
        ]
        for row in rows {
            let note = knownDifferences[row.key].map { " — \($0)" } ?? ""
            let checkov =
                row.checkov.isEmpty
                ? "not run"
                : row.checkov.map { "\($0.id) \($0.verdict == .passed ? "pass" : "fail")" }.joined(separator: ", ")
            lines.append(
                "| \(row.rule) | \(row.example) (`\(row.checkovResource)`) | \(row.violates ? "fail" : "pass") | \(checkov) | \(row.agreement.rawValue)\(note) |"
            )
        }
        let agreeing = rows.filter { $0.agreement == .agrees }.count
        lines.append("")
        lines.append("\(agreeing) of \(rows.count) examples agree.")
        return lines.joined(separator: "\n")
    }

    static let begin = "<!-- agreement table: generated by InfraPolicyTests/Checkov, do not edit -->"
    static let end = "<!-- end of agreement table -->"

    /// Replaces the text between the markers in `document` with `table`.
    static func replaceSection(in document: URL, with table: String) throws {
        let text = try String(contentsOf: document, encoding: .utf8)
        guard let start = text.range(of: begin), let stop = text.range(of: end), start.upperBound <= stop.lowerBound
        else {
            return
        }
        let updated = text[..<start.upperBound] + "\n" + table + "\n" + text[stop.lowerBound...]
        try String(updated).write(to: document, atomically: true, encoding: .utf8)
    }
}
