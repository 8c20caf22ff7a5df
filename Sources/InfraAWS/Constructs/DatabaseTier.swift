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
/// DatabaseTier("prod", identifier: "oves-prod", vpcID: dbVPC.output("vpc_id"),
///              subnetIDs: dbVPC.output("database_subnet_ids"), allowedCIDRs: ["10.10.0.0/16"])
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

    /// The variables of the `rds` module.
    public static let variables: [ConstructVariable] = [
        ConstructVariable("identifier", "string", "Prefix of every database identifier"),
        ConstructVariable("vpc_id", "string", "The database VPC"),
        ConstructVariable("subnet_ids", "list(string)", "Isolated database subnets"),
        ConstructVariable("allowed_cidr_blocks", "list(string)", "The only ranges allowed to the database ports"),
        ConstructVariable(
            "postgres",
            "object({ instance_class = string, engine_version = string, parameter_family = string, allocated_storage = number, max_allocated_storage = number })",
            "PostgreSQL settings"),
        ConstructVariable(
            "mysql",
            "object({ instance_class = string, engine_version = string, parameter_family = string, allocated_storage = number, max_allocated_storage = number })",
            "MySQL settings"),
        ConstructVariable("docdb_instance_class", "string", "DocumentDB instance class"),
        ConstructVariable("docdb_instance_count", "number", "DocumentDB instances"),
        ConstructVariable("redis_node_type", "string", "ElastiCache node type"),
        ConstructVariable("redis_node_count", "number", "Redis nodes"),
        ConstructVariable("backup_retention_days", "number", "Days of automated backups"),
        ConstructVariable("deletion_protection", "bool", "Whether deletion is blocked"),
        ConstructVariable("tags", "map(string)", "Tags for every resource"),
    ]

    private static func literal(_ engine: RDSEngine) -> Expression {
        ConstructLiterals.value(
            .sortedObject([
                "instance_class": .string(engine.instanceClass), "engine_version": .string(engine.engineVersion),
                "parameter_family": .string(engine.parameterFamily), "allocated_storage": .int(engine.allocatedStorage),
                "max_allocated_storage": .int(engine.maxAllocatedStorage),
            ]))
    }

    /// The parameters as module inputs.
    public var inputs: [String: Expression] {
        [
            "identifier": .string(identifier),
            "vpc_id": vpcID.expression,
            "subnet_ids": subnetIDs.expression,
            "allowed_cidr_blocks": ConstructLiterals.list(allowedCIDRs),
            "postgres": Self.literal(postgres),
            "mysql": Self.literal(mysql),
            "docdb_instance_class": .string(documentDBInstanceClass),
            "docdb_instance_count": Expression(.int(documentDBInstances)),
            "redis_node_type": .string(redisNodeType),
            "redis_node_count": Expression(.int(redisNodes)),
            "backup_retention_days": Expression(.int(backupRetentionDays)),
            "deletion_protection": Expression(.bool(deletionProtection)),
            "tags": ConstructLiterals.map(tags),
        ]
    }

    /// The databases, their key, subnet groups, parameter groups and security groups.
    public static func body(name: String, inputs: ConstructInputs) -> [any StackContent] {
        let n = ConstructNaming.local(name)
        let id = inputs.string("identifier")
        let tags = inputs.stringMap("tags")
        let subnets = Fn.toset(inputs.strings("subnet_ids"))
        var content: [any StackContent] = []

        let key = AWSKMSKey(
            "\(n)_data", deletionWindowInDays: 30, description: "Encryption at rest for the \(id) databases",
            enableKeyRotation: true, tags: tags)
        content.append(key)
        content.append(AWSKMSAlias("\(n)_data", targetKeyId: key.keyId, name: "alias/\(id)-data"))

        // One security group per engine: its port, from the allowed ranges only; no egress.
        var groups: [String: AWSSecurityGroup] = [:]
        for (engine, port) in ports.sorted(by: { $0.key < $1.key }) {
            let group = AWSSecurityGroup(
                "\(n)_\(engine)", description: "\(engine) clients from the application VPC", name: "\(id)-\(engine)",
                tags: ConstructLiterals.tags(tags, name: "\(id)-\(engine)"), vpcId: inputs.string("vpc_id"))
            groups[engine] = group
            content.append(group)
            content.append(
                AWSVPCSecurityGroupIngressRule(
                    "\(n)_\(engine)", ipProtocol: "tcp", securityGroupId: group.id, cidrIpv4: Expr(.eachValue),
                    description: "\(engine) from \(Expression.eachValue)", fromPort: ConstructLiterals.number(port),
                    toPort: ConstructLiterals.number(port)
                ).forEach(.raw("{ for c in \(inputs.hcl("allowed_cidr_blocks")) : c => c }")))
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
        content.append(
            AWSDBSubnetGroup(
                n, subnetIds: subnets, description: "Database subnets of \(id)", name: "\(id)-rds", tags: tags))
        let rds: [(engine: String, parameter: String, value: String, logs: [String])] = [
            ("postgres", "rds.force_ssl", "1", ["postgresql", "upgrade"]),
            ("mysql", "require_secure_transport", "ON", ["audit", "error", "general", "slowquery"]),
        ]
        for entry in rds {
            let parameters = AWSDBParameterGroup(
                "\(n)_\(entry.engine)", family: Expr(inputs.field(entry.engine, "parameter_family")),
                description: "TLS-only \(entry.engine) for \(id)", namePrefix: "\(id)-\(entry.engine)-",
                parameter: [
                    .init(
                        name: Expr(.string(entry.parameter)), value: Expr(.string(entry.value)),
                        applyMethod: "pending-reboot")
                ],
                tags: tags
            ).lifecycle(Lifecycle(createBeforeDestroy: true))
            content.append(parameters)
            content.append(
                AWSDBInstance(
                    "\(n)_\(entry.engine)", instanceClass: Expr(inputs.field(entry.engine, "instance_class")),
                    allocatedStorage: Expr(inputs.field(entry.engine, "allocated_storage")),
                    autoMinorVersionUpgrade: true,
                    backupRetentionPeriod: inputs.number("backup_retention_days"), backupWindow: "02:00-03:00",
                    copyTagsToSnapshot: true, dbSubnetGroupName: .raw("aws_db_subnet_group.\(n).name"),
                    deletionProtection: inputs.bool("deletion_protection"),
                    enabledCloudwatchLogsExports: Expr(ConstructLiterals.list(entry.logs)),
                    engine: Expr(.string(entry.engine)),
                    engineVersion: Expr(inputs.field(entry.engine, "engine_version")),
                    finalSnapshotIdentifier: "\(id)-\(entry.engine)-final", iamDatabaseAuthenticationEnabled: true,
                    identifier: "\(id)-\(entry.engine)", kmsKeyId: key.arn, maintenanceWindow: "sun:03:30-sun:04:30",
                    manageMasterUserPassword: true, masterUserSecretKmsKeyId: key.keyId,
                    maxAllocatedStorage: Expr(inputs.field(entry.engine, "max_allocated_storage")),
                    monitoringInterval: 60, monitoringRoleArn: monitoring.arn, multiAz: true,
                    parameterGroupName: parameters.nameRef, performanceInsightsEnabled: true,
                    performanceInsightsKmsKeyId: key.arn, publiclyAccessible: false, skipFinalSnapshot: false,
                    storageEncrypted: true, storageType: "gp3", tags: tags, username: "oves_admin",
                    vpcSecurityGroupIds: Expr<[String]>.list([groups[entry.engine]?.id ?? ""]).unsafeCast()
                ))
        }

        // DocumentDB: TLS and audit logs on, instances spread over zones.
        content.append(
            AWSDocDBSubnetGroup(
                n, subnetIds: subnets, description: "DocumentDB subnets of \(id)", name: "\(id)-docdb", tags: tags))
        let docdbParameters = AWSDocDBClusterParameterGroup(
            n, family: "docdb5.0", description: "TLS and audit logs for \(id)", namePrefix: "\(id)-docdb-",
            parameter: [.init(name: "tls", value: "enabled"), .init(name: "audit_logs", value: "enabled")], tags: tags
        ).lifecycle(Lifecycle(createBeforeDestroy: true))
        content.append(docdbParameters)
        let docdb = AWSDocDBCluster(
            n, backupRetentionPeriod: inputs.number("backup_retention_days"), clusterIdentifier: "\(id)-docdb",
            dbClusterParameterGroupName: docdbParameters.nameRef,
            dbSubnetGroupName: .raw("aws_docdb_subnet_group.\(n).name"),
            deletionProtection: inputs.bool("deletion_protection"),
            enabledCloudwatchLogsExports: ["audit", "profiler"],
            engine: "docdb", engineVersion: "5.0.0", finalSnapshotIdentifier: "\(id)-docdb-final", kmsKeyId: key.arn,
            manageMasterUserPassword: true, masterUsername: "oves_admin", preferredBackupWindow: "02:00-03:00",
            skipFinalSnapshot: false, storageEncrypted: true, tags: tags,
            vpcSecurityGroupIds: Expr<[String]>.list([groups["docdb"]?.id ?? ""]).unsafeCast())
        content.append(docdb)
        content.append(
            AWSDocDBClusterInstance(
                n, clusterIdentifier: docdb.id, instanceClass: inputs.string("docdb_instance_class"),
                autoMinorVersionUpgrade: true, identifier: "\(id)-docdb-\(Expression.countIndex)", tags: tags
            ).count(inputs.number("docdb_instance_count")))

        // ElastiCache Redis: encrypted at rest and in transit, automatic failover across zones.
        content.append(
            AWSElastiCacheSubnetGroup(
                n, name: "\(id)-redis", subnetIds: subnets, description: "Redis subnets of \(id)", tags: tags))
        content.append(
            AWSElastiCacheReplicationGroup(
                n, description: "Redis for \(id)", replicationGroupId: "\(id)-redis", atRestEncryptionEnabled: "true",
                autoMinorVersionUpgrade: "true", automaticFailoverEnabled: true, engine: "redis", engineVersion: "7.1",
                kmsKeyId: key.arn, maintenanceWindow: "sun:04:30-sun:05:30", multiAzEnabled: true,
                nodeType: inputs.string("redis_node_type"), numCacheClusters: inputs.number("redis_node_count"),
                port: 6379,
                securityGroupIds: Expr<[String]>.list([groups["redis"]?.id ?? ""]).unsafeCast(),
                snapshotRetentionLimit: inputs.number("backup_retention_days"), snapshotWindow: "02:00-03:00",
                subnetGroupName: .raw("aws_elasticache_subnet_group.\(n).name"), tags: tags,
                transitEncryptionEnabled: true))
        return content
    }

    /// The databases' endpoints and the master password secrets (ARNs only, never values).
    public static func outputs(name: String) -> [ConstructOutput] {
        let n = ConstructNaming.local(name)
        return [
            ConstructOutput(
                "postgres_endpoint", .reference("aws_db_instance", "\(n)_postgres", "endpoint"), "PostgreSQL endpoint"),
            ConstructOutput(
                "mysql_endpoint", .reference("aws_db_instance", "\(n)_mysql", "endpoint"), "MySQL endpoint"),
            ConstructOutput(
                "docdb_endpoint", .reference("aws_docdb_cluster", n, "endpoint"), "DocumentDB cluster endpoint"),
            ConstructOutput(
                "redis_endpoint", .reference("aws_elasticache_replication_group", n, "primary_endpoint_address"),
                "Redis primary endpoint"),
            ConstructOutput(
                "postgres_master_secret_arn", .raw("aws_db_instance.\(n)_postgres.master_user_secret[0].secret_arn"),
                "Secrets Manager secret holding the PostgreSQL master password (managed by RDS)"),
            ConstructOutput(
                "mysql_master_secret_arn", .raw("aws_db_instance.\(n)_mysql.master_user_secret[0].secret_arn"),
                "Secrets Manager secret holding the MySQL master password (managed by RDS)"),
            ConstructOutput("kms_key_arn", .reference("aws_kms_key", "\(n)_data", "arn"), "The data encryption key"),
        ]
    }
}
