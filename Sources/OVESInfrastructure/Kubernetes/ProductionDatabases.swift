// The production databases that run in the prod cluster (MongoDB, Redis, PostgreSQL) as
// StatefulSets with encrypted gp3 volumes, VPAs that size them on restart, and the seed's
// `mongodb-data` volume, which stages the daily MongoDB dump (DatabaseBackups uploads it to S3).

import InfraKubernetes

/// The stateful workloads of the `databases` namespace.
struct ProductionDatabases {
    /// The namespace.
    var namespace: String

    /// MongoDB 7 with authentication; credentials from the `mongodb-credentials` Secret.
    var mongodb: StatefulWorkload {
        StatefulWorkload(
            name: "mongodb", namespace: namespace, image: "mongo:7.0.12",
            ports: [.init(name: "mongodb", port: 27017)], storage: "100Gi", mountPath: "/data/db",
            resources: .large, security: .restricted,
            health: .exec(["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"]),
            env: [
                .plain("MONGO_INITDB_ROOT_USERNAME_FILE", "/run/secrets/mongodb/username"),
                .plain("MONGO_INITDB_ROOT_PASSWORD_FILE", "/run/secrets/mongodb/password"),
            ],
            args: ["--bind_ip_all", "--auth"], writablePaths: ["/tmp", "/data/configdb"],
            volumes: [Self.secretVolume("credentials", secret: "mongodb-credentials")],
            volumeMounts: [VolumeMount(name: "credentials", mountPath: "/run/secrets/mongodb", readOnly: true)])
    }

    /// Redis 7 with append-only persistence; the password from the `redis-credentials` Secret.
    var redis: StatefulWorkload {
        StatefulWorkload(
            name: "redis", namespace: namespace, image: "redis:7.2.5",
            ports: [.init(name: "redis", port: 6379)], storage: "20Gi", mountPath: "/data",
            resources: .medium, security: .restricted, health: .tcp(port: "redis"),
            env: [.fromSecret("REDIS_PASSWORD", secret: "redis-credentials", key: "password")],
            command: ["redis-server"], args: ["--appendonly", "yes", "--requirepass", "$(REDIS_PASSWORD)"])
    }

    /// PostgreSQL 16; the superuser password from the `postgresql-credentials` Secret.
    var postgresql: StatefulWorkload {
        StatefulWorkload(
            name: "postgresql", namespace: namespace, image: "postgres:16.3",
            ports: [.init(name: "postgresql", port: 5432)], storage: "100Gi", mountPath: "/var/lib/postgresql/data",
            resources: .large, security: .restricted, health: .exec(["pg_isready", "-U", "postgres"]),
            env: [
                .plain("PGDATA", "/var/lib/postgresql/data/pgdata"),
                .plain("POSTGRES_PASSWORD_FILE", "/run/secrets/postgresql/password"),
            ],
            writablePaths: ["/tmp", "/var/run/postgresql"],
            volumes: [Self.secretVolume("credentials", secret: "postgresql-credentials")],
            volumeMounts: [VolumeMount(name: "credentials", mountPath: "/run/secrets/postgresql", readOnly: true)])
    }

    /// The seed's PersistentVolumeClaim: 100Gi, ReadWriteOnce, `ebs-sc`.
    var mongodbData: PersistentVolumeClaim {
        PersistentVolumeClaim(
            metadata: ObjectMeta(name: "mongodb-data", namespace: namespace, labels: ["app": "mongodb"]),
            spec: PersistentVolumeClaimSpec(
                accessModes: ["ReadWriteOnce"], resources: VolumeResourceRequirements(requests: ["storage": "100Gi"]),
                storageClassName: OVESNames.storageClassName))
    }

    /// A Secret mounted as files (read-only for the owner and group), so credentials never sit in environment variables.
    static func secretVolume(_ name: String, secret: String) -> Volume {
        Volume(name: name, secret: SecretVolumeSource(defaultMode: 0o440, secretName: secret))
    }

    /// VPAs that set each database's requests when its pod starts, within bounds.
    var verticalAutoscalers: [VerticalAutoscaling] {
        [
            VerticalAutoscaling(
                name: "mongodb", namespace: namespace, kind: "StatefulSet", mode: .initial,
                minAllowed: .init(cpu: "250m", memory: "1Gi"), maxAllowed: .init(cpu: "4", memory: "16Gi")),
            VerticalAutoscaling(
                name: "redis", namespace: namespace, kind: "StatefulSet", mode: .initial,
                minAllowed: .init(cpu: "100m", memory: "256Mi"), maxAllowed: .init(cpu: "2", memory: "8Gi")),
            VerticalAutoscaling(
                name: "postgresql", namespace: namespace, kind: "StatefulSet", mode: .initial,
                minAllowed: .init(cpu: "250m", memory: "1Gi"), maxAllowed: .init(cpu: "4", memory: "16Gi")),
        ]
    }

    /// Everything in the namespace; the backup jobs upload with IRSA roles of `accountID`.
    func content(accountID: String) -> ObjectGroup {
        ObjectGroup {
            mongodb
            redis
            postgresql
            mongodbData
            DatabaseBackups(databases: self, accountID: accountID).content
            verticalAutoscalers
        }
    }
}
