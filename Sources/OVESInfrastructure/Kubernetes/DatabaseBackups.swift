// Daily logical backups of the production databases to S3 (seed §5). In each CronJob's pod an
// init container dumps the database with the database's own image (the StatefulSet's version, so
// the dump tools match the server) into a staging volume; then the AWS CLI uploads the dump to
// `s3://oves-backups-prod/<database>/<UTC time>/` with the IRSA role of the job's ServiceAccount
// (PutObject on that prefix only, `OVESWorkloadRoles.backupWriters`). MongoDB stages in the seed's
// `mongodb-data` volume, so the latest dump also stays in the cluster; PostgreSQL and Redis stage in
// a volume that lives as long as the pod. Restore procedures: Documentation/OVESRunbook.md.

import InfraKubernetes

/// The backup CronJobs of the `databases` namespace, their ServiceAccounts and their egress to S3.
struct DatabaseBackups {
    /// The production databases (their images and pod DNS names).
    var databases: ProductionDatabases
    /// The AWS account of the upload roles.
    var accountID: String

    /// The AWS CLI that uploads the dumps (pinned; the image's entrypoint is replaced by a shell).
    static let awsCLIImage = "public.ecr.aws/aws-cli/aws-cli:2.36.15"
    /// The pod label that admits a backup pod to the `allow-backup-upload` NetworkPolicy.
    static let uploadLabel = (key: "oves.omnivoltaic.com/backup", value: "upload")
    /// Where the dump is staged in both containers.
    static let stagingPath = "/backup"

    /// What differs between the databases' jobs.
    struct Job {
        /// The database.
        var database: OVESDatabaseBackup
        /// The cron schedule (UTC); the jobs are staggered so they do not compete for the node.
        var schedule: String
        /// The dump container (image, command, credentials).
        var dump: Container
        /// The staging volume named `backup`.
        var staging: Volume
        /// The shell command that uploads the staged dump to `$TARGET` (the run's S3 prefix).
        var upload: String
    }

    /// The three jobs.
    var jobs: [Job] {
        [
            Job(
                database: .mongodb, schedule: "0 2 * * *",
                dump: Container(
                    name: "mongodump",
                    args: [
                        "--uri=mongodb://$(MONGO_USER):$(MONGO_PASSWORD)@\(host("mongodb")):27017/?authSource=admin",
                        "--gzip", "--archive=\(Self.stagingPath)/mongodb-latest.archive.gz",
                    ],
                    command: ["mongodump"],
                    env: [
                        .fromSecret("MONGO_USER", secret: "mongodb-credentials", key: "username"),
                        .fromSecret("MONGO_PASSWORD", secret: "mongodb-credentials", key: "password"),
                    ],
                    image: databases.mongodb.image),
                staging: Volume(
                    name: "backup",
                    persistentVolumeClaim: PersistentVolumeClaimVolumeSource(
                        claimName: databases.mongodbData.metadata.name ?? "mongodb-data")),
                // One file, not the directory: the EBS volume's root holds `lost+found`, which the job cannot read.
                upload:
                    "aws s3 cp --only-show-errors \(Self.stagingPath)/mongodb-latest.archive.gz \"${TARGET}mongodb.archive.gz\""
            ),
            Job(
                database: .postgresql, schedule: "15 2 * * *",
                dump: Container(
                    name: "pg-dump",
                    command: [
                        "/bin/sh", "-c",
                        """
                        set -eu
                        pg_dumpall --globals-only --file=\(Self.stagingPath)/globals.sql
                        for db in $(psql --no-psqlrc --tuples-only --no-align --dbname=postgres \
                        --command="SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate"); do
                          pg_dump --format=custom --file="\(Self.stagingPath)/${db}.dump" --dbname="$db"
                        done
                        """,
                    ],
                    env: [
                        .plain("PGHOST", host("postgresql")), .plain("PGUSER", "postgres"),
                        .fromSecret("PGPASSWORD", secret: "postgresql-credentials", key: "password"),
                    ],
                    image: databases.postgresql.image),
                staging: Self.podVolume(size: databases.postgresql.storage),
                upload: "aws s3 cp --recursive --only-show-errors \(Self.stagingPath)/ \"$TARGET\""),
            Job(
                database: .redis, schedule: "30 2 * * *",
                dump: Container(
                    name: "redis-rdb",
                    args: ["-h", host("redis"), "-p", "6379", "--rdb", "\(Self.stagingPath)/redis.rdb"],
                    command: ["redis-cli"],
                    // redis-cli reads the password from REDISCLI_AUTH, so it never appears in the process list.
                    env: [.fromSecret("REDISCLI_AUTH", secret: "redis-credentials", key: "password")],
                    image: databases.redis.image),
                staging: Self.podVolume(size: databases.redis.storage),
                upload: "aws s3 cp --recursive --only-show-errors \(Self.stagingPath)/ \"$TARGET\""),
        ]
    }

    /// The stable DNS name of a database's first pod (`<name>-0.<name>.<namespace>.svc.cluster.local`).
    func host(_ name: String) -> String { "\(name)-0.\(name).\(databases.namespace).svc.cluster.local" }

    /// A staging volume on `ebs-sc` that exists only while the pod runs (generic ephemeral volume),
    /// as large as the database's own volume: node root disks are too small for a dump.
    static func podVolume(size: Quantity) -> Volume {
        Volume(
            name: "backup",
            ephemeral: EphemeralVolumeSource(
                volumeClaimTemplate: PersistentVolumeClaimTemplate(
                    metadata: ObjectMeta(labels: ["oves.omnivoltaic.com/backup": "staging"]),
                    spec: PersistentVolumeClaimSpec(
                        accessModes: ["ReadWriteOnce"],
                        resources: VolumeResourceRequirements(requests: ["storage": size]),
                        storageClassName: OVESNames.storageClassName))))
    }

    /// The ServiceAccount a job's pod runs as, annotated with its IRSA upload role.
    func serviceAccount(_ job: Job) -> ServiceAccount {
        ServiceAccount(
            metadata: ObjectMeta(
                name: job.database.role.serviceAccountName, namespace: databases.namespace,
                labels: ["app": job.database.jobName],
                annotations: [ClusterAutoscaler.roleARNAnnotation: job.database.role.arn(accountID: accountID)]))
    }

    /// A job's CronJob: dump (init container), then upload.
    func cronJob(_ job: Job) -> CronJob {
        let security = WorkloadSecurity.restricted
        let mounts = [
            VolumeMount(name: "backup", mountPath: Self.stagingPath), VolumeMount(name: "tmp", mountPath: "/tmp"),
        ]
        var dump = job.dump
        dump.imagePullPolicy = "IfNotPresent"
        dump.resources = ComputeResources(cpu: "100m", memory: "256Mi", cpuLimit: "1", memoryLimit: "1Gi").requirements
        dump.securityContext = security.containerSecurityContext
        dump.volumeMounts = mounts
        let upload = Container(
            name: "upload",
            command: [
                "/bin/sh", "-c",
                """
                set -eu
                TARGET="s3://\(OVESDatabaseBackup.bucket)/\(job.database.prefix)$(date -u +%Y-%m-%dT%H%M%SZ)/"
                \(job.upload)
                echo "uploaded to $TARGET"
                """,
            ],
            env: [.plain("AWS_REGION", OVESDatabaseBackup.environment.region), .plain("HOME", "/tmp")],
            image: Self.awsCLIImage, imagePullPolicy: "IfNotPresent",
            resources: ComputeResources(cpu: "100m", memory: "256Mi", cpuLimit: "1", memoryLimit: "512Mi").requirements,
            securityContext: security.containerSecurityContext, volumeMounts: mounts)
        let labels = ["app": job.database.jobName, Self.uploadLabel.key: Self.uploadLabel.value]
        return CronJob(
            metadata: ObjectMeta(
                name: job.database.jobName, namespace: databases.namespace, labels: ["app": job.database.jobName]),
            spec: CronJobSpec(
                concurrencyPolicy: "Forbid", failedJobsHistoryLimit: 3,
                jobTemplate: JobTemplateSpec(
                    spec: JobSpec(
                        activeDeadlineSeconds: 3 * 3600, backoffLimit: 2,
                        template: PodTemplateSpec(
                            metadata: ObjectMeta(labels: labels),
                            spec: PodSpec(
                                // The IRSA webhook mounts its own STS token; the pod needs no Kubernetes API token.
                                automountServiceAccountToken: false, containers: [upload], initContainers: [dump],
                                restartPolicy: "OnFailure", securityContext: security.podSecurityContext,
                                serviceAccountName: job.database.role.serviceAccountName,
                                volumes: [
                                    job.staging, Volume(name: "tmp", emptyDir: EmptyDirVolumeSource(sizeLimit: "1Gi")),
                                ])))),
                schedule: job.schedule, successfulJobsHistoryLimit: 3, timeZone: "Etc/UTC"))
    }

    /// Egress from the backup pods to HTTPS anywhere (S3 and STS have no fixed addresses); the
    /// namespace's other pods keep default-deny.
    var uploadEgress: NetworkPolicy {
        NetworkPolicy(
            metadata: ObjectMeta(name: "allow-backup-upload", namespace: databases.namespace),
            spec: NetworkPolicySpec(
                egress: [
                    NetworkPolicyEgressRule(
                        ports: [NetworkPolicyPort(port: 443, protocol: "TCP")],
                        to: [NetworkPolicyPeer(ipBlock: IPBlock(cidr: "0.0.0.0/0"))])
                ],
                podSelector: .matching([Self.uploadLabel.key: Self.uploadLabel.value]), policyTypes: ["Egress"]))
    }

    /// ServiceAccounts, CronJobs and the egress policy.
    var content: ObjectGroup {
        ObjectGroup {
            for job in jobs {
                serviceAccount(job)
                cronJob(job)
            }
            uploadEgress
        }
    }
}
