// `DatabaseTier`: the managed databases of an application — RDS PostgreSQL and MySQL,
// a DocumentDB cluster and an ElastiCache Redis replication group — encrypted at rest with
// a rotating customer key and in transit (TLS enforced by parameter groups), multi-AZ,
// backed up, with AWS-managed master passwords (no secret is ever in a file), and security
// groups that admit only each engine's port and only from the application's ranges.

import InfraCore
import InfraTerraform

/// Managed databases behind security groups that admit only the application's ranges.
///
/// ```swift
/// DatabaseTier("prod", identifier: "oves-prod", vpcID: dbVPC.outputs.vpcID,
///              subnetIDs: dbVPC.outputs.databaseSubnetIDs, allowedCIDRs: ["10.10.0.0/16"])
/// ```
public struct DatabaseTier: ModularConstruct {
    /// One RDS engine's settings.
    public struct RDSEngine: Sendable, Hashable {
        /// The instance class, e.g. `db.r6g.large`.
        public var instanceClass: String
        /// The engine version, e.g. `16.4`.
        public var engineVersion: String
        /// The parameter group family, e.g. `postgres16`.
        public var parameterFamily: String
        /// Initial storage in GiB (gp3).
        public var allocatedStorage: Int
        /// Storage autoscaling ceiling in GiB.
        public var maxAllocatedStorage: Int

        /// Creates settings.
        public init(
            instanceClass: String, engineVersion: String, parameterFamily: String, allocatedStorage: Int = 100,
            maxAllocatedStorage: Int = 1000
        ) {
            self.instanceClass = instanceClass
            self.engineVersion = engineVersion
            self.parameterFamily = parameterFamily
            self.allocatedStorage = allocatedStorage
            self.maxAllocatedStorage = maxAllocatedStorage
        }

        /// PostgreSQL 16 on db.r6g.large.
        public static let postgres = RDSEngine(
            instanceClass: "db.r6g.large", engineVersion: "16.4", parameterFamily: "postgres16")
        /// MySQL 8.0 on db.r6g.large.
        public static let mysql = RDSEngine(
            instanceClass: "db.r6g.large", engineVersion: "8.0.39", parameterFamily: "mysql8.0")
    }

    /// The construct's name.
    public var name: String
    /// Prefix of every database identifier, e.g. `oves-prod`.
    public var identifier: String
    /// The database VPC.
    public var vpcID: Expr<String>
    /// Isolated subnets in at least two zones.
    public var subnetIDs: Expr<[String]>
    /// The only ranges allowed to the database ports (the peered application VPC).
    public var allowedCIDRs: [String]
    /// PostgreSQL settings.
    public var postgres: RDSEngine
    /// MySQL settings.
    public var mysql: RDSEngine
    /// DocumentDB instance class.
    public var documentDBInstanceClass: String
    /// DocumentDB instances (two or more spread over zones).
    public var documentDBInstances: Int
    /// ElastiCache node type.
    public var redisNodeType: String
    /// Redis nodes (a primary and replicas over zones).
    public var redisNodes: Int
    /// Days of automated backups.
    public var backupRetentionDays: Int
    /// Whether deletion is blocked (on in production).
    public var deletionProtection: Bool
    /// Tags for every resource.
    public var tags: [String: String]
    /// The former construct name, for `moved` blocks.
    public var formerName: String?

    /// The port of each engine.
    public static let ports = ["postgres": 5432, "mysql": 3306, "docdb": 27017, "redis": 6379]

    /// Creates a tier with production defaults (14 days of backups, deletion protection).
    public init(
        _ name: String, identifier: String, vpcID: Expr<String>, subnetIDs: Expr<[String]>, allowedCIDRs: [String],
        postgres: RDSEngine = .postgres, mysql: RDSEngine = .mysql, documentDBInstanceClass: String = "db.r6g.large",
        documentDBInstances: Int = 2, redisNodeType: String = "cache.r6g.large", redisNodes: Int = 2,
        backupRetentionDays: Int = 14, deletionProtection: Bool = true, tags: [String: String] = [:],
        formerName: String? = nil
    ) {
        self.name = name
        self.identifier = identifier
        self.vpcID = vpcID
        self.subnetIDs = subnetIDs
        self.allowedCIDRs = allowedCIDRs
        self.postgres = postgres
        self.mysql = mysql
        self.documentDBInstanceClass = documentDBInstanceClass
        self.documentDBInstances = documentDBInstances
        self.redisNodeType = redisNodeType
        self.redisNodes = redisNodes
        self.backupRetentionDays = backupRetentionDays
        self.deletionProtection = deletionProtection
        self.tags = tags
        self.formerName = formerName
    }

    /// Open ports, weak redundancy, short backups, bad names.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if allowedCIDRs.isEmpty {
            result.append(.error(path, "no range may reach the databases", hint: "pass the application VPC's CIDR"))
        }
        for (index, cidr) in allowedCIDRs.enumerated() {
            let cidrPath = path.appending("allowed-cidr", index: index)
            guard let network = IPv4CIDR(cidr) else {
                result.append(.error(cidrPath, "\"\(cidr)\" is not a valid IPv4 network"))
                continue
            }
            if network.prefixLength < 8 {
                result.append(
                    .error(
                        cidrPath, "database ports would be open to \(cidr) — the whole internet or close to it",
                        hint: "allow only the peered application VPC's range"))
            }
        }
        let validIdentifier =
            (1...40).contains(identifier.count) && identifier.first?.isLetter == true
            && identifier.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && !identifier.hasSuffix("-") && !identifier.contains("--")
        if !validIdentifier {
            result.append(
                .error(path, "identifier \"\(identifier)\" must be 1–40 lowercase letters, digits and single hyphens"))
        }
        if !(1...35).contains(backupRetentionDays) {
            result.append(.error(path, "backup retention of \(backupRetentionDays) days is outside 1…35"))
        } else if backupRetentionDays < 7 {
            result.append(.warning(path, "backups are kept only \(backupRetentionDays) days"))
        }
        if documentDBInstances < 2 {
            result.append(.error(path, "DocumentDB needs at least two instances for multi-AZ"))
        }
        if redisNodes < 2 { result.append(.error(path, "Redis needs at least two nodes for multi-AZ failover")) }
        for (label, engine) in [("postgres", postgres), ("mysql", mysql)] {
            if engine.allocatedStorage < 20 || engine.maxAllocatedStorage < engine.allocatedStorage {
                result.append(
                    .error(
                        path.appending(label), "storage must be ≥ 20 GiB and the autoscaling ceiling ≥ the initial size"
                    ))
            }
        }
        return result
    }

    /// The inputs of the `rds` module.
    public struct Inputs: ConstructInputSet {
        /// `identifier`: prefix of every database identifier.
        public var identifier: Expr<String> = nil
        /// `vpc_id`: the database VPC.
        public var vpcID: Expr<String> = nil
        /// `subnet_ids`: isolated database subnets.
        public var subnetIDs: Expr<[String]> = nil
        /// `allowed_cidr_blocks`: the only ranges allowed to the database ports.
        public var allowedCIDRBlocks: Expr<[String]> = nil
        /// `postgres`: PostgreSQL settings.
        public var postgres: Expr<RDSEngine.Shape> = nil
        /// `mysql`: MySQL settings.
        public var mysql: Expr<RDSEngine.Shape> = nil
        /// `docdb_instance_class`: the DocumentDB instance class.
        public var documentDBInstanceClass: Expr<String> = nil
        /// `docdb_instance_count`: DocumentDB instances.
        public var documentDBInstanceCount: Expr<Double> = nil
        /// `redis_node_type`: the ElastiCache node type.
        public var redisNodeType: Expr<String> = nil
        /// `redis_node_count`: Redis nodes.
        public var redisNodeCount: Expr<Double> = nil
        /// `backup_retention_days`: days of automated backups.
        public var backupRetentionDays: Expr<Double> = nil
        /// `deletion_protection`: whether deletion is blocked.
        public var deletionProtection: Expr<Bool> = nil
        /// `tags`: tags for every resource.
        public var tags: Expr<[String: String]> = nil

        /// Every input `null`.
        public init() {}

        /// The variables of the `rds` module.
        public static var variables: [ConstructVariable<Inputs>] {
            [
                ConstructVariable(\.identifier, "identifier", "Prefix of every database identifier"),
                ConstructVariable(\.vpcID, "vpc_id", "The database VPC"),
                ConstructVariable(\.subnetIDs, "subnet_ids", "Isolated database subnets"),
                ConstructVariable(
                    \.allowedCIDRBlocks, "allowed_cidr_blocks", "The only ranges allowed to the database ports"),
                ConstructVariable(\.postgres, "postgres", "PostgreSQL settings"),
                ConstructVariable(\.mysql, "mysql", "MySQL settings"),
                ConstructVariable(\.documentDBInstanceClass, "docdb_instance_class", "DocumentDB instance class"),
                ConstructVariable(\.documentDBInstanceCount, "docdb_instance_count", "DocumentDB instances"),
                ConstructVariable(\.redisNodeType, "redis_node_type", "ElastiCache node type"),
                ConstructVariable(\.redisNodeCount, "redis_node_count", "Redis nodes"),
                ConstructVariable(\.backupRetentionDays, "backup_retention_days", "Days of automated backups"),
                ConstructVariable(\.deletionProtection, "deletion_protection", "Whether deletion is blocked"),
                ConstructVariable(\.tags, "tags", "Tags for every resource"),
            ]
        }
    }

    /// The parameters as module inputs.
    public var inputs: Inputs {
        var inputs = Inputs()
        inputs.identifier = ConstructLiterals.string(identifier)
        inputs.vpcID = vpcID
        inputs.subnetIDs = subnetIDs
        inputs.allowedCIDRBlocks = ConstructLiterals.strings(allowedCIDRs)
        inputs.postgres = postgres.literal
        inputs.mysql = mysql.literal
        inputs.documentDBInstanceClass = ConstructLiterals.string(documentDBInstanceClass)
        inputs.documentDBInstanceCount = ConstructLiterals.number(documentDBInstances)
        inputs.redisNodeType = ConstructLiterals.string(redisNodeType)
        inputs.redisNodeCount = ConstructLiterals.number(redisNodes)
        inputs.backupRetentionDays = ConstructLiterals.number(backupRetentionDays)
        inputs.deletionProtection = ConstructLiterals.bool(deletionProtection)
        inputs.tags = ConstructLiterals.stringMap(tags)
        return inputs
    }

    /// The values the databases expose (ARNs of secrets, never their values).
    public struct Outputs: Sendable {
        /// `postgres_endpoint`: the PostgreSQL endpoint.
        public var postgresEndpoint: Expr<String>
        /// `mysql_endpoint`: the MySQL endpoint.
        public var mysqlEndpoint: Expr<String>
        /// `docdb_endpoint`: the DocumentDB cluster endpoint.
        public var documentDBEndpoint: Expr<String>
        /// `redis_endpoint`: the Redis primary endpoint.
        public var redisEndpoint: Expr<String>
        /// `postgres_master_secret_arn`: the Secrets Manager secret holding the PostgreSQL master password.
        public var postgresMasterSecretARN: Expr<String>
        /// `mysql_master_secret_arn`: the Secrets Manager secret holding the MySQL master password.
        public var mysqlMasterSecretARN: Expr<String>
        /// `kms_key_arn`: the data encryption key.
        public var kmsKeyARN: Expr<String>
    }

    /// The databases, their key, subnet groups, parameter groups and security groups.
    public static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs> {
        let n = ConstructNaming.local(name)
        let id = inputs.identifier
        let tags = inputs.tags
        let subnets = Fn.toset(inputs.subnetIDs)
        var content: [any StackContent] = []

        let key = AWSKMSKey(
            "\(n)_data", deletionWindowInDays: 30, description: "Encryption at rest for the \(id) databases",
            enableKeyRotation: true, tags: tags)
        content.append(key)
        content.append(AWSKMSAlias("\(n)_data", targetKeyId: key.keyId, name: "alias/\(id)-data"))

        // One security group per engine: its port, from the allowed ranges only; no egress.
        let allowed = inputs.allowedCIDRBlocks.toMap(as: "c") { c in (c, c) }
        let each = Each.of(allowed)
        var groups: [String: AWSSecurityGroup] = [:]
        for (engine, port) in ports.sorted(by: { $0.key < $1.key }) {
            let group = AWSSecurityGroup(
                "\(n)_\(engine)", description: "\(engine) clients from the application VPC", name: "\(id)-\(engine)",
                tags: ConstructLiterals.tags(tags, name: "\(id)-\(engine)"), vpcId: inputs.vpcID)
            groups[engine] = group
            content.append(group)
            content.append(
                AWSVPCSecurityGroupIngressRule(
                    "\(n)_\(engine)", ipProtocol: "tcp", securityGroupId: group.id, cidrIpv4: each.value,
                    description: "\(engine) from \(each.value)", fromPort: ConstructLiterals.number(port),
                    toPort: ConstructLiterals.number(port)
                ).forEach(allowed))
        }

        // RDS: PostgreSQL and MySQL with TLS enforced and enhanced monitoring every 60 s.
        let monitoringTrust = IAMPolicyDocument {
            IAMStatement(
                effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("monitoring.rds.amazonaws.com")])
        }
        let monitoring = AWSIAMRole(
            "\(n)_rds_monitoring", assumeRolePolicy: monitoringTrust.json, namePrefix: "\(id)-rds-monitoring-",
            tags: tags)
        content.append(monitoring)
        content.append(
            AWSIAMRolePolicyAttachment(
                "\(n)_rds_monitoring",
                policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
                role: monitoring.nameRef))
        let rdsSubnets = AWSDBSubnetGroup(
            n, subnetIds: subnets, description: "Database subnets of \(id)", name: "\(id)-rds", tags: tags)
        content.append(rdsSubnets)
        func database(
            _ engine: String, settings: Expr<RDSEngine.Shape>, tls: (parameter: String, value: String), logs: [String]
        ) -> AWSDBInstance {
            let parameters = AWSDBParameterGroup(
                "\(n)_\(engine)", family: settings.parameterFamily, description: "TLS-only \(engine) for \(id)",
                namePrefix: "\(id)-\(engine)-",
                parameter: [
                    .init(
                        name: ConstructLiterals.string(tls.parameter), value: ConstructLiterals.string(tls.value),
                        applyMethod: "pending-reboot")
                ],
                tags: tags
            ).lifecycle(Lifecycle(createBeforeDestroy: true))
            content.append(parameters)
            let instance = AWSDBInstance(
                "\(n)_\(engine)", instanceClass: settings.instanceClass, allocatedStorage: settings.allocatedStorage,
                autoMinorVersionUpgrade: true, backupRetentionPeriod: inputs.backupRetentionDays,
                backupWindow: "02:00-03:00", copyTagsToSnapshot: true, dbSubnetGroupName: rdsSubnets.nameRef,
                deletionProtection: inputs.deletionProtection,
                enabledCloudwatchLogsExports: ConstructLiterals.stringSet(logs),
                engine: ConstructLiterals.string(engine), engineVersion: settings.engineVersion,
                finalSnapshotIdentifier: "\(id)-\(engine)-final", iamDatabaseAuthenticationEnabled: true,
                identifier: "\(id)-\(engine)", kmsKeyId: key.arn, maintenanceWindow: "sun:03:30-sun:04:30",
                manageMasterUserPassword: true, masterUserSecretKmsKeyId: key.keyId,
                maxAllocatedStorage: settings.maxAllocatedStorage, monitoringInterval: 60,
                monitoringRoleArn: monitoring.arn, multiAz: true, parameterGroupName: parameters.nameRef,
                performanceInsightsEnabled: true, performanceInsightsKmsKeyId: key.arn, publiclyAccessible: false,
                skipFinalSnapshot: false, storageEncrypted: true, storageType: "gp3", tags: tags,
                username: "oves_admin",
                vpcSecurityGroupIds: Expr<[String]>.list([groups[engine]?.id ?? ""]).unsafeCast())
            content.append(instance)
            return instance
        }
        let postgres = database(
            "postgres", settings: inputs.postgres, tls: ("rds.force_ssl", "1"), logs: ["postgresql", "upgrade"])
        let mysql = database(
            "mysql", settings: inputs.mysql, tls: ("require_secure_transport", "ON"),
            logs: ["audit", "error", "general", "slowquery"])

        // DocumentDB: TLS and audit logs on, instances spread over zones.
        let docdbSubnets = AWSDocDBSubnetGroup(
            n, subnetIds: subnets, description: "DocumentDB subnets of \(id)", name: "\(id)-docdb", tags: tags)
        content.append(docdbSubnets)
        let docdbParameters = AWSDocDBClusterParameterGroup(
            n, family: "docdb5.0", description: "TLS and audit logs for \(id)", namePrefix: "\(id)-docdb-",
            parameter: [.init(name: "tls", value: "enabled"), .init(name: "audit_logs", value: "enabled")], tags: tags
        ).lifecycle(Lifecycle(createBeforeDestroy: true))
        content.append(docdbParameters)
        let docdb = AWSDocDBCluster(
            n, backupRetentionPeriod: inputs.backupRetentionDays, clusterIdentifier: "\(id)-docdb",
            dbClusterParameterGroupName: docdbParameters.nameRef, dbSubnetGroupName: docdbSubnets.nameRef,
            deletionProtection: inputs.deletionProtection,
            enabledCloudwatchLogsExports: ["audit", "profiler"],
            engine: "docdb", engineVersion: "5.0.0", finalSnapshotIdentifier: "\(id)-docdb-final", kmsKeyId: key.arn,
            manageMasterUserPassword: true, masterUsername: "oves_admin", preferredBackupWindow: "02:00-03:00",
            skipFinalSnapshot: false, storageEncrypted: true, tags: tags,
            vpcSecurityGroupIds: Expr<[String]>.list([groups["docdb"]?.id ?? ""]).unsafeCast())
        content.append(docdb)
        content.append(
            AWSDocDBClusterInstance(
                n, clusterIdentifier: docdb.id, instanceClass: inputs.documentDBInstanceClass,
                autoMinorVersionUpgrade: true, identifier: "\(id)-docdb-\(Count.index)", tags: tags
            ).count(inputs.documentDBInstanceCount))

        // ElastiCache Redis: encrypted at rest and in transit, automatic failover across zones.
        let redisSubnets = AWSElastiCacheSubnetGroup(
            n, name: "\(id)-redis", subnetIds: subnets, description: "Redis subnets of \(id)", tags: tags)
        content.append(redisSubnets)
        let redis = AWSElastiCacheReplicationGroup(
            n, description: "Redis for \(id)", replicationGroupId: "\(id)-redis", atRestEncryptionEnabled: "true",
            autoMinorVersionUpgrade: "true", automaticFailoverEnabled: true, engine: "redis", engineVersion: "7.1",
            kmsKeyId: key.arn, maintenanceWindow: "sun:04:30-sun:05:30", multiAzEnabled: true,
            nodeType: inputs.redisNodeType, numCacheClusters: inputs.redisNodeCount,
            port: 6379,
            securityGroupIds: Expr<[String]>.list([groups["redis"]?.id ?? ""]).unsafeCast(),
            snapshotRetentionLimit: inputs.backupRetentionDays, snapshotWindow: "02:00-03:00",
            subnetGroupName: redisSubnets.nameRef, tags: tags,
            transitEncryptionEnabled: true)
        content.append(redis)

        return ConstructBody(content) { output in
            Outputs(
                postgresEndpoint: output("postgres_endpoint", postgres.endpoint, "PostgreSQL endpoint"),
                mysqlEndpoint: output("mysql_endpoint", mysql.endpoint, "MySQL endpoint"),
                documentDBEndpoint: output("docdb_endpoint", docdb.endpoint, "DocumentDB cluster endpoint"),
                redisEndpoint: output("redis_endpoint", redis.primaryEndpointAddress, "Redis primary endpoint"),
                postgresMasterSecretARN: output(
                    "postgres_master_secret_arn", postgres.masterUserSecret[0].secret_arn.unsafeCast(),
                    "Secrets Manager secret holding the PostgreSQL master password (managed by RDS)"),
                mysqlMasterSecretARN: output(
                    "mysql_master_secret_arn", mysql.masterUserSecret[0].secret_arn.unsafeCast(),
                    "Secrets Manager secret holding the MySQL master password (managed by RDS)"),
                kmsKeyARN: output("kms_key_arn", key.arn, "The data encryption key"))
        }
    }
}

extension DatabaseTier.RDSEngine {
    /// The Terraform type of the `rds` module's `postgres` and `mysql` variables: the phantom type of
    /// `Expr<DatabaseTier.RDSEngine.Shape>`, whose fields read typed (`inputs.postgres.instanceClass`).
    public enum Shape: TerraformTyped, Sendable {
        /// `object({ instance_class = string, engine_version = string, … })`
        public static var terraformTypeConstraint: String {
            "object({ instance_class = string, engine_version = string, parameter_family = string, allocated_storage = number, max_allocated_storage = number })"
        }
    }

    /// The settings as a literal object of the module's `postgres`/`mysql` variable.
    var literal: Expr<Shape> {
        Expr(
            ConstructLiterals.value(
                .sortedObject([
                    "instance_class": .string(instanceClass), "engine_version": .string(engineVersion),
                    "parameter_family": .string(parameterFamily), "allocated_storage": .int(allocatedStorage),
                    "max_allocated_storage": .int(maxAllocatedStorage),
                ])))
    }
}

extension Expr where T == DatabaseTier.RDSEngine.Shape {
    /// `instance_class`, e.g. `db.r6g.large`.
    public var instanceClass: Expr<String> { member("instance_class") }
    /// `engine_version`, e.g. `16.4`.
    public var engineVersion: Expr<String> { member("engine_version") }
    /// `parameter_family`, e.g. `postgres16`.
    public var parameterFamily: Expr<String> { member("parameter_family") }
    /// `allocated_storage`: initial storage in GiB.
    public var allocatedStorage: Expr<Double> { member("allocated_storage") }
    /// `max_allocated_storage`: the storage autoscaling ceiling in GiB.
    public var maxAllocatedStorage: Expr<Double> { member("max_allocated_storage") }
}
