// The terraform runs of the plan/apply tests, one after another in one head-started task
// (`HeadStartWork(async:)`): each run drives the CLI in-process and records what it observed, and
// the tests check the records. In a full run, the same commands awaited from inside the tests
// resumed only behind every test queued on the cooperative pool before them: their first plan
// started about 160 s into the run, and the suite ended the run 25–30 s after everything else.

import Foundation
import InfraTestSupport

/// What the runs observed, each run's own result (one failing does not stop the others).
struct PlanApplyRuns: Sendable {
    /// `nil` when terraform or aws-local is missing (the test then records it in CI).
    var crossRoot: Result<CrossRoot, any Error>?
    var failure: Result<Failure, any Error>?
    var parallelism: Result<Parallelism, any Error>?
    var manifestStep: Result<ManifestStep, any Error>?

    /// All four runs, started as the test run is planned.
    static let work = HeadStartWork<PlanApplyRuns>(async: { await PlanApplyRuns.run() })

    static func run() async -> PlanApplyRuns {
        guard let terraform = ExternalTools.terraformPath else { return PlanApplyRuns() }
        var runs = PlanApplyRuns()
        if let tool = ExternalTools.sharedToolPath("aws-local") {
            runs.crossRoot = await result { try await CrossRoot.run(terraform: terraform, awsLocal: tool) }
        }
        runs.failure = await result { try await Failure.run(terraform: terraform) }
        runs.parallelism = await result { try await Parallelism.run(terraform: terraform) }
        runs.manifestStep = await result { try await ManifestStep.run(terraform: terraform) }
        return runs
    }

    private static func result<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    /// A producer and a consumer against a private moto: plan the producer, apply both, plan
    /// both, destroy both, synth again.
    struct CrossRoot: Sendable {
        var planCode: Int32
        var planned: [PlanApply.Row]
        var applyCode: Int32
        var applied: [PlanApply.Row]
        var consumerState: String
        var replanCode: Int32
        var replanned: [PlanApply.Row]
        /// Each root's plan.log after the second plan.
        var planLogs: [String: String]
        var destroyCode: Int32
        var destroyed: [PlanApply.Row]
        var consumerDestroy: (start: Date, end: Date)
        var producerDestroy: (start: Date, end: Date)
        var synthCode: Int32

        static func run(terraform: String, awsLocal: String) async throws -> CrossRoot {
            let work = try ExternalTools.temporaryDirectory("orchestrate-cross")
            defer { try? FileManager.default.removeItem(at: work) }
            let moto = try PrivateMoto.start(tool: awsLocal, state: work.appendingPathComponent("moto"))
            defer { moto.stop() }
            try "[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n".write(
                to: CrossRootInfra.credentialsFile, atomically: true, encoding: .utf8)
            let output = work.appendingPathComponent("out")
            let common = ["--output", output.path, "--terraform", terraform, "--endpoint-url", moto.endpoint]
            func code(_ arguments: [String]) async throws -> Int32 {
                try await PlanApply.exitCode(CrossRootInfra.self, arguments)
            }
            let planCode = try await code(["plan", "--env", "producer"] + common)
            let planned = try PlanApply.summary(output, "plan")
            let applyCode = try await code(["apply", "--auto-approve"] + common)
            let applied = try PlanApply.summary(output, "apply")
            let consumerState = try String(
                contentsOf: output.appendingPathComponent("terraform/consumer/terraform.tfstate"), encoding: .utf8)
            let replanCode = try await code(["plan"] + common)
            let replanned = try PlanApply.summary(output, "plan")
            var planLogs: [String: String] = [:]
            for root in ["producer", "consumer"] {
                planLogs[root] = try String(
                    contentsOf: output.appendingPathComponent(".infra-logs/terraform/\(root)/plan.log"),
                    encoding: .utf8)
            }
            let destroyCode = try await code(["destroy", "--auto-approve"] + common)
            let destroyed = try PlanApply.summary(output, "destroy")
            let logs = output.appendingPathComponent(".infra-logs/terraform")
            let consumerDestroy = try PlanApply.interval(logs.appendingPathComponent("consumer/destroy.log"))
            let producerDestroy = try PlanApply.interval(logs.appendingPathComponent("producer/destroy.log"))
            let synthCode = try await code(["synth", "--output", output.path])
            return CrossRoot(
                planCode: planCode, planned: planned, applyCode: applyCode, applied: applied,
                consumerState: consumerState, replanCode: replanCode, replanned: replanned, planLogs: planLogs,
                destroyCode: destroyCode, destroyed: destroyed, consumerDestroy: consumerDestroy,
                producerDestroy: producerDestroy, synthCode: synthCode)
        }
    }

    /// A plan with `--parallel 1` where the first root fails.
    struct Failure: Sendable {
        var code: Int32
        var rows: [PlanApply.Row]
        var brokenLog: String
        var fineLogged: Bool

        static func run(terraform: String) async throws -> Failure {
            let work = try ExternalTools.temporaryDirectory("orchestrate-fail")
            defer { try? FileManager.default.removeItem(at: work) }
            let code = try await PlanApply.exitCode(
                FailingInfra.self, ["plan", "--output", work.path, "--terraform", terraform, "--parallel", "1"])
            let logs = work.appendingPathComponent(".infra-logs/terraform")
            return Failure(
                code: code, rows: try PlanApply.summary(work, "plan"),
                brokenLog: try String(contentsOf: logs.appendingPathComponent("broken/plan.log"), encoding: .utf8),
                fineLogged: FileManager.default.fileExists(atPath: logs.appendingPathComponent("fine").path))
        }
    }

    /// Two independent roots planned with `--parallel 2`, then with `--parallel 1`.
    struct Parallelism: Sendable {
        var codes: [Int32]
        /// The left and right plan logs' first and last timestamps.
        var together: [(start: Date, end: Date)]
        var alone: [(start: Date, end: Date)]

        static func run(terraform: String) async throws -> Parallelism {
            let work = try ExternalTools.temporaryDirectory("orchestrate-parallel")
            defer { try? FileManager.default.removeItem(at: work) }
            var codes: [Int32] = []
            func intervals(_ parallel: Int) async throws -> [(start: Date, end: Date)] {
                let output = work.appendingPathComponent("p\(parallel)")
                codes.append(
                    try await PlanApply.exitCode(
                        IndependentInfra.self,
                        ["plan", "--output", output.path, "--terraform", terraform, "--parallel", String(parallel)]))
                return try ["left", "right"].map {
                    try PlanApply.interval(output.appendingPathComponent(".infra-logs/terraform/\($0)/plan.log"))
                }
            }
            let together = try await intervals(2)
            let alone = try await intervals(1)
            return Parallelism(codes: codes, together: together, alone: alone)
        }
    }

    /// An apply of a cluster root and a manifest, with a stand-in kubectl that records its arguments.
    struct ManifestStep: Sendable {
        var code: Int32
        var rows: [PlanApply.Row]
        var kubectlArguments: [String]
        var kubeconfigPath: String
        var kubeconfigMode: Int?
        var kubeconfig: String
        var manifestFolder: String

        static func run(terraform: String) async throws -> ManifestStep {
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
                    "apply", "--auto-approve", "--output", output.path, "--terraform", terraform, "--kubectl",
                    kubectl.path, "--token-command", "/opt/bin/my-infra", "--profile", "ops",
                ])
            let kubeconfig = output.appendingPathComponent(".infra-logs/kubernetes/apps/kubeconfig")
            return ManifestStep(
                code: code, rows: try PlanApply.summary(output, "apply"),
                kubectlArguments: try String(contentsOf: record, encoding: .utf8).split(separator: "\n").map(
                    String.init),
                kubeconfigPath: kubeconfig.path,
                kubeconfigMode: try FileManager.default.attributesOfItem(atPath: kubeconfig.path)[.posixPermissions]
                    as? Int,
                kubeconfig: try String(contentsOf: kubeconfig, encoding: .utf8),
                manifestFolder: output.appendingPathComponent("kubernetes/apps").path)
        }
    }
}
