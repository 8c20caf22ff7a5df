// The shared services of the seed's diagram: the audit trail (main.tf.json), Route53 for
// cn.omnivoltaic.com (route53.tf.json; the production cluster's external-dns writes its host
// records) and CloudWatch/SNS alerting (cloudwatch.tf.json).

import InfraAWS
import InfraCore
import InfraTerraform

/// Audit, Route53 and CloudWatch content of the shared root.
public enum OVESSharedServices {
    /// The Route53 zone for China access. Its host records (`api`, `www`) are written by the
    /// production cluster's external-dns (EKS add-on) as aliases of the NGINX load balancer, so the
    /// root needs no load balancer name; Terraform keeps only the CAA record.
    public static var chinaZone: HostedZone {
        HostedZone(
            "cn", domain: OVESSettings.chinaZone,
            records: [
                DNSRecord("@", type: .caa, ttl: 3600, values: ["0 issue \"letsencrypt.org\""])
            ],
            comment: "China-accessible domains (Cloudflare serves the rest of omnivoltaic.com)", file: "route53")
    }

    /// Alerting for the production cluster.
    public static func alarms(tags: [String: String]) -> Alarms {
        let cluster = ["ClusterName": OVESSettings.prodClusterName]
        return Alarms(
            "alerts", topicName: "oves-alerts", emailSubscribers: [OVESSettings.alertEmail],
            logGroups: ["/oves/prod/applications": 365, "/oves/dev/applications": 30],
            alarms: [
                MetricAlarm(
                    "oves-prod-node-cpu-high", namespace: "ContainerInsights", metric: "node_cpu_utilization",
                    dimensions: cluster, threshold: 80,
                    description: "Production nodes above 80% CPU (autoscaler scale-up threshold)"),
                MetricAlarm(
                    "oves-prod-node-memory-high", namespace: "ContainerInsights", metric: "node_memory_utilization",
                    dimensions: cluster, threshold: 80, description: "Production nodes above 80% memory"),
                MetricAlarm(
                    "oves-prod-failed-nodes", namespace: "ContainerInsights", metric: "cluster_failed_node_count",
                    dimensions: cluster, statistic: "Maximum", threshold: 0, evaluationPeriods: 2, period: 60,
                    description: "A production node is failing"),
            ], file: "cloudwatch", tags: tags)
    }

    /// The shared services.
    public static func content(tags: [String: String]) -> [any StackContent] {
        [
            chinaZone,
            alarms(tags: tags),
            AuditTrail(
                "audit", trailName: "oves-audit", bucketName: "oves-cloudtrail-logs", logBucket: OVESSettings.logBucket,
                tags: tags),
        ]
    }
}
