// Typed IAM policy documents render to policy JSON through jsonencode, keep references
// live inside, and report structural mistakes as diagnostics.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("IAM policy documents")
struct IAMPolicyDocumentTests {
    @Test("a trust policy renders Version, Effect, Action and Principal in IAM spelling")
    func trustPolicy() {
        let trust = IAMPolicyDocument {
            IAMStatement(actions: ["sts:AssumeRole"], principals: [.service("eks.amazonaws.com")])
        }
        let hcl = trust.json.expression.hcl
        #expect(hcl.hasPrefix("jsonencode("))
        #expect(hcl.contains("\"Version\""))
        #expect(hcl.contains("2012-10-17"))
        #expect(hcl.contains("\"Allow\""))
        #expect(hcl.contains("sts:AssumeRole"))
        #expect(hcl.contains("\"Service\""))
        #expect(hcl.contains("\"Statement\" = [{"))
        #expect(hcl.contains("\"Principal\" = {"))
        #expect(!hcl.contains("IAMStatement") && !hcl.contains("IAMPrincipal"))
        #expect(trust.diagnostics(at: "iam/trust").isEmpty)
    }

    @Test("references inside a policy stay interpolations")
    func referencesInside() {
        let bucket = AWSS3Bucket("logs")
        let policy = IAMPolicyDocument {
            IAMStatement(actions: ["s3:GetObject"], resources: [bucket.arn, "\(bucket.arn)/*"])
        }
        let json = policy.json.expression.jsonValue
        guard case .string(let text) = json else {
            Issue.record("expected a string, got \(json)")
            return
        }
        #expect(text.contains("aws_s3_bucket.logs.arn"))
        #expect(!text.contains("$${"))
    }

    @Test("a condition key built from a reference renders with zipmap")
    func referenceConditionKey() {
        let oidc = AWSIAMOpenIDConnectProvider("eks", clientIdList: ["sts.amazonaws.com"], url: "https://oidc.example")
        let statement = IAMStatement(
            actions: ["sts:AssumeRoleWithWebIdentity"], principals: [.federated(oidc.arn)],
            conditions: [.stringEquals("\(oidc.urlRef):sub", "system:serviceaccount:kube-system:ebs")])
        let hcl = IAMPolicyDocument(statements: [statement]).json.expression.hcl
        #expect(hcl.contains("zipmap("))
        #expect(hcl.contains("aws_iam_openid_connect_provider.eks.url"))
    }

    @Test("literal condition keys render as an object")
    func literalConditionKey() {
        let statement = IAMStatement(
            effect: .deny, actions: ["s3:*"], resources: ["*"], conditions: [.bool("aws:SecureTransport", "false")])
        let hcl = IAMPolicyDocument(statements: [statement]).json.expression.hcl
        #expect(hcl.contains("aws:SecureTransport"))
        #expect(!hcl.contains("zipmap("))
        #expect(hcl.contains("\"Deny\""))
    }

    @Test("statements without actions, targets or with duplicate Sids are all reported")
    func diagnostics() {
        let policy = IAMPolicyDocument {
            IAMStatement(sid: "A", resources: ["*"])
            IAMStatement(sid: "A", actions: ["s3:GetObject"])
        }
        let messages = policy.diagnostics(at: "prod/iam/policy").map(\.message)
        #expect(messages.contains("statement has no actions"))
        #expect(messages.contains("statement has neither resources nor principals"))
        #expect(messages.contains("duplicate statement Sid 'A'"))
    }

    @Test("builder supports if and for")
    func builder() {
        let buckets = ["a", "b"]
        let strict = true
        let policy = IAMPolicyDocument {
            for name in buckets {
                IAMStatement(actions: ["s3:ListBucket"], resources: ["arn:aws:s3:::\(name)"])
            }
            if strict {
                IAMStatement(effect: .deny, actions: ["s3:DeleteBucket"], resources: ["*"])
            }
        }
        #expect(policy.statements.count == 3)
    }
}
