// IAMPolicyDocument(json:): upstream policy JSON read into typed statements — strings or lists,
// conditions by operator and key, principals — and every key outside the IAM grammar refused
// with its place, so a vendored policy is never silently cut short.

import Foundation
import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("IAM policy documents read from JSON")
struct IAMPolicyDocumentJSONTests {
    static func read(_ text: String) throws -> IAMPolicyDocument { try IAMPolicyDocument(json: Data(text.utf8)) }

    static func strings(_ expressions: [Expr<String>]) -> [String] {
        expressions.map { expression in
            if case .string(let text) = expression.expression.node { return text }
            return expression.expression.hcl
        }
    }

    @Test("statements keep effect, sid, actions, resources and conditions; a single string is a one-element list")
    func statements() throws {
        let policy = try Self.read(
            #"""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Tag", "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": ["arn:aws:ec2:*:*:security-group/*"],
               "Condition": {"StringEquals": {"ec2:CreateAction": "CreateSecurityGroup"},
                             "Null": {"aws:RequestTag/elbv2.k8s.aws/cluster": "false"}}},
              {"Effect": "Deny", "NotAction": ["iam:*"], "NotResource": "*"}
            ]}
            """#)
        #expect(policy.version == "2012-10-17")
        #expect(policy.statements.count == 2)
        let tag = policy.statements[0]
        #expect(tag.sid == "Tag")
        #expect(tag.effect == .allow)
        #expect(Self.strings(tag.actions) == ["ec2:CreateTags"])
        #expect(Self.strings(tag.resources) == ["arn:aws:ec2:*:*:security-group/*"])
        #expect(tag.conditions.map(\.test) == ["Null", "StringEquals"])
        #expect(Self.strings(tag.conditions[1].values) == ["CreateSecurityGroup"])
        #expect(policy.statements[1].effect == .deny)
        #expect(Self.strings(policy.statements[1].notActions) == ["iam:*"])
        #expect(Self.strings(policy.statements[1].notResources) == ["*"])
        #expect(policy.diagnostics(at: "iam/policy").isEmpty)
    }

    @Test("a single statement object and principals are read")
    func principals() throws {
        let policy = try Self.read(
            #"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "eks.amazonaws.com"}}}"#
        )
        #expect(
            policy.statements.first?.principals == [IAMPrincipal(type: "Service", identifiers: ["eks.amazonaws.com"])])
    }

    @Test("unknown keys, a bad effect, wrong shapes and non-JSON are errors naming their place")
    func errors() {
        let cases: [(String, String)] = [
            (#"{"Statement": [{"Effect": "Allow", "Actions": "s3:*"}]}"#, "unknown key 'Actions' in Statement[0]"),
            (#"{"Statement": [{"Effect": "Permit", "Action": "s3:*"}]}"#, "Statement[0].Effect is 'Permit'"),
            (#"{"Statement": [{"Effect": "Allow", "Action": 3}]}"#, "Statement[0].Action is neither"),
            (#"{"Statement": [{"Effect": "Allow", "Condition": {"Null": "x"}}]}"#, "Statement[0].Condition.Null"),
            (#"{"Version": "2012-10-17"}"#, "Statement is missing"),
            (#"{"Statement": [], "Extra": 1}"#, "unknown key 'Extra'"),
            ("not json", "not JSON"),
        ]
        for (text, expected) in cases {
            do {
                _ = try Self.read(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect("\(error)".contains(expected), "\(text): \(error)")
            }
        }
    }
}
