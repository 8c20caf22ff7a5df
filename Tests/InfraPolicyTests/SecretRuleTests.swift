// The secret rules beyond their examples: findings never repeat the secret, the opt-in
// finding carries its reason, and secret names are told from names that only look like them.

import InfraCore
import InfraPolicy
import Testing

@Suite("Secret rules")
struct SecretRuleTests {
    static let secretRules = PolicyRule.builtIn.filter { $0.id.hasPrefix("INFRA-SECRET-") }

    @Test("no finding repeats the secret it found")
    func findingsHideSecrets() {
        let cases = (SecretCases.terraform + SecretCases.kubernetes).filter(\.violates)
        let report = PolicyEngine(rules: Self.secretRules).evaluate(cases.flatMap(\.documents))
        #expect(report.active.count >= cases.count)
        for finding in report.findings {
            for secret in ["not-a-real-password", "AKIAIOSFODNN7EXAMPLE", "MIIE", "not-real"] {
                #expect(!finding.description.contains(secret), "\(finding)")
            }
        }
    }

    @Test("the opt-in finding names the reason")
    func optInReason() {
        let documents = SecretCases.kubernetes.filter { $0.rule == "INFRA-SECRET-004" && $0.violates }
            .flatMap(\.documents)
        let report = PolicyEngine(rules: Self.secretRules).evaluate(documents)
        #expect(
            report.findings(rule: "INFRA-SECRET-004").map(\.message) == [
                #"literal Secret data allowed by allowLiteralSecret(reason: "fake credentials for the CI cluster")"#
            ])
        #expect(report.findings(rule: "INFRA-SECRET-003").isEmpty, "an opted-in Secret is not also a violation")
    }

    @Test("secret names are told from names that only look like them")
    func secretNames() throws {
        let settings: Value = [
            "root_password": "x", "apiKey": "x", "client_secret": "x", "Token": "x",
            "creation_token": "x", "secret_name": "x", "DB_PASSWORD_FILE": "/run/secrets/db",
            "credentials": "arn:aws:iam::123456789012:role/api", "password_length": "16",
            "admin_password": "${random_password.admin.result}", "empty_password": "",
        ]
        let document = PolicyDocument.terraform(file: "main.tf.json", ["resource": ["acme_thing": ["t": settings]]])
        let rule = try #require(PolicyRule.builtIn("INFRA-SECRET-006"))
        let report = PolicyEngine(rules: [rule]).evaluate([document])
        #expect(
            report.findings.map(\.message).sorted() == [
                "Token has a literal value", "apiKey has a literal value", "client_secret has a literal value",
                "root_password has a literal value",
            ])
    }

    @Test("an access key id is found only as a whole word")
    func accessKeyShape() throws {
        let rule = try #require(PolicyRule.builtIn("INFRA-SECRET-002"))
        func findings(_ text: String) -> Int {
            let document = PolicyDocument.terraform(
                file: "main.tf.json", ["resource": ["aws_instance": ["a": ["user_data": .string(text)]]]])
            return PolicyEngine(rules: [rule]).evaluate([document]).findings.count
        }
        #expect(findings("key=AKIAIOSFODNN7EXAMPLE") == 1)
        #expect(findings("ASIAIOSFODNN7EXAMPLE") == 1)
        #expect(findings("XAKIAIOSFODNN7EXAMPLE") == 0)
        #expect(findings("AKIAIOSFODNN7EXAMPLEX") == 0)
        #expect(findings("AKIAiosfodnn7example") == 0)
        #expect(findings("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----") == 1)
        #expect(findings("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----") == 0)
    }
}
