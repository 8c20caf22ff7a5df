// Every built-in rule flags its violating examples and accepts its compliant ones, with a
// message naming the problem; and every rule has both kinds of example.

import InfraCore
import InfraPolicy
import Testing

@Suite("Built-in policy rules")
struct PolicyRuleTests {
    static let cases = TerraformCases.all + KubernetesCases.all

    @Test("rule verdict on each example", arguments: cases)
    func ruleVerdict(_ example: RuleCase) throws {
        let rule = try #require(PolicyRule.builtIn(example.rule))
        let report = PolicyEngine(rules: [rule], configuration: example.configuration).evaluate(example.documents)
        let findings = report.findings(rule: example.rule, resource: example.resource)
        if example.violates {
            #expect(findings.count == 1, "\(report)")
            #expect(findings.first?.severity == rule.severity)
            #expect(findings.first?.hint == rule.hint)
            #expect(findings.first?.message.isEmpty == false)
        } else {
            #expect(findings.isEmpty, "\(report)")
        }
    }

    @Test func everyRuleHasAViolatingAndACompliantExample() {
        for rule in PolicyRule.builtIn {
            let examples = Self.cases.filter { $0.rule == rule.id }
            #expect(examples.contains { $0.violates }, "\(rule.id) has no violating example")
            #expect(examples.contains { !$0.violates }, "\(rule.id) has no compliant example")
        }
    }

    @Test func ruleIDsAreUniqueAndWellFormed() {
        let ids = PolicyRule.builtIn.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("INFRA-") && $0.split(separator: "-").count == 3 })
        #expect(ids.count == 40)
    }

    @Test func messagesNameTheProblem() {
        let report = PolicyEngine().evaluate(
            TerraformCases.s3.first { $0.resource == "aws_s3_bucket.s3_003_bad" }?.documents ?? [])
        #expect(
            report.findings(rule: "INFRA-S3-003").map(\.message) == [
                "public access block does not set block_public_policy, restrict_public_buckets to true"
            ])
        let ingress = PolicyEngine().evaluate(TerraformCases.network[0].documents)
        #expect(ingress.findings(rule: "INFRA-EC2-001").map(\.message) == ["ingress from 0.0.0.0/0 to port 22"])
        let k8s = PolicyEngine().evaluate(KubernetesCases.all[2].documents)
        #expect(
            k8s.findings(rule: "INFRA-K8S-002").map(\.message) == ["container app: privilege escalation is allowed"])
    }
}
