// A naming rule as an aspect: reports every node whose name breaks it, at the node's
// component path. It never renames: a rename moves Terraform state (or replaces a Kubernetes
// object), which is a decision for the author, with a `moved` block.

/// Reports names that break a convention, at the component path of each offending node.
///
/// ```swift
/// let infra = Infrastructure { dev; prod; manifests }
///     .aspect(NamingConvention.terraformSnakeCase())
///     .aspect(NamingConvention.prefix("oves-", language: .kubernetes, severity: .warning))
/// ```
public struct NamingConvention: Aspect {
    /// What the convention requires, for messages (`lower snake_case`).
    public var rule: String
    /// The language whose nodes it checks, or `nil` for all.
    public var language: ModelLanguage?
    /// The kinds it skips (`provider`, `moved` and `terraform` by default: their names are not chosen).
    public var skippedKinds: Set<String>
    /// The severity of a report.
    public var severity: Diagnostic.Severity
    /// Whether a name follows the convention.
    public var isValid: @Sendable (String) -> Bool

    /// Creates a convention.
    public init(
        _ rule: String, language: ModelLanguage? = nil, skippedKinds: Set<String> = ["provider", "moved", "terraform"],
        severity: Diagnostic.Severity = .error, isValid: @escaping @Sendable (String) -> Bool
    ) {
        self.rule = rule
        self.language = language
        self.skippedKinds = skippedKinds
        self.severity = severity
        self.isValid = isValid
    }

    /// Terraform names in lower snake_case (`[a-z][a-z0-9_]*`), as the Terraform style guide asks.
    public static func terraformSnakeCase(severity: Diagnostic.Severity = .error) -> NamingConvention {
        NamingConvention("lower snake_case", language: .terraform, severity: severity) { name in
            guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
                return false
            }
            return name.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || $0 == UInt8(ascii: "_")
            }
        }
    }

    /// Names that start with `prefix` (`oves-`).
    public static func prefix(
        _ prefix: String, language: ModelLanguage? = nil, severity: Diagnostic.Severity = .error
    ) -> NamingConvention {
        NamingConvention("starts with \"\(prefix)\"", language: language, severity: severity) { $0.hasPrefix(prefix) }
    }

    /// Reports the node when its name breaks the rule.
    public mutating func visit(_ visit: inout AspectVisit) {
        let node = visit.node
        if let language, node.language != language { return }
        guard !skippedKinds.contains(node.kind), !isValid(node.name) else { return }
        visit.report(
            severity, "\(node.kind) name \"\(node.name)\" (\(node.address)) is not \(rule)",
            hint: "rename it in its declaration; for Terraform add a moved block so the state moves with it")
    }
}
