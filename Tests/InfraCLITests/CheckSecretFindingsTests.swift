// `check` reports the secret rules' Kubernetes findings: a Secret opted in with
// `allowLiteralSecret(reason:)` is a warning with its reason at the Secret's component path,
// which needs `check` to evaluate the Kubernetes objects of the resolved model.

import InfraCore
import InfraKubernetes
import Testing

@testable import InfraCLI

/// A manifest with one literal Secret, opted in for a CI fixture.
struct LiteralSecretFixture: InfrastructureCommand {
    var body: Infrastructure {
        Infrastructure {
            Manifest("fixtures", namespace: "ci") {
                Secret(metadata: .init(name: "fake-db"), stringData: ["password": "not-a-real-password"])
                    .allowLiteralSecret(reason: "fake credentials for the CI kind cluster")
            }
        }
    }
}

@Suite("check reports secret findings on Kubernetes objects")
struct CheckSecretFindingsTests {
    @Test("a literal Secret's opt-in is a warning with its reason at the Secret's component path")
    func optInIsReported() async throws {
        let transcript = try await runCaptured(LiteralSecretFixture.self, ["check"])
        let warning = try #require(
            transcript.errors.split(separator: "\n").first { $0.contains("INFRA-SECRET-004") },
            "\(transcript.errors)")
        #expect(warning.hasPrefix("warning: fixtures/Secret/fake-db: INFRA-SECRET-004 Secret ci/fake-db"), "\(warning)")
        #expect(warning.contains("fake credentials for the CI kind cluster"))
        #expect(!warning.contains("not-a-real-password"), "the value is never printed")
        #expect(!transcript.errors.contains("INFRA-SECRET-003"), "the opt-in accepts the literal Secret")
        #expect(transcript.output.contains("Kubernetes: "), "\(transcript.output)")
        #expect(transcript.output.contains("check: 0 errors, 1 warning"), "\(transcript.output)")
    }
}
