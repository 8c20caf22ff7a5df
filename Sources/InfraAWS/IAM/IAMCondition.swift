// Conditions of IAM policy statements: an operator (`StringEquals`), a condition key
// (`aws:SourceArn`, or an OIDC issuer key built from a reference) and values.

import InfraCore
import InfraTerraform

/// One condition of a statement: `{"<test>": {"<variable>": [values]}}`.
///
/// ```swift
/// IAMCondition(test: "StringEquals", variable: "\(issuer):sub", values: ["system:serviceaccount:kube-system:ebs"])
/// ```
public struct IAMCondition: Sendable, Hashable {
    /// The operator, e.g. `StringEquals`, `StringLike`, `ArnLike`, `Bool`, `IpAddress`.
    public var test: String
    /// The condition key; may contain references (rendered with `zipmap`, since HCL object keys are literal).
    public var variable: Expr<String>
    /// The values; any must match.
    public var values: [Expr<String>]

    /// Creates a condition.
    public init(test: String, variable: Expr<String>, values: [Expr<String>]) {
        self.test = test
        self.variable = variable
        self.values = values
    }

    /// `StringEquals`: the key equals one of the values.
    public static func stringEquals(_ variable: Expr<String>, _ values: Expr<String>...) -> IAMCondition {
        IAMCondition(test: "StringEquals", variable: variable, values: values)
    }

    /// `StringLike`: the key matches one of the patterns (`*`, `?`).
    public static func stringLike(_ variable: Expr<String>, _ values: Expr<String>...) -> IAMCondition {
        IAMCondition(test: "StringLike", variable: variable, values: values)
    }

    /// `ArnLike`: the key is an ARN matching one of the patterns.
    public static func arnLike(_ variable: Expr<String>, _ values: Expr<String>...) -> IAMCondition {
        IAMCondition(test: "ArnLike", variable: variable, values: values)
    }

    /// `Bool`: e.g. `.bool("aws:SecureTransport", "false")`.
    public static func bool(_ variable: Expr<String>, _ values: Expr<String>...) -> IAMCondition {
        IAMCondition(test: "Bool", variable: variable, values: values)
    }

    /// `{test: {key: [values]}}` grouped by operator in first-seen order; nil when empty.
    static func node(_ conditions: [IAMCondition]) -> Expression.Node? {
        guard !conditions.isEmpty else { return nil }
        var order: [String] = []
        var grouped: [String: [IAMCondition]] = [:]
        for condition in conditions {
            if grouped[condition.test] == nil { order.append(condition.test) }
            grouped[condition.test, default: []].append(condition)
        }
        return .object(order.map { test in .init(key: test, value: keyed(grouped[test] ?? [])) })
    }

    /// An object when every key is a literal string, else `zipmap([keys], [values])`.
    private static func keyed(_ conditions: [IAMCondition]) -> Expression.Node {
        var members: [Expression.ObjectMember] = []
        for condition in conditions {
            guard case .string(let key) = condition.variable.expression.node else {
                return .call(
                    "zipmap",
                    [
                        .list(conditions.map(\.variable.expression.node)),
                        .list(conditions.map { .list($0.values.map(\.expression.node)) }),
                    ])
            }
            members.append(.init(key: key, value: .list(condition.values.map(\.expression.node))))
        }
        return .object(members)
    }
}
