// Typed IAM policy documents: statements with effect, actions, resources, principals and
// conditions, rendered to policy JSON as `jsonencode({...})` so role ARNs, bucket ARNs and
// OIDC issuer URLs can be used inside (`${aws_iam_role.node.arn}`), instead of hand-written
// JSON strings or an `aws_iam_policy_document` data source.

import InfraCore
import InfraTerraform

/// An IAM policy document (identity, resource or trust policy).
///
/// ```swift
/// let trust = IAMPolicyDocument {
///     IAMStatement(effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("eks.amazonaws.com")])
/// }
/// AWSIAMRole("cluster", assumeRolePolicy: trust.json)
/// ```
public struct IAMPolicyDocument: Sendable, Hashable {
    /// The policy language version; `2012-10-17` unless you have a reason.
    public var version: String
    /// The optional policy `Id`.
    public var id: String?
    /// The statements, in order.
    public var statements: [IAMStatement]

    /// Creates a document from statements written in a builder.
    public init(
        version: String = "2012-10-17", id: String? = nil, @IAMStatementBuilder _ statements: () -> [IAMStatement]
    ) {
        self.version = version
        self.id = id
        self.statements = statements()
    }

    /// Creates a document from a list of statements.
    public init(version: String = "2012-10-17", id: String? = nil, statements: [IAMStatement]) {
        self.version = version
        self.id = id
        self.statements = statements
    }

    /// The document as an HCL object expression (keys in IAM's spelling).
    public var expression: Expression {
        var members: [Expression.ObjectMember] = [.init(key: "Version", value: .string(version))]
        if let id { members.append(.init(key: "Id", value: .string(id))) }
        members.append(.init(key: "Statement", value: .list(statements.map(\.expression.node))))
        return Expression(.object(members))
    }

    /// The policy JSON as a string expression, `jsonencode({...})`, for `policy` / `assume_role_policy` arguments.
    public var json: Expr<String> { Fn.jsonencode(Expr<Value>(expression)) }

    /// Problems a policy has regardless of where it is used: statements without actions,
    /// without resources or principals, duplicate `Sid`s, empty condition values.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if statements.isEmpty { result.append(.error(path, "policy document has no statements")) }
        var sids: Set<String> = []
        for (index, statement) in statements.enumerated() {
            let statementPath = path.appending("statement", index: index)
            if let sid = statement.sid, !sids.insert(sid).inserted {
                result.append(.error(statementPath, "duplicate statement Sid '\(sid)'"))
            }
            result += statement.diagnostics(at: statementPath)
        }
        return result
    }
}

/// Collects ``IAMStatement``s, with `if`, `if`/`else` and `for` support.
@resultBuilder
public enum IAMStatementBuilder {
    /// Combines statement groups.
    public static func buildBlock(_ groups: [IAMStatement]...) -> [IAMStatement] { groups.flatMap { $0 } }
    /// One statement.
    public static func buildExpression(_ statement: IAMStatement) -> [IAMStatement] { [statement] }
    /// Several statements.
    public static func buildExpression(_ statements: [IAMStatement]) -> [IAMStatement] { statements }
    /// `if` without `else`.
    public static func buildOptional(_ group: [IAMStatement]?) -> [IAMStatement] { group ?? [] }
    /// `if` branch.
    public static func buildEither(first group: [IAMStatement]) -> [IAMStatement] { group }
    /// `else` branch.
    public static func buildEither(second group: [IAMStatement]) -> [IAMStatement] { group }
    /// `for` loops.
    public static func buildArray(_ groups: [[IAMStatement]]) -> [IAMStatement] { groups.flatMap { $0 } }
}
