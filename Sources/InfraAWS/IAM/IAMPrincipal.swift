// Principals of IAM policy statements: AWS accounts/roles, services, federated (OIDC)
// identities, canonical users, or anyone (`*`).

import InfraCore
import InfraTerraform

/// A principal entry of a statement (`"Principal": {"Service": [...]}`).
///
/// ```swift
/// IAMPrincipal.service("ec2.amazonaws.com")
/// IAMPrincipal.federated(oidcProvider.arn)
/// ```
public struct IAMPrincipal: Sendable, Hashable {
    /// The principal type key: `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for anyone.
    public var type: String
    /// Identifiers (ARNs, account ids, service names).
    public var identifiers: [Expr<String>]

    /// Creates a principal of any type.
    public init(type: String, identifiers: [Expr<String>]) {
        self.type = type
        self.identifiers = identifiers
    }

    /// AWS accounts, users or roles (ARNs or account ids).
    public static func aws(_ identifiers: Expr<String>...) -> IAMPrincipal {
        IAMPrincipal(type: "AWS", identifiers: identifiers)
    }
    /// AWS services, e.g. `eks.amazonaws.com`.
    public static func service(_ identifiers: Expr<String>...) -> IAMPrincipal {
        IAMPrincipal(type: "Service", identifiers: identifiers)
    }
    /// Federated identities, e.g. an OIDC provider ARN for IRSA.
    public static func federated(_ identifiers: Expr<String>...) -> IAMPrincipal {
        IAMPrincipal(type: "Federated", identifiers: identifiers)
    }
    /// Canonical user ids (S3).
    public static func canonicalUser(_ identifiers: Expr<String>...) -> IAMPrincipal {
        IAMPrincipal(type: "CanonicalUser", identifiers: identifiers)
    }
    /// Everyone: `"Principal": "*"`.
    public static let anyone = IAMPrincipal(type: "*", identifiers: [])

    /// `"*"` for anyone, else `{Type: [ids]}` grouped by type in first-seen order; nil when empty.
    static func node(_ principals: [IAMPrincipal]) -> Expression.Node? {
        guard !principals.isEmpty else { return nil }
        if principals.contains(where: { $0.type == "*" }) { return .string("*") }
        var order: [String] = []
        var grouped: [String: [Expression.Node]] = [:]
        for principal in principals {
            if grouped[principal.type] == nil { order.append(principal.type) }
            grouped[principal.type, default: []] += principal.identifiers.map(\.expression.node)
        }
        return .object(order.map { .init(key: $0, value: .list(grouped[$0] ?? [])) })
    }
}
