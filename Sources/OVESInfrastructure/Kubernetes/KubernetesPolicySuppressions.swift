// The policy findings (InfraPolicy rules) the OVES Kubernetes manifests accept on purpose,
// each with its reason. The checkov findings that remain are listed with their reasons in
// Documentation/OVESReference.md.

import InfraPolicy

extension OVESKubernetes {
    /// Accepted findings of the built-in Kubernetes rules on the OVES manifests.
    ///
    /// ```swift
    /// PolicyEngine(suppressions: OVESReference.policySuppressions + OVESKubernetes.policySuppressions)
    /// ```
    public static var policySuppressions: [PolicySuppression] {
        [
            PolicySuppression(
                rule: "INFRA-K8S-005", resource: "StatefulSet logging/elasticsearch",
                reason: "Elasticsearch writes its keystore and config below its home folder at start-up."),
            PolicySuppression(
                rule: "INFRA-K8S-005", resource: "StatefulSet uptime/uptime-kuma",
                reason: "Uptime Kuma's start script writes below /app; its data is on the volume."),
            PolicySuppression(
                rule: "INFRA-K8S-009", resource: "Namespace kube-system",
                reason:
                    "kube-system belongs to EKS (CoreDNS, VPC CNI, kube-proxy); a default-deny policy there would cut "
                    + "the add-ons off. The Cluster Autoscaler only calls the API server and AWS."),
        ]
    }
}
