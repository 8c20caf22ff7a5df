// The catalogue of built-in rules, in report order of families. Documentation/PolicyChecks.md
// lists the same rules with their checkov counterparts.

extension PolicyRule {
    /// Every built-in rule: S3, network, KMS/CloudTrail, EKS, databases, Kubernetes, secrets.
    ///
    /// ```swift
    /// PolicyRule.builtIn.map(\.id)   // ["INFRA-S3-001", …, "INFRA-SECRET-007"]
    /// ```
    public static let builtIn: [PolicyRule] = s3 + network + audit + eks + database + kubernetes + secrets

    /// The built-in rule with `id`, if there is one.
    public static func builtIn(_ id: String) -> PolicyRule? { builtIn.first { $0.id == id } }
}
