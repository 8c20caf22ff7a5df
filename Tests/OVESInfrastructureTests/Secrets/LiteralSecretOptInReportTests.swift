// `check` reports every `allowLiteralSecret(reason:)` opt-in with its reason, at the Secret's
// component path: a manifest with one is synthesized and the built-in rules run over its
// resolved model, as `check` does (the objects carry their component paths).

import InfraCore
import InfraKubernetes
import InfraPolicy
import Testing

@Suite("Literal Secret opt-ins are reported")
struct LiteralSecretOptInReportTests {
    @Test("an opt-in is a finding with its reason at the component path; a literal Secret without one is an error")
    func reported() throws {
        let manifest = Manifest("fixtures", namespace: "ci") {
            Secret(metadata: .init(name: "fake-db"), stringData: ["password": "not-a-real-password"])
                .allowLiteralSecret(reason: "fake credentials for the CI kind cluster")
        }
        let result = manifest.synthesize()
        try #require(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let report = PolicyEngine().evaluate(result.model)
        #expect(report.coverage.first { $0.format == .kubernetes }?.documents == 1)
        let diagnostics = report.diagnostics
        let optIn = try #require(diagnostics.first { $0.message.hasPrefix("INFRA-SECRET-004") })
        #expect(optIn.path.description == "fixtures/Secret/fake-db")
        #expect(optIn.severity == .warning)
        #expect(optIn.message.contains("fake credentials for the CI kind cluster"))
        #expect(!diagnostics.contains { $0.message.hasPrefix("INFRA-SECRET-003") })

        // The same object without the opt-in, as documents that bypassed validation.
        let bare = UnstructuredObject(
            apiVersion: "v1", kind: "Secret", metadata: .init(name: "fake-db", namespace: "ci"),
            fields: ["stringData": ["password": "not-a-real-password"]])
        let bareReport = PolicyEngine().evaluate([.kubernetes(file: "kubernetes/ci.yaml", bare.renderValue())])
        #expect(bareReport.findings(rule: "INFRA-SECRET-003").map(\.resource) == ["Secret ci/fake-db"])
    }
}
