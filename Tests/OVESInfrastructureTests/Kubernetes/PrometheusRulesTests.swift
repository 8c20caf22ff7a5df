// The alerting rules both clusters' Prometheus evaluate, checked by Prometheus' own promtool on
// the synthesized `rules.yml`: `check rules` parses every expression and template, and `test rules`
// feeds series in and expects each alert to fire with its labels and summary, or to stay quiet.
// promtool comes from Debian's `prometheus` package (`.ci/run` installs it, `PROMTOOL` overrides
// the path); missing, the tests fail under CI=true.

import Foundation
import InfraTestSupport
import Testing

@Suite("OVES monitoring: the alerting rules, checked and exercised by promtool")
struct PrometheusRulesTests {
    typealias Cluster = MonitoringScrapeTests.Cluster

    /// The `promtool` executable, or `nil` (recorded as a failure in CI).
    static func promtool() -> String? {
        let path = ProcessInfo.processInfo.environment["PROMTOOL"] ?? ExternalTools.which("promtool")
        return ExternalTools.require("promtool", at: path) ? path : nil
    }

    /// `rules.yml` of the cluster's Prometheus, written to a fresh folder.
    static func rulesFile(_ cluster: Cluster) throws -> URL {
        let documents = try MonitoringScrapeTests.documents(cluster)
        let config = try #require(
            MonitoringScrapeTests.named("ConfigMap", "prometheus-config", namespace: "monitoring", in: documents))
        let text = try #require((config["data"] as? [String: Any])?["rules.yml"] as? String)
        let file = try ExternalTools.temporaryDirectory("prometheus-rules").appendingPathComponent("rules.yml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("promtool accepts every rule of both clusters", arguments: Cluster.allCases)
    func check(cluster: Cluster) throws {
        guard let promtool = Self.promtool() else { return }
        let file = try Self.rulesFile(cluster)
        let output = try ExternalTools.run(promtool, ["check", "rules", file.path])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("SUCCESS: 10 rules found"), "\(output.stdout)")
    }

    /// promtool unit tests: one-minute samples from time 0, alerts evaluated at `eval_time`.
    static let unitTests = """
        rule_files: [rules.yml]
        evaluation_interval: 30s
        tests:
          - interval: 1m
            input_series:
              - series: 'up{job="kube-state-metrics", instance="10.10.1.5:8080"}'
                values: '0x10'
              - series: 'up{job="node-exporter", instance="10.10.1.6:9100"}'
                values: '1x10'
              - series: 'kube_pod_container_status_waiting_reason{namespace="prod", pod="auth-0", container="auth", reason="CrashLoopBackOff"}'
                values: '1x20'
              - series: 'kube_deployment_spec_replicas{namespace="prod", deployment="thing-microservice"}'
                values: '3x20'
              - series: 'kube_deployment_status_replicas_available{namespace="prod", deployment="thing-microservice"}'
                values: '3x20'
              - series: 'kube_horizontalpodautoscaler_status_current_replicas{namespace="prod", horizontalpodautoscaler="account-microservice-hpa"}'
                values: '10x20'
              - series: 'kube_horizontalpodautoscaler_spec_max_replicas{namespace="prod", horizontalpodautoscaler="account-microservice-hpa"}'
                values: '10x20'
              - series: 'kube_job_failed{namespace="databases", job_name="mongodb-backup-29420000", condition="true"}'
                values: '1x5'
              - series: 'kube_job_failed{namespace="databases", job_name="mongodb-backup-29420000", condition="false"}'
                values: '0x5'
              - series: 'container_cpu_cfs_throttled_periods_total{namespace="prod", pod="client-0", container="client"}'
                values: '0+50x20'
              - series: 'container_cpu_cfs_periods_total{namespace="prod", pod="client-0", container="client"}'
                values: '0+100x20'
              - series: 'kubelet_volume_stats_available_bytes{namespace="monitoring", persistentvolumeclaim="data-prometheus-0"}'
                values: '5x10'
              - series: 'kubelet_volume_stats_capacity_bytes{namespace="monitoring", persistentvolumeclaim="data-prometheus-0"}'
                values: '100x10'
            alert_rule_test:
              - eval_time: 6m
                alertname: TargetDown
                exp_alerts:
                  - exp_labels: {severity: critical, job: kube-state-metrics, instance: "10.10.1.5:8080"}
                    exp_annotations: {summary: "kube-state-metrics target 10.10.1.5:8080 is down"}
              - eval_time: 16m
                alertname: KubePodCrashLooping
                exp_alerts:
                  - exp_labels: {severity: warning, namespace: prod, pod: auth-0, container: auth, reason: CrashLoopBackOff}
                    exp_annotations: {summary: "prod/auth-0 (auth) is crash-looping"}
              - eval_time: 16m
                alertname: KubeDeploymentReplicasMismatch
                exp_alerts: []
              - eval_time: 16m
                alertname: KubeHpaMaxedOut
                exp_alerts:
                  - exp_labels: {severity: warning, namespace: prod, horizontalpodautoscaler: account-microservice-hpa}
                    exp_annotations:
                      summary: "HPA prod/account-microservice-hpa has run at its maximum replicas for 15 minutes"
              - eval_time: 2m
                alertname: KubeJobFailed
                exp_alerts:
                  - exp_labels:
                      {severity: warning, namespace: databases, job_name: mongodb-backup-29420000, condition: "true"}
                    exp_annotations: {summary: "Job databases/mongodb-backup-29420000 failed"}
              - eval_time: 20m
                alertname: CPUThrottlingHigh
                exp_alerts:
                  - exp_labels: {severity: info, namespace: prod, pod: client-0, container: client}
                    exp_annotations:
                      summary: "prod/client-0 (client) is throttled in more than 25 % of its CPU periods"
              - eval_time: 6m
                alertname: KubePersistentVolumeFillingUp
                exp_alerts:
                  - exp_labels: {severity: critical, namespace: monitoring, persistentvolumeclaim: data-prometheus-0}
                    exp_annotations: {summary: "Volume monitoring/data-prometheus-0 has less than 10 % free"}

        """

    @Test("the alerts fire on the series they describe, with their labels and summaries", arguments: Cluster.allCases)
    func alertsFire(cluster: Cluster) throws {
        guard let promtool = Self.promtool() else { return }
        let folder = try Self.rulesFile(cluster).deletingLastPathComponent()
        let tests = folder.appendingPathComponent("rules-test.yml")
        try Self.unitTests.write(to: tests, atomically: true, encoding: .utf8)
        let output = try ExternalTools.run(promtool, ["test", "rules", tests.lastPathComponent], in: folder)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    }

    @Test("the unit tests can fail: an alert expected where none fires is reported")
    func unitTestsCanFail() throws {
        guard let promtool = Self.promtool() else { return }
        let folder = try Self.rulesFile(.prod).deletingLastPathComponent()
        let tests = folder.appendingPathComponent("rules-test.yml")
        let wrong = Self.unitTests.replacingOccurrences(
            of: "alertname: KubeDeploymentReplicasMismatch\n        exp_alerts: []",
            with: """
                alertname: KubeDeploymentReplicasMismatch
                        exp_alerts:
                          - exp_labels: {severity: warning, namespace: prod, deployment: thing-microservice}
                """)
        #expect(wrong != Self.unitTests)
        try wrong.write(to: tests, atomically: true, encoding: .utf8)
        let output = try ExternalTools.run(promtool, ["test", "rules", tests.lastPathComponent], in: folder)
        #expect(output.status != 0, "\(output.stdout)")
    }
}
