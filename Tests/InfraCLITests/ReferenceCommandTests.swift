// The real `infra-manifest` command on the OVES reference, its output captured: `check` runs the
// Kubernetes rules (and says how many), uses the Kubernetes suppressions and warns about an
// unused one; `list`, `graph` and `diff` read the resolved model of both back ends.

import ArgumentParser
import Foundation
import InfraCore
import InfraPolicy
import InfraTestSupport
import OVESInfrastructure
import Testing

@testable import InfraCLI
@testable import infra_manifest

/// Runs `infra-manifest` (the real definition) with `arguments` and returns what it printed.
func runReference(_ arguments: [String]) async throws -> Console.Transcript {
    try await runCaptured(InfraManifest.self, arguments)
}

/// Runs `D`'s command line with `arguments`, collecting its output; a failing exit is rethrown
/// after the transcript is filled.
func runCaptured<D: InfrastructureCommand>(_ type: D.Type, _ arguments: [String]) async throws -> Console.Transcript {
    var failure: (any Error)?
    let transcript = await Console.capturing {
        do { try await run(D.self, arguments) } catch { failure = error }
    }
    if let failure { throw CapturedFailure(error: failure, transcript: transcript) }
    return transcript
}

/// A command that exited with an error, and what it printed until then.
struct CapturedFailure: Error {
    var error: any Error
    var transcript: Console.Transcript
}

/// The OVES definition with one suppression that matches nothing.
struct ReferenceWithStaleSuppression: InfrastructureCommand {
    var body: Infrastructure { InfraManifest().body }
    var policySuppressions: [PolicySuppression] {
        InfraManifest().policySuppressions + [
            PolicySuppression(rule: "INFRA-K8S-008", resource: "Deployment prod/retired", reason: "removed in 2025")
        ]
    }
}

@Suite("infra-manifest on the OVES reference")
struct ReferenceCommandTests {
    @Test("check evaluates the Kubernetes rules, says how many, and uses the Kubernetes suppressions")
    func checkEvaluatesKubernetesRules() async throws {
        let transcript = try await runReference(["check"])
        let summary = try #require(transcript.output.split(separator: "\n").first { $0.hasPrefix("policy: ") })
        let kubernetesRules = PolicyRule.builtIn.filter { $0.format == .kubernetes }.count
        #expect(kubernetesRules > 0)
        #expect(summary.contains("Kubernetes: \(kubernetesRules) rules over 183 objects"), "\(summary)")
        #expect(summary.contains("Terraform: "), "\(summary)")
        // A known OVES finding, accepted by a Kubernetes suppression, is reported with its reason
        // at the object's component path.
        #expect(
            transcript.errors.contains(
                "note: dev/StatefulSet/logging/elasticsearch: INFRA-K8S-005 StatefulSet logging/elasticsearch:"),
            "\(transcript.errors)")
        #expect(!transcript.errors.contains("matched no finding"), "\(transcript.errors)")
        #expect(transcript.output.contains("check: 0 errors"))
    }

    @Test("an unused suppression is a warning naming it; with --env it is a note")
    func unusedSuppressionIsAWarning() async throws {
        let all = try await runCaptured(ReferenceWithStaleSuppression.self, ["check"])
        #expect(
            all.errors.contains(
                "warning: policy: suppression of INFRA-K8S-008 on Deployment prod/retired matched no finding"),
            "\(all.errors)")
        let dev = try await runCaptured(ReferenceWithStaleSuppression.self, ["check", "--env", "dev"])
        #expect(
            dev.errors.contains(
                "note: policy: suppression of INFRA-K8S-008 on Deployment prod/retired matched no finding"))
    }

    @Test("list shows the Terraform blocks and the Kubernetes objects of the model")
    func listShowsBothBackEnds() async throws {
        let transcript = try await runReference(["list", "--json"])
        let lines = transcript.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 178 + 183)
        let account = try #require(lines.first { $0.contains("\"prod/Deployment/account-microservice\"") })
        let entry = try JSONReader.read(account)
        #expect(entry["kind"] == "Deployment")
        #expect(entry["file"] == "kubernetes/prod/prod.yaml")
    }

    @Test("graph draws Kubernetes references between the listed objects")
    func graphDrawsKubernetesEdges() async throws {
        let dot = try await runReference(["graph", "--env", "prod"]).output
        #expect(
            dot.contains(
                #""kubernetes/prod/prod/Service/account-microservice" -> "kubernetes/prod/prod/Deployment/account-microservice";"#
            ), "edges use the objects' node ids")
        #expect(!dot.contains(#"[label="account-microservice"]"#), "no node is drawn twice under a second id")
    }

    @Test("diff compares the blocks of an edited Terraform file with the model")
    func diffNamesChangedBlocks() async throws {
        let dir = try ExternalTools.temporaryDirectory("cli-reference")
        let out = dir.appendingPathComponent("infra.out")
        _ = try await runReference(["synth", "--output", out.path])
        let none = try await runReference(["diff", out.path])
        #expect(none.output.hasPrefix("No changes"))
        let variables = out.appendingPathComponent("terraform/environments/dev/variables.tf.json")
        var document = try JSONReader.read(Array(try Data(contentsOf: variables)))
        guard case .object(var root) = document, case .object(var declared)? = root["variable"] else {
            Issue.record("variables.tf.json has no variable section")
            return
        }
        declared["retired"] = ["type": "string"]
        root["variable"] = .object(declared)
        document = .object(root)
        try Data(JSONWriter().write(document)).write(to: variables)
        let changed = try await runReference(["diff", out.path])
        // The file was edited after synth wrote it, so it is in the way; its blocks are still compared.
        #expect(
            changed.output.contains(
                "! terraform/environments/dev/variables.tf.json: changed since synth wrote it\n    - var.retired\n"),
            "\(changed.output)")
    }
}
