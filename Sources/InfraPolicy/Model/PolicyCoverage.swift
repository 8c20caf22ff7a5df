// What a policy run looked at, per document language: how many rules ran and how many
// resources or objects they read. `check` prints it, so a run that evaluated nothing shows.

/// How many rules of one language ran over how many documents.
///
/// ```swift
/// report.coverage.map(\.description)
/// // ["Terraform: 27 rules over 156 resources", "Kubernetes: 13 rules over 183 objects"]
/// ```
public struct PolicyCoverage: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The language (Terraform or Kubernetes).
    public var format: PolicyDocument.Format
    /// The rules of this language that ran.
    public var rules: Int
    /// What they read: Terraform resources and data sources, or Kubernetes objects.
    public var documents: Int

    /// Creates a coverage entry.
    public init(format: PolicyDocument.Format, rules: Int, documents: Int) {
        self.format = format
        self.rules = rules
        self.documents = documents
    }

    /// `Terraform: 27 rules over 156 resources` / `Kubernetes: 13 rules over 183 objects`.
    public var description: String {
        let language = format == .terraform ? "Terraform" : "Kubernetes"
        let noun = format == .terraform ? "resource" : "object"
        return
            "\(language): \(rules) rule\(rules == 1 ? "" : "s") over \(documents) \(noun)\(documents == 1 ? "" : "s")"
    }
}
