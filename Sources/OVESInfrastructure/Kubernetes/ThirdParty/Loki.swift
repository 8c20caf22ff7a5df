// Loki in dev: single-binary log store with the TSDB index on the local filesystem (an EBS
// volume), 7-day retention enforced by the compactor. Grafana queries it.

import InfraKubernetes

/// Loki: config, StatefulSet, headless Service.
struct Loki {
    /// The namespace.
    var namespace: String

    /// `loki.yaml`.
    static let configuration = """
        auth_enabled: false
        server:
          http_listen_port: 3100
          grpc_listen_port: 9095
        common:
          path_prefix: /loki
          replication_factor: 1
          ring:
            kvstore:
              store: inmemory
          storage:
            filesystem:
              chunks_directory: /loki/chunks
              rules_directory: /loki/rules
        schema_config:
          configs:
            - from: "2024-01-01"
              store: tsdb
              object_store: filesystem
              schema: v13
              index:
                prefix: index_
                period: 24h
        limits_config:
          retention_period: 168h
        compactor:
          working_directory: /loki/compactor
          retention_enabled: true
          delete_request_store: filesystem

        """

    /// Loki as a single-replica StatefulSet.
    var content: StatefulWorkload {
        StatefulWorkload(
            name: "loki", namespace: namespace, image: "grafana/loki:3.1.1",
            ports: [.init(name: "http", port: 3100), .init(name: "grpc", port: 9095)], storage: "50Gi",
            mountPath: "/loki", resources: .medium,
            security: WorkloadSecurity(user: 10001, group: 10001, fsGroup: 10001),
            health: .http(path: "/ready", port: "http"), args: ["-config.file=/etc/loki/loki.yaml"],
            config: ConfigFiles(name: "loki-config", mountPath: "/etc/loki", files: ["loki.yaml": Self.configuration]))
    }
}
