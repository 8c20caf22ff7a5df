// What makes the OVES VerticalPodAutoscalers act: upstream's CRDs (vendored, 1.7.1) and the
// recommender, updater and admission controller of the same release in kube-system, the webhook
// certificate issued by cert-manager (an EKS add-on of both clusters).

import InfraKubernetes

/// The VPA CRDs and components of one OVES cluster.
struct VerticalPodAutoscalerPlatform {
    /// The components. The recommender keeps its history in VerticalPodAutoscalerCheckpoints (its
    /// default): no OVES Prometheus scrapes cAdvisor (`container_*` series) for `--storage=prometheus`.
    var components: VerticalPodAutoscalerComponents { VerticalPodAutoscalerComponents() }

    /// CRDs first, then the components.
    var content: ObjectGroup {
        ObjectGroup {
            VerticalPodAutoscalerCRDs().content
            components
        }
    }
}
