// The EKS add-ons of both OVES clusters, at the versions pinned in `EKSAddon.pinnedVersions`:
// the core add-ons with NetworkPolicies enforced by the VPC CNI (seed §3), metrics for HPAs and
// Prometheus, cert-manager, and Container Insights with its own IRSA role.

import InfraAWS

/// The add-ons of the OVES clusters.
public enum OVESAddons {
    /// Every add-on of a cluster (the same in prod and dev).
    public static var all: [EKSAddon] {
        EKSAddon.core + [
            .metricsServer(), .kubeStateMetrics(), .prometheusNodeExporter(), .certManager(),
            .cloudWatchObservability(),
        ]
    }
}
