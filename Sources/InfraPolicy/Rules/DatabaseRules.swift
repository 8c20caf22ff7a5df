// Database tier rules: RDS, DocumentDB and ElastiCache encrypted at rest and in transit,
// with backups kept long enough (checkov CKV_AWS_16/96/133/74/360/90/29/30).

import InfraCore

extension PolicyRule {
    /// The RDS, DocumentDB and ElastiCache rules.
    static let database: [PolicyRule] = [
        PolicyRule(
            id: "INFRA-RDS-001", title: "RDS instances and clusters are encrypted at rest", severity: .high,
            hint: "set storage_encrypted = true (and kms_key_id to a customer managed key)",
            checkovIDs: ["CKV_AWS_16", "CKV_AWS_96"], format: .terraform
        ) { context in
            (context.terraform.resources("aws_db_instance") + context.terraform.resources("aws_rds_cluster")).compactMap
            {
                database in
                if database["replicate_source_db"] != nil || TerraformValue.isTrue(database["storage_encrypted"]) {
                    return nil
                }
                return database.violation("storage is not encrypted")
            }
        },
        PolicyRule(
            id: "INFRA-RDS-002", title: "RDS backups are kept for the minimum retention", severity: .medium,
            hint: "set backup_retention_period to at least PolicyConfiguration.minimumBackupRetentionDays (7)",
            checkovIDs: ["CKV_AWS_133"], format: .terraform
        ) { context in
            (context.terraform.resources("aws_db_instance") + context.terraform.resources("aws_rds_cluster")).compactMap
            {
                database in
                if database["replicate_source_db"] != nil { return nil }
                return DatabaseRetention.violation(
                    database, attribute: "backup_retention_period",
                    minimum: context.configuration.minimumBackupRetentionDays)
            }
        },
        PolicyRule(
            id: "INFRA-RDS-003", title: "RDS requires TLS connections", severity: .high,
            hint:
                "use a parameter group with rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB)",
            checkovIDs: [], format: .terraform
        ) { context in
            let pairs = [
                ("aws_db_instance", "parameter_group_name", "aws_db_parameter_group"),
                ("aws_rds_cluster", "db_cluster_parameter_group_name", "aws_rds_cluster_parameter_group"),
            ]
            return pairs.flatMap { type, attribute, groupType in
                context.terraform.resources(type).compactMap { database -> PolicyViolation? in
                    let names = Set(TerraformValue.strings(in: database[attribute]))
                    let referenced = database.references[attribute] ?? []
                    let groups = context.terraform.resources(groupType).filter { group in
                        group.module == database.module
                            && (referenced.contains(group.address)
                                || names.contains(group["name"]?.stringValue ?? "\u{0}"))
                    }
                    let enforced = groups.contains { group in
                        TerraformValue.blocks(group["parameter"]).contains { parameter in
                            let name = parameter["name"]?.stringValue ?? ""
                            let value =
                                (parameter["value"]?.stringValue ?? TerraformValue.int(parameter["value"]).map(
                                    String.init) ?? "")
                                .uppercased()
                            return ["rds.force_ssl", "require_secure_transport"].contains(name)
                                && ["1", "ON", "TRUE"].contains(value)
                        }
                    }
                    return enforced
                        ? nil
                        : database.violation("connections without TLS are accepted (no parameter group forces SSL)")
                }
            }
        },
        PolicyRule(
            id: "INFRA-DOCDB-001", title: "DocumentDB clusters are encrypted at rest", severity: .high,
            hint: "set storage_encrypted = true (and kms_key_id to a customer managed key)",
            checkovIDs: ["CKV_AWS_74"], format: .terraform
        ) { context in
            context.terraform.resources("aws_docdb_cluster").compactMap {
                TerraformValue.isTrue($0["storage_encrypted"]) ? nil : $0.violation("storage is not encrypted")
            }
        },
        PolicyRule(
            id: "INFRA-DOCDB-002", title: "DocumentDB backups are kept for the minimum retention", severity: .medium,
            hint: "set backup_retention_period to at least PolicyConfiguration.minimumBackupRetentionDays (7)",
            checkovIDs: ["CKV_AWS_360"], format: .terraform
        ) { context in
            context.terraform.resources("aws_docdb_cluster").compactMap {
                DatabaseRetention.violation(
                    $0, attribute: "backup_retention_period", minimum: context.configuration.minimumBackupRetentionDays)
            }
        },
        PolicyRule(
            id: "INFRA-DOCDB-003", title: "DocumentDB parameter groups keep TLS on", severity: .high,
            hint: "remove the tls = \"disabled\" parameter (TLS is on by default)",
            checkovIDs: ["CKV_AWS_90"], format: .terraform
        ) { context in
            context.terraform.resources("aws_docdb_cluster_parameter_group").compactMap { group in
                let disabled = TerraformValue.blocks(group["parameter"]).contains {
                    $0["name"]?.stringValue == "tls" && $0["value"]?.stringValue == "disabled"
                }
                return disabled ? group.violation("the parameter group disables TLS") : nil
            }
        },
        PolicyRule(
            id: "INFRA-CACHE-001", title: "ElastiCache replication groups are encrypted at rest", severity: .high,
            hint: "set at_rest_encryption_enabled = true (and kms_key_id)",
            checkovIDs: ["CKV_AWS_29"], format: .terraform
        ) { context in
            context.terraform.resources("aws_elasticache_replication_group").compactMap {
                TerraformValue.isTrue($0["at_rest_encryption_enabled"])
                    ? nil : $0.violation("data is not encrypted at rest")
            }
        },
        PolicyRule(
            id: "INFRA-CACHE-002", title: "ElastiCache replication groups are encrypted in transit", severity: .high,
            hint: "set transit_encryption_enabled = true (and an auth_token or RBAC user group)",
            checkovIDs: ["CKV_AWS_30"], format: .terraform
        ) { context in
            context.terraform.resources("aws_elasticache_replication_group").compactMap {
                TerraformValue.isTrue($0["transit_encryption_enabled"])
                    ? nil : $0.violation("connections are not encrypted in transit")
            }
        },
        PolicyRule(
            id: "INFRA-CACHE-003", title: "ElastiCache replication groups keep snapshots", severity: .medium,
            hint: "set snapshot_retention_limit to at least PolicyConfiguration.minimumBackupRetentionDays (7)",
            checkovIDs: [], format: .terraform
        ) { context in
            context.terraform.resources("aws_elasticache_replication_group").compactMap {
                DatabaseRetention.violation(
                    $0, attribute: "snapshot_retention_limit", minimum: context.configuration.minimumBackupRetentionDays
                )
            }
        },
    ]
}

/// The retention check shared by the backup rules.
enum DatabaseRetention {
    static func violation(_ resource: PolicyResource, attribute: String, minimum: Int) -> PolicyViolation? {
        guard let days = TerraformValue.int(resource[attribute]) else {
            return resource.violation("\(attribute) is not set (the AWS default keeps at most 1 day)")
        }
        return days >= minimum
            ? nil : resource.violation("\(attribute) is \(days) day(s), below the minimum of \(minimum)")
    }
}
