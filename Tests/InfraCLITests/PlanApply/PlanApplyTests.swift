// `plan`, `apply` and `destroy` under the real terraform: a two-root infrastructure with a
// cross-root reference against the local AWS endpoint (plan → apply → a plan without changes →
// destroy), a failing root stopping the run, plan's exit code 2, independent roots side by side
// (shown by the logs' timestamps), and the manifest step up to kubectl with a recording stand-in.

import Foundation
import InfraTestSupport
import Testing

@Suite("plan, apply and destroy", .serialized, .timeLimit(.minutes(10)))
struct PlanApplyTests {
    @Test("a producer and a consumer plan, apply, plan without changes and destroy against the local AWS endpoint")
    func crossRootLifecycle() async throws {
        guard let terraform = ExternalTools.terraform(), let tool = ExternalTools.sharedTool("aws-local") else {
            return
        }
        let work = try ExternalTools.temporaryDirectory("orchestrate-cross")
        defer { try? FileManager.default.removeItem(at: work) }
        let moto = try PlanApply.Moto.start(tool: tool, state: work.appendingPathComponent("moto"))
        defer { moto.stop() }
        try "[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n".write(
            to: CrossRootInfra.credentialsFile, atomically: true, encoding: .utf8)
        let output = work.appendingPathComponent("out")
        let common = ["--output", output.path, "--terraform", terraform, "--endpoint-url", moto.endpoint]

        // The producer alone: changes planned, exit 2.
        #expect(try await PlanApply.exitCode(CrossRootInfra.self, ["plan", "--env", "producer"] + common) == 2)
        let planned = try PlanApply.summary(output, "plan")
        #expect(planned.map { $0["root"] as? String } == ["terraform/producer"])
        #expect(PlanApply.row(planned, "terraform/producer")["result"] as? String == "changes")
        #expect(PlanApply.row(planned, "terraform/producer")["add"] as? Int == 1)

        #expect(try await PlanApply.exitCode(CrossRootInfra.self, ["apply", "--auto-approve"] + common) == 0)
        let applied = try PlanApply.summary(output, "apply")
        // The producer first: the consumer reads its state.
        #expect(applied.map { $0["root"] as? String } == ["terraform/producer", "terraform/consumer"])
        #expect(applied.map { $0["result"] as? String } == ["applied", "applied"])
        #expect(PlanApply.row(applied, "terraform/consumer")["add"] as? Int == 1)
        let state = try String(
            contentsOf: output.appendingPathComponent("terraform/consumer/terraform.tfstate"), encoding: .utf8)
        #expect(state.contains("arn:aws:s3:::orchestrate-produced"))

        #expect(try await PlanApply.exitCode(CrossRootInfra.self, ["plan"] + common) == 0)
        #expect(try PlanApply.summary(output, "plan").map { $0["result"] as? String } == ["no changes", "no changes"])
        // Nothing init installs changed since apply: no second init.
        for root in ["producer", "consumer"] {
            let log = try String(
                contentsOf: output.appendingPathComponent(".infra-logs/terraform/\(root)/plan.log"), encoding: .utf8)
            #expect(log.contains("$ terraform plan") && !log.contains("$ terraform init"), "\(root): \(log)")
        }

        #expect(try await PlanApply.exitCode(CrossRootInfra.self, ["destroy", "--auto-approve"] + common) == 0)
        let destroyed = try PlanApply.summary(output, "destroy")
        // The consumer first: it reads the producer.
        #expect(destroyed.map { $0["root"] as? String } == ["terraform/consumer", "terraform/producer"])
        #expect(PlanApply.row(destroyed, "terraform/consumer")["destroy"] as? Int == 1)
        #expect(PlanApply.row(destroyed, "terraform/producer")["destroy"] as? Int == 1)
        let consumerLog = try PlanApply.interval(
            output.appendingPathComponent(".infra-logs/terraform/consumer/destroy.log"))
        let producerLog = try PlanApply.interval(
            output.appendingPathComponent(".infra-logs/terraform/producer/destroy.log"))
        #expect(consumerLog.end <= producerLog.start)
        // synth still owns only its files: a new synth accepts the logs, state and .terraform next to them.
        #expect(try await PlanApply.exitCode(CrossRootInfra.self, ["synth", "--output", output.path]) == 0)
    }

    @Test("a failing root stops the run: exit 1, the summary says what ran, nothing new starts")
    func failureStops() async throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let work = try ExternalTools.temporaryDirectory("orchestrate-fail")
        defer { try? FileManager.default.removeItem(at: work) }
        let code = try await PlanApply.exitCode(
            FailingInfra.self, ["plan", "--output", work.path, "--terraform", terraform, "--parallel", "1"])
        #expect(code == 1)
        let rows = try PlanApply.summary(work, "plan")
        #expect(PlanApply.row(rows, "terraform/broken")["result"] as? String == "failed")
        #expect(PlanApply.row(rows, "terraform/fine")["result"] as? String == "not run")
        let log = try String(
            contentsOf: work.appendingPathComponent(".infra-logs/terraform/broken/plan.log"), encoding: .utf8)
        #expect(log.contains("no_such_argument"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent(".infra-logs/terraform/fine").path))
    }

    @Test("independent roots run side by side up to --parallel, one after another with --parallel 1")
    func parallelism() async throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let work = try ExternalTools.temporaryDirectory("orchestrate-parallel")
        defer { try? FileManager.default.removeItem(at: work) }
        func intervals(_ parallel: Int) async throws -> [(start: Date, end: Date)] {
            let output = work.appendingPathComponent("p\(parallel)")
            let code = try await PlanApply.exitCode(
                IndependentInfra.self,
                ["plan", "--output", output.path, "--terraform", terraform, "--parallel", String(parallel)])
            #expect(code == 2)
            return try ["left", "right"].map {
                try PlanApply.interval(output.appendingPathComponent(".infra-logs/terraform/\($0)/plan.log"))
            }
        }
        let together = try await intervals(2)
        #expect(together[0].start < together[1].end && together[1].start < together[0].end, "the runs overlap")
        let alone = try await intervals(1)
        #expect(alone[0].end <= alone[1].start, "right starts after left finished")
    }

    @Test("apply writes an owner-only kubeconfig from the cluster root's outputs and runs kubectl apply --server-side")
    func manifestStep() async throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let work = try ExternalTools.temporaryDirectory("orchestrate-kubectl")
        defer { try? FileManager.default.removeItem(at: work) }
        // No Kubernetes API server exists here: a stand-in kubectl records how it was called.
        let record = work.appendingPathComponent("kubectl-arguments")
        let kubectl = work.appendingPathComponent("kubectl")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(record.path)'\n".write(
            to: kubectl, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: kubectl.path)
        let output = work.appendingPathComponent("out")
        let code = try await PlanApply.exitCode(
            ClusterInfra.self,
            [
                "apply", "--auto-approve", "--output", output.path, "--terraform", terraform, "--kubectl", kubectl.path,
                "--token-command", "/opt/bin/my-infra", "--profile", "ops",
            ])
        #expect(code == 0)
        let rows = try PlanApply.summary(output, "apply")
        #expect(rows.map { $0["root"] as? String } == ["terraform/cluster", "kubernetes/apps"])
        #expect(rows.map { $0["result"] as? String } == ["applied", "applied"])

        let kubeconfig = output.appendingPathComponent(".infra-logs/kubernetes/apps/kubeconfig")
        let arguments = try String(contentsOf: record, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(
            arguments == [
                "apply", "--server-side", "--field-manager=infra-manifest", "--kubeconfig", kubeconfig.path, "-f",
                output.appendingPathComponent("kubernetes/apps").path,
            ])
        let mode = try FileManager.default.attributesOfItem(atPath: kubeconfig.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The YAML writer quotes some scalars; compare without the quotes.
        let text = try String(contentsOf: kubeconfig, encoding: .utf8).replacingOccurrences(of: "\"", with: "")
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
