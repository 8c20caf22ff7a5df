// The EKS add-ons of the OVES clusters, at the versions pinned in `EKSAddon.pinnedVersions`:
// the core add-ons with NetworkPolicies enforced by the VPC CNI (seed §3), metrics for HPAs and
// Prometheus, cert-manager, Container Insights with its own IRSA role, the Secrets Store CSI
// driver with the AWS provider (workload Secrets from Secrets Manager), and in production
// external-dns, so the Route53 zone cn.omnivoltaic.com follows the hosts the cluster serves.

import InfraAWS

/// The add-ons of the OVES clusters.
public enum OVESAddons {
    /// The add-ons both clusters run.
    public static var all: [EKSAddon] {
        EKSAddon.core + [
            .metricsServer(), .kubeStateMetrics(), .prometheusNodeExporter(), .certManager(),
            .cloudWatchObservability(), .secretsStoreCSIDriver(),
        ]
    }

    /// external-dns for the Route53 zone: only production serves China names. `sync` rather than
    /// `upsert-only`: records of a removed host are deleted instead of pointing at a load balancer
    /// that no longer exists, and the TXT registry (owner = the cluster) keeps its hands off records
    /// it did not create (the zone's CAA record, the NS delegation in Cloudflare).
    public static var chinaDNS: EKSAddon {
        .externalDNS(domains: [OVESSettings.chinaZone], ownerID: OVESSettings.prodClusterName, policy: .sync)
    }

    /// Every add-on of one environment's cluster.
    public static func addons(for environment: OVESEnvironment) -> [EKSAddon] {
        switch environment {
        case .prod: all + [chinaDNS]
        case .dev: all
        }
    }
}
