// One statement of an IAM policy document: effect, (not) actions, (not) resources,
// (not) principals and conditions. Values are typed expressions, so references work.

import InfraCore
import InfraTerraform

/// One statement of a ``IAMPolicyDocument``.
///
/// ```swift
/// IAMStatement(effect: .allow, actions: ["s3:GetObject"], resources: ["\(bucket.arn)/*"])
/// ```
public struct IAMStatement: Sendable, Hashable {
    /// `Allow` or `Deny`.
    public enum Effect: String, Sendable, Hashable {
        /// `Allow`.
        case allow = "Allow"
        /// `Deny`.
        case deny = "Deny"
    }

    /// The optional statement id.
    public var sid: String?
    /// Allow or deny.
    public var effect: Effect
    /// Actions such as `s3:GetObject` or `ec2:*`.
    public var actions: [Expr<String>]
    /// Actions the statement applies to all except (`NotAction`).
    public var notActions: [Expr<String>]
    /// Resource ARNs (or `*`).
    public var resources: [Expr<String>]
    /// Resources the statement applies to all except (`NotResource`).
    public var notResources: [Expr<String>]
    /// Who the statement applies to (resource and trust policies).
    public var principals: [IAMPrincipal]
    /// Principals the statement applies to all except (`NotPrincipal`).
    public var notPrincipals: [IAMPrincipal]
    /// Conditions; all must hold.
    public var conditions: [IAMCondition]

    /// Creates a statement.
    public init(
        sid: String? = nil, effect: Effect = .allow, actions: [Expr<String>] = [], notActions: [Expr<String>] = [],
        resources: [Expr<String>] = [], notResources: [Expr<String>] = [], principals: [IAMPrincipal] = [],
        notPrincipals: [IAMPrincipal] = [], conditions: [IAMCondition] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.notActions = notActions
        self.resources = resources
        self.notResources = notResources
        self.principals = principals
        self.notPrincipals = notPrincipals
        self.conditions = conditions
    }

    /// The statement as an HCL object expression.
    public var expression: Expression {
        var members: [Expression.ObjectMember] = []
        if let sid { members.append(.init(key: "Sid", value: .string(sid))) }
        members.append(.init(key: "Effect", value: .string(effect.rawValue)))
        func list(_ key: String, _ values: [Expr<String>]) {
            if !values.isEmpty { members.append(.init(key: key, value: .list(values.map(\.expression.node)))) }
        }
        list("Action", actions)
        list("NotAction", notActions)
        list("Resource", resources)
        list("NotResource", notResources)
        if let node = IAMPrincipal.node(principals) { members.append(.init(key: "Principal", value: node)) }
        if let node = IAMPrincipal.node(notPrincipals) { members.append(.init(key: "NotPrincipal", value: node)) }
        if let node = IAMCondition.node(conditions) { members.append(.init(key: "Condition", value: node)) }
        return Expression(.object(members))
    }

    /// Problems in this statement.
    func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if actions.isEmpty && notActions.isEmpty {
            result.append(.error(path, "statement has no actions", hint: "add actions: [\"service:Action\"]"))
        }
        if !actions.isEmpty && !notActions.isEmpty {
            result.append(.error(path, "statement has both Action and NotAction"))
        }
        let hasPrincipal = !principals.isEmpty || !notPrincipals.isEmpty
        if resources.isEmpty && notResources.isEmpty && !hasPrincipal {
            result.append(
                .error(path, "statement has neither resources nor principals", hint: "identity policies need resources")
            )
        }
        for (index, condition) in conditions.enumerated() where condition.values.isEmpty {
            result.append(
                .error(path.appending("condition", index: index), "condition \(condition.test) has no values"))
        }
        return result
    }
}
