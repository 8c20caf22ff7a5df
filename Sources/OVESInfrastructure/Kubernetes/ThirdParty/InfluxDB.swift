// InfluxDB 2 in dev: time-series store for device telemetry, initialised on first start
// (org `oves`, bucket `telemetry`) with the admin user and token from a Secret.

import InfraKubernetes

/// InfluxDB: StatefulSet and headless Service.
struct InfluxDB {
    /// The namespace.
    var namespace: String

    /// InfluxDB as a single-replica StatefulSet.
    var content: StatefulWorkload {
        StatefulWorkload(
            name: "influxdb", namespace: namespace, image: "influxdb:2.7.8",
            ports: [.init(name: "http", port: 8086)], storage: "50Gi", mountPath: "/var/lib/influxdb2",
            resources: .medium, security: WorkloadSecurity(user: 1000, group: 1000, fsGroup: 1000),
            health: .http(path: "/health", port: "http"),
            env: [
                .plain("DOCKER_INFLUXDB_INIT_MODE", "setup"),
                .plain("DOCKER_INFLUXDB_INIT_ORG", "oves"),
                .plain("DOCKER_INFLUXDB_INIT_BUCKET", "telemetry"),
                .plain("DOCKER_INFLUXDB_INIT_RETENTION", "30d"),
                .fromSecret("DOCKER_INFLUXDB_INIT_USERNAME", secret: "influxdb-credentials", key: "username"),
                .fromSecret("DOCKER_INFLUXDB_INIT_PASSWORD", secret: "influxdb-credentials", key: "password"),
                .fromSecret("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN", secret: "influxdb-credentials", key: "admin-token"),
            ],
            writablePaths: ["/tmp", "/etc/influxdb2"])
    }
}
