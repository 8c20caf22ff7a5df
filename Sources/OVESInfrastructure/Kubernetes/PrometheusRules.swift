// The alerting rules both OVES Prometheus servers evaluate (`rules.yml`), one group per source:
// the scrape itself, kube-state-metrics (workloads, HPAs, jobs, nodes), the kubelets' volume
// statistics, cAdvisor (CPU throttling) and node-exporter (filesystems). Thresholds follow the
// kubernetes-mixin's; dev's Alertmanager emails them, prod shows them on `/alerts` only.

/// `rules.yml` of ``PrometheusServer``.
enum PrometheusRules {
    /// The rules file.
    static let file = """
        groups:
          - name: availability
            rules:
              - alert: TargetDown
                expr: up == 0
                for: 5m
                labels:
                  severity: critical
                annotations:
                  summary: "{{ $labels.job }} target {{ $labels.instance }} is down"
          - name: workloads
            rules:
              - alert: KubePodCrashLooping
                expr: max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1
                for: 15m
                labels:
                  severity: warning
                annotations:
                  summary: "{{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is crash-looping"
              - alert: KubeDeploymentReplicasMismatch
                expr: kube_deployment_spec_replicas > kube_deployment_status_replicas_available
                for: 15m
                labels:
                  severity: warning
                annotations:
                  summary: "Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has had fewer available replicas than it asks for for 15 minutes"
              - alert: KubeStatefulSetReplicasMismatch
                expr: kube_statefulset_status_replicas_ready < kube_statefulset_status_replicas
                for: 15m
                labels:
                  severity: warning
                annotations:
                  summary: "StatefulSet {{ $labels.namespace }}/{{ $labels.statefulset }} has had unready replicas for 15 minutes"
              - alert: KubeHpaMaxedOut
                expr: kube_horizontalpodautoscaler_status_current_replicas >= kube_horizontalpodautoscaler_spec_max_replicas
                for: 15m
                labels:
                  severity: warning
                annotations:
                  summary: "HPA {{ $labels.namespace }}/{{ $labels.horizontalpodautoscaler }} has run at its maximum replicas for 15 minutes"
              - alert: KubeJobFailed
                expr: kube_job_failed{condition="true"} == 1
                labels:
                  severity: warning
                annotations:
                  summary: "Job {{ $labels.namespace }}/{{ $labels.job_name }} failed"
              - alert: KubeNodeNotReady
                expr: kube_node_status_condition{condition="Ready",status="true"} == 0
                for: 15m
                labels:
                  severity: warning
                annotations:
                  summary: "Node {{ $labels.node }} has not been ready for 15 minutes"
              - alert: CPUThrottlingHigh
                expr: >-
                  sum by (namespace, pod, container) (increase(container_cpu_cfs_throttled_periods_total{container!=""}[5m]))
                  / sum by (namespace, pod, container) (increase(container_cpu_cfs_periods_total{container!=""}[5m])) > 0.25
                for: 15m
                labels:
                  severity: info
                annotations:
                  summary: "{{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is throttled in more than 25 % of its CPU periods"
          - name: storage
            rules:
              - alert: KubePersistentVolumeFillingUp
                expr: kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.10
                for: 5m
                labels:
                  severity: critical
                annotations:
                  summary: "Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has less than 10 % free"
              - alert: NodeFilesystemAlmostFull
                expr: node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes < 0.10
                for: 15m
                labels:
                  severity: warning
                annotations:
                  summary: "{{ $labels.node }}: {{ $labels.mountpoint }} has less than 10 % free"

        """
}
