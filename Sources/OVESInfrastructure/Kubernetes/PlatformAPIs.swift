// Where the custom resource kinds the OVES manifests use come from: API groups served by an EKS
// add-on (installed by Terraform, so their CRDs are not in the Kubernetes output) and CRDs the
// output vendors itself (VPA). Tests check every custom resource of the model against this list.

import InfraKubernetes

extension OVESKubernetes {
    /// API groups served by an EKS add-on of both clusters, with the add-on's name.
    ///
    /// ```swift
    /// OVESKubernetes.addOnAPIGroups["cert-manager.io"]   // "cert-manager"
    /// ```
    public static let addOnAPIGroups: [String: String] = [
        "cert-manager.io": "cert-manager", "acme.cert-manager.io": "cert-manager", "metrics.k8s.io": "metrics-server",
        "secrets-store.csi.x-k8s.io": "aws-secrets-store-csi-driver-provider",
    ]
}

/// The Vertical Pod Autoscaler CRDs (upstream 1.7.1, vendored in Vendor/vertical-pod-autoscaler):
/// VPA is no EKS add-on, so the clusters' VerticalPodAutoscalers bring their CRD along.
struct VerticalPodAutoscalerCRDs {
    /// VerticalPodAutoscaler and VerticalPodAutoscalerCheckpoint.
    var content: Include { Include(resource: "Vendor/vertical-pod-autoscaler/vpa-v1-crd-gen.yaml", in: .module) }
}
