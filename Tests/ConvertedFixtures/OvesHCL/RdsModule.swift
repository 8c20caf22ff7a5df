// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from modules/rds (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform module `modules/rds`, converted from `main.tf`, `outputs.tf`, `variables.tf`.
public enum RdsModule {
    /// The module, synthesized into `modules/rds` with the stacks that call it.
    public static let module = TerraformModule(
        "rds", directory: "modules/rds",
        settings: TerraformSettings(requiredVersion: nil, requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")])
    ) {
        let allowedCidrBlocks = Variable<[String]>(
            "allowed_cidr_blocks",
            description: "The only ranges allowed to the database ports"
        )
        allowedCidrBlocks
        let backupRetentionDays = Variable<Double>("backup_retention_days", description: "Days of automated backups")
        backupRetentionDays
        let deletionProtection = Variable<Bool>("deletion_protection", description: "Whether deletion is blocked")
        deletionProtection
        let docdbInstanceClass = Variable<String>("docdb_instance_class", description: "DocumentDB instance class")
        docdbInstanceClass
        let docdbInstanceCount = Variable<Double>("docdb_instance_count", description: "DocumentDB instances")
        docdbInstanceCount
        let identifier = Variable<String>("identifier", description: "Prefix of every database identifier")
        identifier
        let mysql = Variable<Value>(
            "mysql",
            type: "object({ instance_class = string, engine_version = string, parameter_family = string, allocated_storage = number, max_allocated_storage = number })",
            description: "MySQL settings"
        )
        mysql
        let postgres = Variable<Value>(
            "postgres",
            type: "object({ instance_class = string, engine_version = string, parameter_family = string, allocated_storage = number, max_allocated_storage = number })",
            description: "PostgreSQL settings"
        )
        postgres
        let redisNodeCount = Variable<Double>("redis_node_count", description: "Redis nodes")
        redisNodeCount
        let redisNodeType = Variable<String>("redis_node_type", description: "ElastiCache node type")
        redisNodeType
        let subnetIds = Variable<[String]>("subnet_ids", description: "Isolated database subnets")
        subnetIds
        let tags = Variable<[String: String]>("tags", description: "Tags for every resource")
        tags
        let vpcId = Variable<String>("vpc_id", description: "The database VPC")
        vpcId
        let thisMysqlGroup = AWSDBParameterGroup(
            "this_mysql",
            family: Expr<String>(mysql.value.expression.attribute("parameter_family")),
            description: "TLS-only mysql for \(identifier.value)",
            namePrefix: "\(identifier.value)-mysql-",
            parameter: [.init(name: "require_secure_transport", value: "ON", applyMethod: "pending-reboot")],
            tags: tags.value
        )
            .lifecycle(Lifecycle(createBeforeDestroy: true))
        thisMysqlGroup
        let thisPostgresGroup = AWSDBParameterGroup(
            "this_postgres",
            family: Expr<String>(postgres.value.expression.attribute("parameter_family")),
            description: "TLS-only postgres for \(identifier.value)",
            namePrefix: "\(identifier.value)-postgres-",
            parameter: [.init(name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot")],
            tags: tags.value
        )
            .lifecycle(Lifecycle(createBeforeDestroy: true))
        thisPostgresGroup
        let dbSubnetGroup = AWSDBSubnetGroup(
            "this",
            subnetIds: Fn.toset(subnetIds.value),
            description: "Database subnets of \(identifier.value)",
            name: "\(identifier.value)-rds",
            tags: tags.value
        )
        dbSubnetGroup
        let docdbClusterParameterGroup = AWSDocDBClusterParameterGroup(
            "this",
            family: "docdb5.0",
            description: "TLS and audit logs for \(identifier.value)",
            namePrefix: "\(identifier.value)-docdb-",
            parameter: [.init(name: "tls", value: "enabled"), .init(name: "audit_logs", value: "enabled")],
            tags: tags.value
        )
            .lifecycle(Lifecycle(createBeforeDestroy: true))
        docdbClusterParameterGroup
        let docdbSubnetGroup = AWSDocDBSubnetGroup(
            "this",
            subnetIds: Fn.toset(subnetIds.value),
            description: "DocumentDB subnets of \(identifier.value)",
            name: "\(identifier.value)-docdb",
            tags: tags.value
        )
        docdbSubnetGroup
        let elasticacheSubnetGroup = AWSElastiCacheSubnetGroup(
            "this",
            name: "\(identifier.value)-redis",
            subnetIds: Fn.toset(subnetIds.value),
            description: "Redis subnets of \(identifier.value)",
            tags: tags.value
        )
        elasticacheSubnetGroup
        let thisRdsMonitoringRole = AWSIAMRole(
            "this_rds_monitoring",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["monitoring.rds.amazonaws.com"]]]]] as Expression)),
            namePrefix: "\(identifier.value)-rds-monitoring-",
            tags: tags.value
        )
        thisRdsMonitoringRole
        let thisRdsMonitoringAttachment = AWSIAMRolePolicyAttachment(
            "this_rds_monitoring",
            policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
            role: thisRdsMonitoringRole.nameRef
        )
        thisRdsMonitoringAttachment
        let thisDataKey = AWSKMSKey(
            "this_data",
            deletionWindowInDays: 30,
            description: "Encryption at rest for the \(identifier.value) databases",
            enableKeyRotation: true,
            tags: tags.value
        )
        thisDataKey
        let thisDataAlias = AWSKMSAlias(
            "this_data",
            targetKeyId: thisDataKey.keyId,
            name: "alias/\(identifier.value)-data"
        )
        thisDataAlias
        let thisDocdbGroup = AWSSecurityGroup(
            "this_docdb",
            description: "docdb clients from the application VPC",
            name: "\(identifier.value)-docdb",
            tags: Fn.merge(tags.value, ["Name": "\(identifier.value)-docdb"]),
            vpcId: vpcId.value
        )
        thisDocdbGroup
        let docdbCluster = AWSDocDBCluster(
            "this",
            backupRetentionPeriod: backupRetentionDays.value,
            clusterIdentifier: "\(identifier.value)-docdb",
            dbClusterParameterGroupName: docdbClusterParameterGroup.nameRef,
            dbSubnetGroupName: docdbSubnetGroup.nameRef,
            deletionProtection: deletionProtection.value,
            enabledCloudwatchLogsExports: ["audit", "profiler"],
            engine: "docdb",
            engineVersion: "5.0.0",
            finalSnapshotIdentifier: "\(identifier.value)-docdb-final",
            kmsKeyId: thisDataKey.arn,
            manageMasterUserPassword: true,
            masterUsername: "oves_admin",
            preferredBackupWindow: "02:00-03:00",
            skipFinalSnapshot: false,
            storageEncrypted: true,
            tags: tags.value,
            vpcSecurityGroupIds: [thisDocdbGroup.id]
        )
        docdbCluster
        let docdbClusterInstance = AWSDocDBClusterInstance(
            "this",
            clusterIdentifier: docdbCluster.id,
            instanceClass: docdbInstanceClass.value,
            autoMinorVersionUpgrade: true,
            identifier: "\(identifier.value)-docdb-\(Count.index)",
            tags: tags.value
        )
            .count(docdbInstanceCount.value)
        docdbClusterInstance
        let securityGroupThisMysql = AWSSecurityGroup(
            "this_mysql",
            description: "mysql clients from the application VPC",
            name: "\(identifier.value)-mysql",
            tags: Fn.merge(tags.value, ["Name": "\(identifier.value)-mysql"]),
            vpcId: vpcId.value
        )
        securityGroupThisMysql
        let thisMysqlInstance = AWSDBInstance(
            "this_mysql",
            instanceClass: Expr<String>(mysql.value.expression.attribute("instance_class")),
            allocatedStorage: Expr<Double>(mysql.value.expression.attribute("allocated_storage")),
            autoMinorVersionUpgrade: true,
            backupRetentionPeriod: backupRetentionDays.value,
            backupWindow: "02:00-03:00",
            copyTagsToSnapshot: true,
            dbSubnetGroupName: dbSubnetGroup.nameRef,
            deletionProtection: deletionProtection.value,
            enabledCloudwatchLogsExports: ["audit", "error", "general", "slowquery"],
            engine: "mysql",
            engineVersion: Expr<String>(mysql.value.expression.attribute("engine_version")),
            finalSnapshotIdentifier: "\(identifier.value)-mysql-final",
            iamDatabaseAuthenticationEnabled: true,
            identifier: "\(identifier.value)-mysql",
            kmsKeyId: thisDataKey.arn,
            maintenanceWindow: "sun:03:30-sun:04:30",
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: thisDataKey.keyId,
            maxAllocatedStorage: Expr<Double>(mysql.value.expression.attribute("max_allocated_storage")),
            monitoringInterval: 60,
            monitoringRoleArn: thisRdsMonitoringRole.arn,
            multiAz: true,
            parameterGroupName: thisMysqlGroup.nameRef,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: thisDataKey.arn,
            publiclyAccessible: false,
            skipFinalSnapshot: false,
            storageEncrypted: true,
            storageType: "gp3",
            tags: tags.value,
            username: "oves_admin",
            vpcSecurityGroupIds: [securityGroupThisMysql.id]
        )
        thisMysqlInstance
        let securityGroupThisPostgres = AWSSecurityGroup(
            "this_postgres",
            description: "postgres clients from the application VPC",
            name: "\(identifier.value)-postgres",
            tags: Fn.merge(tags.value, ["Name": "\(identifier.value)-postgres"]),
            vpcId: vpcId.value
        )
        securityGroupThisPostgres
        let thisPostgresInstance = AWSDBInstance(
            "this_postgres",
            instanceClass: Expr<String>(postgres.value.expression.attribute("instance_class")),
            allocatedStorage: Expr<Double>(postgres.value.expression.attribute("allocated_storage")),
            autoMinorVersionUpgrade: true,
            backupRetentionPeriod: backupRetentionDays.value,
            backupWindow: "02:00-03:00",
            copyTagsToSnapshot: true,
            dbSubnetGroupName: dbSubnetGroup.nameRef,
            deletionProtection: deletionProtection.value,
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            engine: "postgres",
            engineVersion: Expr<String>(postgres.value.expression.attribute("engine_version")),
            finalSnapshotIdentifier: "\(identifier.value)-postgres-final",
            iamDatabaseAuthenticationEnabled: true,
            identifier: "\(identifier.value)-postgres",
            kmsKeyId: thisDataKey.arn,
            maintenanceWindow: "sun:03:30-sun:04:30",
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: thisDataKey.keyId,
            maxAllocatedStorage: Expr<Double>(postgres.value.expression.attribute("max_allocated_storage")),
            monitoringInterval: 60,
            monitoringRoleArn: thisRdsMonitoringRole.arn,
            multiAz: true,
            parameterGroupName: thisPostgresGroup.nameRef,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: thisDataKey.arn,
            publiclyAccessible: false,
            skipFinalSnapshot: false,
            storageEncrypted: true,
            storageType: "gp3",
            tags: tags.value,
            username: "oves_admin",
            vpcSecurityGroupIds: [securityGroupThisPostgres.id]
        )
        thisPostgresInstance
        let thisRedisGroup = AWSSecurityGroup(
            "this_redis",
            description: "redis clients from the application VPC",
            name: "\(identifier.value)-redis",
            tags: Fn.merge(tags.value, ["Name": "\(identifier.value)-redis"]),
            vpcId: vpcId.value
        )
        thisRedisGroup
        let elasticacheReplicationGroup = AWSElastiCacheReplicationGroup(
            "this",
            description: "Redis for \(identifier.value)",
            replicationGroupId: "\(identifier.value)-redis",
            atRestEncryptionEnabled: "true",
            autoMinorVersionUpgrade: "true",
            automaticFailoverEnabled: true,
            engine: "redis",
            engineVersion: "7.1",
            kmsKeyId: thisDataKey.arn,
            maintenanceWindow: "sun:04:30-sun:05:30",
            multiAzEnabled: true,
            nodeType: redisNodeType.value,
            numCacheClusters: redisNodeCount.value,
            port: 6379,
            securityGroupIds: [thisRedisGroup.id],
            snapshotRetentionLimit: backupRetentionDays.value,
            snapshotWindow: "02:00-03:00",
            subnetGroupName: elasticacheSubnetGroup.nameRef,
            tags: tags.value,
            transitEncryptionEnabled: true
        )
        elasticacheReplicationGroup
        let thisDocdbRule = AWSVPCSecurityGroupIngressRule(
            "this_docdb",
            ipProtocol: "tcp",
            securityGroupId: thisDocdbGroup.id,
            cidrIpv4: Expr<String>(Expression.eachValue),
            description: "docdb from \(Expression.eachValue)",
            fromPort: 27017,
            toPort: 27017
        )
            .forEach(allowedCidrBlocks.value.toMap(as: "c") { c in (c, c) }.expression)
        thisDocdbRule
        let thisMysqlRule = AWSVPCSecurityGroupIngressRule(
            "this_mysql",
            ipProtocol: "tcp",
            securityGroupId: securityGroupThisMysql.id,
            cidrIpv4: Expr<String>(Expression.eachValue),
            description: "mysql from \(Expression.eachValue)",
            fromPort: 3306,
            toPort: 3306
        )
            .forEach(allowedCidrBlocks.value.toMap(as: "c") { c in (c, c) }.expression)
        thisMysqlRule
        let thisPostgresRule = AWSVPCSecurityGroupIngressRule(
            "this_postgres",
            ipProtocol: "tcp",
            securityGroupId: securityGroupThisPostgres.id,
            cidrIpv4: Expr<String>(Expression.eachValue),
            description: "postgres from \(Expression.eachValue)",
            fromPort: 5432,
            toPort: 5432
        )
            .forEach(allowedCidrBlocks.value.toMap(as: "c") { c in (c, c) }.expression)
        thisPostgresRule
        let thisRedisRule = AWSVPCSecurityGroupIngressRule(
            "this_redis",
            ipProtocol: "tcp",
            securityGroupId: thisRedisGroup.id,
            cidrIpv4: Expr<String>(Expression.eachValue),
            description: "redis from \(Expression.eachValue)",
            fromPort: 6379,
            toPort: 6379
        )
            .forEach(allowedCidrBlocks.value.toMap(as: "c") { c in (c, c) }.expression)
        thisRedisRule
        Output("docdb_endpoint", docdbCluster.endpoint, description: "DocumentDB cluster endpoint")
        Output("kms_key_arn", thisDataKey.arn, description: "The data encryption key")
        Output("mysql_endpoint", thisMysqlInstance.endpoint, description: "MySQL endpoint")
        Output(
            "mysql_master_secret_arn",
            expression: thisMysqlInstance.masterUserSecret[0].expression.attribute("secret_arn"),
            description: "Secrets Manager secret holding the MySQL master password (managed by RDS)"
        )
        Output("postgres_endpoint", thisPostgresInstance.endpoint, description: "PostgreSQL endpoint")
        Output(
            "postgres_master_secret_arn",
            expression: thisPostgresInstance.masterUserSecret[0].expression.attribute("secret_arn"),
            description: "Secrets Manager secret holding the PostgreSQL master password (managed by RDS)"
        )
        Output(
            "redis_endpoint",
            elasticacheReplicationGroup.primaryEndpointAddress,
            description: "Redis primary endpoint"
        )
    }
}
