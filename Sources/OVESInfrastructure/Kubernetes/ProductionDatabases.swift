// The production databases that run in the prod cluster (MongoDB, Redis, PostgreSQL) as
// StatefulSets with encrypted gp3 volumes, VPAs that size them on restart, and the seed's
// `mongodb-data` volume, which holds the daily MongoDB dumps written by a CronJob.

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

    /// A daily `mongodump` into `mongodb-data` (02:00 UTC), complementing the EBS snapshots.
    var mongodbBackup: CronJob {
        let security = WorkloadSecurity.restricted
        let container = Container(
            name: "mongodump",
            args: [
                "--uri=mongodb://$(MONGO_USER):$(MONGO_PASSWORD)@mongodb-0.mongodb.\(namespace).svc.cluster.local:27017/?authSource=admin",
                "--gzip", "--archive=/backup/mongodb-latest.archive.gz",
            ],
            command: ["mongodump"],
            env: [
                .fromSecret("MONGO_USER", secret: "mongodb-credentials", key: "username"),
                .fromSecret("MONGO_PASSWORD", secret: "mongodb-credentials", key: "password"),
            ],
            image: "mongo:7.0.12", imagePullPolicy: "Always",
            resources: ComputeResources(cpu: "100m", memory: "256Mi", cpuLimit: "1", memoryLimit: "1Gi").requirements,
            securityContext: security.containerSecurityContext,
            volumeMounts: [
                VolumeMount(name: "backup", mountPath: "/backup"), VolumeMount(name: "tmp", mountPath: "/tmp"),
            ])
        return CronJob(
            metadata: ObjectMeta(name: "mongodb-backup", namespace: namespace, labels: ["app": "mongodb-backup"]),
            spec: CronJobSpec(
                concurrencyPolicy: "Forbid", failedJobsHistoryLimit: 3,
                jobTemplate: JobTemplateSpec(
                    spec: JobSpec(
                        backoffLimit: 2,
                        template: PodTemplateSpec(
                            metadata: ObjectMeta(labels: ["app": "mongodb-backup"]),
                            spec: PodSpec(
                                automountServiceAccountToken: false, containers: [container],
                                restartPolicy: "OnFailure",
                                securityContext: security.podSecurityContext,
                                volumes: [
                                    Volume(
                                        name: "backup",
                                        persistentVolumeClaim: PersistentVolumeClaimVolumeSource(
                                            claimName: "mongodb-data")),
                                    Volume(name: "tmp", emptyDir: EmptyDirVolumeSource(sizeLimit: "1Gi")),
                                ])))),
                schedule: "0 2 * * *", successfulJobsHistoryLimit: 3))
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

    /// Everything in the namespace.
    var content: ObjectGroup {
        ObjectGroup {
            mongodb
            redis
            postgresql
            mongodbData
            mongodbBackup
            verticalAutoscalers
        }
    }
}
