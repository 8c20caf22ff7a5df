// How much a policy finding matters; the order drives report sorting and the CLI's exit code.

/// The severity of a policy rule, from most to least serious.
///
/// ```swift
/// report.active.filter { $0.severity >= .high }
/// ```
public enum PolicySeverity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// Directly exposes data or the control plane (a world-open SSH port, a public cluster endpoint).
    case critical
    /// A missing safeguard with a likely security impact (no encryption, privilege escalation allowed).
    case high
    /// Defence in depth or auditability (logging, versioning, resource limits).
    case medium
    /// Hygiene and good practice.
    case low

    private var rank: Int {
        switch self {
        case .critical: 3
        case .high: 2
        case .medium: 1
        case .low: 0
        }
    }

    /// `critical > high > medium > low`.
    public static func < (lhs: PolicySeverity, rhs: PolicySeverity) -> Bool { lhs.rank < rhs.rank }
}
