// `plan`, `apply` and `destroy` under the real terraform: a two-root infrastructure with a
// cross-root reference against the local AWS endpoint (plan → apply → a plan without changes →
// destroy), a failing root stopping the run, plan's exit code 2, independent roots side by side
// (shown by the logs' timestamps), and the manifest step up to kubectl with a recording stand-in.
// The terraform runs happen as the test run starts (PlanApplyRuns); these tests check their records.

import Foundation
import InfraTestSupport
import Testing

@Suite("plan, apply and destroy", .timeLimit(.minutes(10)))
struct PlanApplyTests {
    /// The runs' records (PlanApplyRuns), after checking that terraform is there (a failure in CI).
    static func runs() async throws -> PlanApplyRuns? {
        guard ExternalTools.terraform() != nil else { return nil }
        return try await PlanApplyRuns.work.value.get()
    }

    @Test(
        "a producer and a consumer plan, apply, plan without changes and destroy against the local AWS endpoint",
        .headStart { PlanApplyRuns.work.start() })
    func crossRootLifecycle() async throws {
        guard ExternalTools.sharedTool("aws-local") != nil, let runs = try await Self.runs() else { return }
        let run = try #require(runs.crossRoot).get()

        // The producer alone: changes planned, exit 2.
        #expect(run.planCode == 2)
        #expect(run.planned.map(\.root) == ["terraform/producer"])
        #expect(PlanApply.row(run.planned, "terraform/producer")?.result == "changes")
        #expect(PlanApply.row(run.planned, "terraform/producer")?.add == 1)

        #expect(run.applyCode == 0)
        // The producer first: the consumer reads its state.
        #expect(run.applied.map(\.root) == ["terraform/producer", "terraform/consumer"])
        #expect(run.applied.map(\.result) == ["applied", "applied"])
        #expect(PlanApply.row(run.applied, "terraform/consumer")?.add == 1)
        #expect(run.consumerState.contains("arn:aws:s3:::orchestrate-produced"))

        #expect(run.replanCode == 0)
        #expect(run.replanned.map(\.result) == ["no changes", "no changes"])
        // Nothing init installs changed since apply: no second init.
        for (root, log) in run.planLogs {
            #expect(log.contains("$ terraform plan") && !log.contains("$ terraform init"), "\(root): \(log)")
        }
        #expect(run.planLogs.count == 2)

        #expect(run.destroyCode == 0)
        // The consumer first: it reads the producer.
        #expect(run.destroyed.map(\.root) == ["terraform/consumer", "terraform/producer"])
        #expect(PlanApply.row(run.destroyed, "terraform/consumer")?.destroy == 1)
        #expect(PlanApply.row(run.destroyed, "terraform/producer")?.destroy == 1)
        #expect(run.consumerDestroy.end <= run.producerDestroy.start)
        // synth still owns only its files: a new synth accepts the logs, state and .terraform next to them.
        #expect(run.synthCode == 0)
    }

    @Test(
        "a failing root stops the run: exit 1, the summary says what ran, nothing new starts",
        .headStart { PlanApplyRuns.work.start() })
    func failureStops() async throws {
        guard let runs = try await Self.runs() else { return }
        let run = try #require(runs.failure).get()
        #expect(run.code == 1)
        #expect(PlanApply.row(run.rows, "terraform/broken")?.result == "failed")
        #expect(PlanApply.row(run.rows, "terraform/fine")?.result == "not run")
        #expect(run.brokenLog.contains("no_such_argument"))
        #expect(!run.fineLogged)
    }

    @Test(
        "independent roots run side by side up to --parallel, one after another with --parallel 1",
        .headStart { PlanApplyRuns.work.start() })
    func parallelism() async throws {
        guard let runs = try await Self.runs() else { return }
        let run = try #require(runs.parallelism).get()
        #expect(run.codes == [2, 2])
        let together = run.together
        #expect(together[0].start < together[1].end && together[1].start < together[0].end, "the runs overlap")
        let alone = run.alone
        #expect(alone[0].end <= alone[1].start, "right starts after left finished")
    }

    @Test(
        "apply writes an owner-only kubeconfig from the cluster root's outputs and runs kubectl apply --server-side",
        .headStart { PlanApplyRuns.work.start() })
    func manifestStep() async throws {
        guard let runs = try await Self.runs() else { return }
        let run = try #require(runs.manifestStep).get()
        #expect(run.code == 0)
        #expect(run.rows.map(\.root) == ["terraform/cluster", "kubernetes/apps"])
        #expect(run.rows.map(\.result) == ["applied", "applied"])
        #expect(
            run.kubectlArguments == [
                "apply", "--server-side", "--field-manager=infra-manifest", "--kubeconfig", run.kubeconfigPath, "-f",
                run.manifestFolder,
            ])
        #expect(run.kubeconfigMode == 0o600)
        // The YAML writer quotes some scalars; compare without the quotes.
        let text = run.kubeconfig.replacingOccurrences(of: "\"", with: "")
        #expect(text.contains("server: \(ClusterInfra.endpoint)"))
        #expect(text.contains("certificate-authority-data: \(ClusterInfra.certificate)"))
        #expect(text.contains("command: /opt/bin/my-infra"))
        for argument in ["eks-token", "--cluster", "demo", "--region", "eu-west-1", "--profile", "ops"] {
            #expect(text.contains("- \(argument)"), "exec argument \(argument)")
        }
        #expect(text.contains("current-context: demo"))
    }

    @Test("a terraform older than 1.7 is refused before any root runs")
    func oldTerraform() async throws {
        let work = try ExternalTools.temporaryDirectory("orchestrate-old")
        defer { try? FileManager.default.removeItem(at: work) }
        let old = work.appendingPathComponent("terraform")
        try "#!/bin/sh\necho '{\"terraform_version\":\"1.6.6\"}'\n".write(to: old, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: old.path)
        let output = work.appendingPathComponent("out")
        let code = try await PlanApply.exitCode(
            IndependentInfra.self, ["plan", "--output", output.path, "--terraform", old.path])
        #expect(code == 1)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".infra-logs").path))
    }

    @Test("apply without a terminal and without --auto-approve refuses before running terraform")
    func applyNeedsApproval() async throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let work = try ExternalTools.temporaryDirectory("orchestrate-approve")
        defer { try? FileManager.default.removeItem(at: work) }
        let code = try await PlanApply.exitCode(
            IndependentInfra.self, ["apply", "--output", work.path, "--terraform", terraform])
        #expect(code == 1)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent(".infra-logs").path))
    }
}
