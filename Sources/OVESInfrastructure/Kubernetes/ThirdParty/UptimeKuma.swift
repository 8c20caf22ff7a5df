// Uptime Kuma in dev: checks the public endpoints from inside the cluster and serves a
// status page at status.dev.omnivoltaic.com; its SQLite database lives on an EBS volume.

import InfraKubernetes

/// Uptime Kuma: StatefulSet, headless Service, Ingress.
struct UptimeKuma {
    /// The namespace.
    var namespace: String
    /// The environment (for the host name).
    var environment: OVESEnvironment

    /// Everything Uptime Kuma needs.
    var content: ObjectGroup {
        ObjectGroup {
            StatefulWorkload(
                name: "uptime-kuma", namespace: namespace, image: "louislam/uptime-kuma:1.23.13",
                ports: [.init(name: "http", port: 3001)], storage: "5Gi", mountPath: "/app/data", resources: .small,
                // The image's start script writes below /app; the data itself is on the volume.
                security: WorkloadSecurity(user: 1000, group: 1000, fsGroup: 1000, readOnlyRootFilesystem: false),
                health: .tcp(port: "http"), env: [.plain("UPTIME_KUMA_PORT", "3001")])
            IngressRoute(
                name: "uptime-kuma", namespace: namespace, host: environment.hostName("status"),
                tlsSecretName: "status-tls", paths: [.init("/", service: "uptime-kuma", port: 3001)], rateLimit: 50)
        }
    }
}
