// One example for a policy rule: documents that must (or must not) trigger it on a given
// resource. The same cases drive the rule tests and the checkov fixture folder.

import InfraCore
import InfraPolicy
import Testing

/// A violating or compliant example for one rule.
struct RuleCase: Sendable, CustomTestStringConvertible {
    /// The rule id.
    var rule: String
    /// What the example shows, in a few words.
    var name: String
    /// Whether the rule must flag ``resource``.
    var violates: Bool
    /// The address the finding is (or is not) reported on.
    var resource: String
    /// The documents: Terraform JSON or Kubernetes objects.
    var documents: [PolicyDocument]
    /// The resource as checkov names it, when it differs from ``resource``.
    var checkovResource: String?
    /// The configuration to evaluate with.
    var configuration = PolicyConfiguration()

    var testDescription: String { "\(rule) \(violates ? "flags" : "accepts") \(name)" }

    /// A Terraform example with one `resource` section (and optional `data`).
    static func terraform(
        _ rule: String, _ name: String, violates: Bool, resource: String, _ resources: Value, data: Value? = nil
    ) -> RuleCase {
        var document: Value = ["resource": resources]
        if let data, case .object(var object) = document {
            object["data"] = data
            document = .object(object)
        }
        return RuleCase(
            rule: rule, name: name, violates: violates, resource: resource,
            documents: [.terraform(file: "main.tf.json", document)])
    }

    /// A Kubernetes example.
    static func kubernetes(
        _ rule: String, _ name: String, violates: Bool, resource: String, _ objects: [Value],
        checkovResource: String? = nil
    ) -> RuleCase {
        RuleCase(
            rule: rule, name: name, violates: violates, resource: resource,
            documents: objects.map { .kubernetes(file: "workloads.yaml", $0) }, checkovResource: checkovResource)
    }
}
