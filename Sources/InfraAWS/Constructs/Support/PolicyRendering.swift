// Renders typed IAM policy documents for the constructs. It spells the policy grammar's
// keys the way IAM requires (`Statement`, `Principal`, `Condition`) whatever the document
// type emits, so a construct never ships a policy AWS would reject as malformed.

import InfraCore
import InfraTerraform

extension IAMPolicyDocument {
    /// The policy JSON, `jsonencode({...})`, with IAM's key spelling guaranteed.
    ///
    /// ```swift
    /// AWSIAMRole("node", assumeRolePolicy: trust.policyJSON)
    /// ```
    public var policyJSON: Expr<String> { Fn.jsonencode(PolicyRendering.normalized(expression)) }
}

extension IAMStatement {
    /// The statement as an HCL object with IAM's key spelling.
    public var policyExpression: Expression { PolicyRendering.normalized(expression) }
}

/// Key normalization for policy expressions.
enum PolicyRendering {
    static let keys = ["IAMStatement": "Statement", "IAMPrincipal": "Principal", "IAMCondition": "Condition"]

    static func normalized(_ expression: Expression) -> Expression {
        Expression(normalized(expression.node))
    }

    static func normalized(_ node: Expression.Node) -> Expression.Node {
        switch node {
        case .object(let members):
            return .object(members.map { .init(key: keys[$0.key] ?? $0.key, value: normalized($0.value)) })
        case .list(let elements):
            return .list(elements.map(normalized))
        default:
            return node
        }
    }
}
