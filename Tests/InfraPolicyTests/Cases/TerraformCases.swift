// Violating and compliant Terraform examples for every AWS rule. Names are unique across
// cases (`s3_001_bad`, …) so all examples can share one fixture folder for checkov.

import InfraCore
import InfraPolicy

enum TerraformCases {
    static func bucket(_ name: String) -> Value {
        ["bucket": .string("infra-\(name.replacingOccurrences(of: "_", with: "-"))")]
    }

    static let s3: [RuleCase] = [
        .terraform(
            "INFRA-S3-001", "a bucket without encryption", violates: true, resource: "aws_s3_bucket.s3_001_bad",
            ["aws_s3_bucket": ["s3_001_bad": bucket("s3_001_bad")]]),
        .terraform(
            "INFRA-S3-001", "encryption configured for another bucket", violates: true,
            resource: "aws_s3_bucket.s3_001_other",
            [
                "aws_s3_bucket": [
                    "s3_001_other": bucket("s3_001_other"), "s3_001_elsewhere": bucket("s3_001_elsewhere"),
                ],
                "aws_s3_bucket_server_side_encryption_configuration": [
                    "s3_001_elsewhere": [
                        "bucket": "${aws_s3_bucket.s3_001_elsewhere.id}",
                        "rule": [["apply_server_side_encryption_by_default": [["sse_algorithm": "aws:kms"]]]],
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-001", "KMS encryption linked by reference", violates: false,
            resource: "aws_s3_bucket.s3_001_good",
            [
                "aws_s3_bucket": ["s3_001_good": bucket("s3_001_good")],
                "aws_s3_bucket_server_side_encryption_configuration": [
                    "s3_001_good": [
                        "bucket": "${aws_s3_bucket.s3_001_good.id}",
                        "rule": [["apply_server_side_encryption_by_default": [["sse_algorithm": "aws:kms"]]]],
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-001", "AES256 linked by literal bucket name", violates: false,
            resource: "aws_s3_bucket.s3_001_literal",
            [
                "aws_s3_bucket": ["s3_001_literal": bucket("s3_001_literal")],
                "aws_s3_bucket_server_side_encryption_configuration": [
                    "s3_001_literal": [
                        "bucket": "infra-s3-001-literal",
                        "rule": ["apply_server_side_encryption_by_default": ["sse_algorithm": "AES256"]],
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-002", "suspended versioning", violates: true, resource: "aws_s3_bucket.s3_002_bad",
            [
                "aws_s3_bucket": ["s3_002_bad": bucket("s3_002_bad")],
                "aws_s3_bucket_versioning": [
                    "s3_002_bad": [
                        "bucket": "${aws_s3_bucket.s3_002_bad.id}",
                        "versioning_configuration": [["status": "Suspended"]],
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-002", "enabled versioning", violates: false, resource: "aws_s3_bucket.s3_002_good",
            [
                "aws_s3_bucket": ["s3_002_good": bucket("s3_002_good")],
                "aws_s3_bucket_versioning": [
                    "s3_002_good": [
                        "bucket": "${aws_s3_bucket.s3_002_good.id}",
                        "versioning_configuration": [["status": "Enabled"]],
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-003", "a public access block that allows public policies", violates: true,
            resource: "aws_s3_bucket.s3_003_bad",
            [
                "aws_s3_bucket": ["s3_003_bad": bucket("s3_003_bad")],
                "aws_s3_bucket_public_access_block": [
                    "s3_003_bad": [
                        "bucket": "${aws_s3_bucket.s3_003_bad.id}", "block_public_acls": true,
                        "block_public_policy": false,
                        "ignore_public_acls": true, "restrict_public_buckets": false,
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-003", "all four public access settings", violates: false, resource: "aws_s3_bucket.s3_003_good",
            [
                "aws_s3_bucket": ["s3_003_good": bucket("s3_003_good")],
                "aws_s3_bucket_public_access_block": [
                    "s3_003_good": [
                        "bucket": "${aws_s3_bucket.s3_003_good.id}", "block_public_acls": true,
                        "block_public_policy": true,
                        "ignore_public_acls": true, "restrict_public_buckets": true,
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-004", "a bucket without access logs", violates: true, resource: "aws_s3_bucket.s3_004_bad",
            ["aws_s3_bucket": ["s3_004_bad": bucket("s3_004_bad")]]),
        .terraform(
            "INFRA-S3-004", "access logs to a log bucket", violates: false, resource: "aws_s3_bucket.s3_004_good",
            [
                "aws_s3_bucket": ["s3_004_good": bucket("s3_004_good"), "s3_004_target": bucket("s3_004_target")],
                "aws_s3_bucket_logging": [
                    "s3_004_good": [
                        "bucket": "${aws_s3_bucket.s3_004_good.id}",
                        "target_bucket": "${aws_s3_bucket.s3_004_target.id}",
                        "target_prefix": "s3/",
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-005", "a policy without a TLS deny", violates: true, resource: "aws_s3_bucket.s3_005_bad",
            [
                "aws_s3_bucket": ["s3_005_bad": bucket("s3_005_bad")],
                "aws_s3_bucket_policy": [
                    "s3_005_bad": [
                        "bucket": "${aws_s3_bucket.s3_005_bad.id}",
                        "policy":
                            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::infra-s3-005-bad/*"}]}"#,
                    ]
                ],
            ]),
        .terraform(
            "INFRA-S3-005", "a TLS deny from an IAM policy document", violates: false,
            resource: "aws_s3_bucket.s3_005_good",
            [
                "aws_s3_bucket": ["s3_005_good": bucket("s3_005_good")],
                "aws_s3_bucket_policy": [
                    "s3_005_good": [
                        "bucket": "${aws_s3_bucket.s3_005_good.id}",
                        "policy": "${data.aws_iam_policy_document.s3_005_good.json}",
                    ]
                ],
            ],
            data: [
                "aws_iam_policy_document": [
                    "s3_005_good": [
                        "statement": [
                            [
                                "sid": "DenyInsecureTransport", "effect": "Deny", "actions": ["s3:*"],
                                "resources": [
                                    "${aws_s3_bucket.s3_005_good.arn}", "${aws_s3_bucket.s3_005_good.arn}/*",
                                ],
                                "principals": [["type": "*", "identifiers": ["*"]]],
                                "condition": [
                                    ["test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]]
                                ],
                            ]
                        ]
                    ]
                ]
            ]),
        .terraform(
            "INFRA-S3-005", "a TLS deny written as JSON", violates: false, resource: "aws_s3_bucket.s3_005_json",
            [
                "aws_s3_bucket": ["s3_005_json": bucket("s3_005_json")],
                "aws_s3_bucket_policy": [
                    "s3_005_json": [
                        "bucket": "${aws_s3_bucket.s3_005_json.id}",
                        "policy":
                            #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::infra-s3-005-json","arn:aws:s3:::infra-s3-005-json/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#,
                    ]
                ],
            ]),
    ]

    static let network: [RuleCase] = [
        .terraform(
            "INFRA-EC2-001", "SSH open to the world", violates: true, resource: "aws_security_group.ec2_001_ssh",
            [
                "aws_security_group": [
                    "ec2_001_ssh": [
                        "name": "ec2-001-ssh", "description": "ssh", "vpc_id": "vpc-12345678",
                        "ingress": [
                            [
                                "description": "ssh", "from_port": 22, "to_port": 22, "protocol": "tcp",
                                "cidr_blocks": ["0.0.0.0/0"],
                            ]
                        ],
                    ]
                ]
            ]),
        .terraform(
            "INFRA-EC2-001", "RDP open to ::/0 by a separate rule", violates: true,
            resource: "aws_security_group_rule.ec2_001_rdp",
            [
                "aws_security_group": [
                    "ec2_001_rdp": ["name": "ec2-001-rdp", "description": "rdp", "vpc_id": "vpc-12345678"]
                ],
                "aws_security_group_rule": [
                    "ec2_001_rdp": [
                        "type": "ingress", "description": "rdp", "from_port": 3389, "to_port": 3389, "protocol": "tcp",
                        "ipv6_cidr_blocks": ["::/0"], "security_group_id": "${aws_security_group.ec2_001_rdp.id}",
                    ]
                ],
            ]),
        .terraform(
            "INFRA-EC2-001", "all traffic open by a VPC ingress rule", violates: true,
            resource: "aws_vpc_security_group_ingress_rule.ec2_001_all",
            [
                "aws_security_group": [
                    "ec2_001_all": ["name": "ec2-001-all", "description": "all", "vpc_id": "vpc-12345678"]
                ],
                "aws_vpc_security_group_ingress_rule": [
                    "ec2_001_all": [
                        "security_group_id": "${aws_security_group.ec2_001_all.id}", "ip_protocol": "-1",
                        "cidr_ipv4": "0.0.0.0/0",
                    ]
                ],
            ]),
        .terraform(
            "INFRA-EC2-001", "HTTPS open on a load balancer group", violates: false,
            resource: "aws_security_group.ec2_001_alb",
            [
                "aws_security_group": [
                    "ec2_001_alb": [
                        "name": "ec2-001-alb", "description": "alb", "vpc_id": "vpc-12345678",
                        "ingress": [
                            [
                                "description": "https", "from_port": 443, "to_port": 443, "protocol": "tcp",
                                "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"],
                            ]
                        ],
                    ]
                ],
                "aws_lb": [
                    "ec2_001_alb": [
                        "name": "ec2-001-alb", "load_balancer_type": "application",
                        "security_groups": ["${aws_security_group.ec2_001_alb.id}"],
                        "subnets": ["subnet-1", "subnet-2"],
                    ]
                ],
            ]),
        .terraform(
            "INFRA-EC2-001", "SSH from a private range", violates: false,
            resource: "aws_security_group.ec2_001_private",
            [
                "aws_security_group": [
                    "ec2_001_private": [
                        "name": "ec2-001-private", "description": "ssh", "vpc_id": "vpc-12345678",
                        "ingress": [
                            [
                                "description": "ssh", "from_port": 22, "to_port": 22, "protocol": "tcp",
                                "cidr_blocks": ["10.0.0.0/8"],
                            ]
                        ],
                    ]
                ]
            ]),
        .terraform(
            "INFRA-VPC-001", "a VPC without flow logs", violates: true, resource: "aws_vpc.vpc_001_bad",
            ["aws_vpc": ["vpc_001_bad": ["cidr_block": "10.10.0.0/16"]]]),
        .terraform(
            "INFRA-VPC-001", "a VPC with a flow log", violates: false, resource: "aws_vpc.vpc_001_good",
            [
                "aws_vpc": ["vpc_001_good": ["cidr_block": "10.11.0.0/16"]],
                "aws_flow_log": [
                    "vpc_001_good": [
                        "vpc_id": "${aws_vpc.vpc_001_good.id}", "traffic_type": "ALL",
                        "log_destination_type": "cloud-watch-logs",
                        "log_destination": "arn:aws:logs:us-east-1:111122223333:log-group:flow",
                        "iam_role_arn": "arn:aws:iam::111122223333:role/flow",
                    ]
                ],
            ]),
        .terraform(
            "INFRA-EC2-002", "a launch template allowing IMDSv1", violates: true,
            resource: "aws_launch_template.ec2_002_bad",
            [
                "aws_launch_template": [
                    "ec2_002_bad": [
                        "name": "ec2-002-bad", "image_id": "ami-12345678",
                        "metadata_options": [["http_tokens": "optional"]],
                    ]
                ]
            ]),
        .terraform(
            "INFRA-EC2-002", "a launch template requiring IMDSv2", violates: false,
            resource: "aws_launch_template.ec2_002_good",
            [
                "aws_launch_template": [
                    "ec2_002_good": [
                        "name": "ec2-002-good", "image_id": "ami-12345678",
                        "metadata_options": [
                            [
                                "http_endpoint": "enabled", "http_tokens": "required",
                                "http_put_response_hop_limit": 1,
                            ]
                        ],
                    ]
                ]
            ]),
        .terraform(
            "INFRA-EC2-002", "an instance without metadata options", violates: true,
            resource: "aws_instance.ec2_002_instance",
            ["aws_instance": ["ec2_002_instance": ["ami": "ami-12345678", "instance_type": "t3.micro"]]]),
    ]

    static let audit: [RuleCase] =
        [
            .terraform(
                "INFRA-KMS-001", "a key without rotation", violates: true, resource: "aws_kms_key.kms_001_bad",
                ["aws_kms_key": ["kms_001_bad": ["description": "no rotation"]]]),
            .terraform(
                "INFRA-KMS-001", "a rotating key", violates: false, resource: "aws_kms_key.kms_001_good",
                ["aws_kms_key": ["kms_001_good": ["description": "rotation", "enable_key_rotation": true]]]),
            .terraform(
                "INFRA-KMS-001", "an asymmetric key, which cannot rotate", violates: false,
                resource: "aws_kms_key.kms_001_asymmetric",
                [
                    "aws_kms_key": [
                        "kms_001_asymmetric": [
                            "description": "signing", "customer_master_key_spec": "RSA_2048",
                            "key_usage": "SIGN_VERIFY",
                        ]
                    ]
                ]),
        ] + trailCases

    static let goodTrail: Value = [
        "name": "trail-good", "s3_bucket_name": "infra-trail-logs", "is_multi_region_trail": true,
        "enable_log_file_validation": true, "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/abcd",
    ]

    static var trailCases: [RuleCase] {
        [
            ("INFRA-TRAIL-001", "is_multi_region_trail", "trail_001"),
            ("INFRA-TRAIL-002", "enable_log_file_validation", "trail_002"),
            ("INFRA-TRAIL-003", "kms_key_id", "trail_003"),
        ].flatMap { rule, attribute, name -> [RuleCase] in
            var bad = goodTrail.objectValue ?? ValueObject()
            bad[attribute] = nil
            bad["name"] = .string("\(name)-bad")
            var good = goodTrail.objectValue ?? ValueObject()
            good["name"] = .string("\(name)-good")
            return [
                .terraform(
                    rule, "a trail without \(attribute)", violates: true, resource: "aws_cloudtrail.\(name)_bad",
                    ["aws_cloudtrail": .object(["\(name)_bad": .object(bad)])]),
                .terraform(
                    rule, "a fully configured trail", violates: false, resource: "aws_cloudtrail.\(name)_good",
                    ["aws_cloudtrail": .object(["\(name)_good": .object(good)])]),
            ]
        }
    }

    static func cluster(_ name: String, _ extra: ValueObject) -> Value {
        var body: ValueObject = [
            "name": .string(name), "role_arn": "arn:aws:iam::111122223333:role/eks",
            "vpc_config": [
                [
                    "subnet_ids": ["subnet-1", "subnet-2"], "endpoint_private_access": true,
                    "endpoint_public_access": false,
                ]
            ],
            "enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"],
            "encryption_config": [
                ["resources": ["secrets"], "provider": [["key_arn": "arn:aws:kms:us-east-1:111122223333:key/abcd"]]]
            ],
        ]
        for (key, value) in extra { body[key] = value == .null ? nil : value }
        return ["aws_eks_cluster": .object([name: .object(body)])]
    }

    static let eks: [RuleCase] = [
        .terraform(
            "INFRA-EKS-001", "a default public endpoint", violates: true, resource: "aws_eks_cluster.eks_001_bad",
            cluster("eks_001_bad", ["vpc_config": [["subnet_ids": ["subnet-1", "subnet-2"]]]])),
        .terraform(
            "INFRA-EKS-001", "a private endpoint", violates: false, resource: "aws_eks_cluster.eks_001_good",
            cluster("eks_001_good", [:])),
        .terraform(
            "INFRA-EKS-001", "a public endpoint restricted to an office range", violates: false,
            resource: "aws_eks_cluster.eks_001_cidr",
            cluster(
                "eks_001_cidr",
                [
                    "vpc_config": [
                        [
                            "subnet_ids": ["subnet-1"], "endpoint_public_access": true,
                            "public_access_cidrs": ["203.0.113.0/24"],
                        ]
                    ]
                ])),
        .terraform(
            "INFRA-EKS-002", "partial control-plane logging", violates: true, resource: "aws_eks_cluster.eks_002_bad",
            cluster("eks_002_bad", ["enabled_cluster_log_types": ["api", "audit"]])),
        .terraform(
            "INFRA-EKS-002", "every control-plane log type", violates: false, resource: "aws_eks_cluster.eks_002_good",
            cluster("eks_002_good", [:])),
        .terraform(
            "INFRA-EKS-003", "no secrets encryption", violates: true, resource: "aws_eks_cluster.eks_003_bad",
            cluster("eks_003_bad", ["encryption_config": .null])),
        .terraform(
            "INFRA-EKS-003", "KMS secrets encryption", violates: false, resource: "aws_eks_cluster.eks_003_good",
            cluster("eks_003_good", [:])),
    ]

    static func instance(_ name: String, _ extra: ValueObject) -> ValueObject {
        var body: ValueObject = [
            "identifier": .string(name.replacingOccurrences(of: "_", with: "-")), "engine": "postgres",
            "instance_class": "db.t3.micro", "allocated_storage": 20, "manage_master_user_password": true,
            "username": "app", "storage_encrypted": true, "backup_retention_period": 7,
        ]
        for (key, value) in extra { body[key] = value == .null ? nil : value }
        return body
    }

    static func docdb(_ name: String, _ extra: ValueObject) -> Value {
        var body: ValueObject = [
            "cluster_identifier": .string(name.replacingOccurrences(of: "_", with: "-")), "engine": "docdb",
            "master_username": "app", "manage_master_user_password": true, "storage_encrypted": true,
            "backup_retention_period": 7,
        ]
        for (key, value) in extra { body[key] = value == .null ? nil : value }
        return ["aws_docdb_cluster": .object([name: .object(body)])]
    }

    static func cache(_ name: String, _ extra: ValueObject) -> Value {
        var body: ValueObject = [
            "replication_group_id": .string(name.replacingOccurrences(of: "_", with: "-")), "description": "cache",
            "node_type": "cache.t3.micro", "num_cache_clusters": 2, "engine": "redis",
            "at_rest_encryption_enabled": true, "transit_encryption_enabled": true, "snapshot_retention_limit": 7,
        ]
        for (key, value) in extra { body[key] = value == .null ? nil : value }
        return ["aws_elasticache_replication_group": .object([name: .object(body)])]
    }

    static let database: [RuleCase] = [
        .terraform(
            "INFRA-RDS-001", "an unencrypted instance", violates: true, resource: "aws_db_instance.rds_001_bad",
            [
                "aws_db_instance": .object([
                    "rds_001_bad": .object(instance("rds_001_bad", ["storage_encrypted": false]))
                ])
            ]),
        .terraform(
            "INFRA-RDS-001", "an encrypted instance", violates: false, resource: "aws_db_instance.rds_001_good",
            ["aws_db_instance": .object(["rds_001_good": .object(instance("rds_001_good", [:]))])]),
        .terraform(
            "INFRA-RDS-002", "one day of backups", violates: true, resource: "aws_db_instance.rds_002_bad",
            [
                "aws_db_instance": .object([
                    "rds_002_bad": .object(instance("rds_002_bad", ["backup_retention_period": 1]))
                ])
            ]),
        .terraform(
            "INFRA-RDS-002", "no backups at all", violates: true, resource: "aws_db_instance.rds_002_none",
            [
                "aws_db_instance": .object([
                    "rds_002_none": .object(instance("rds_002_none", ["backup_retention_period": 0]))
                ])
            ]),
        .terraform(
            "INFRA-RDS-002", "seven days of backups", violates: false, resource: "aws_db_instance.rds_002_good",
            ["aws_db_instance": .object(["rds_002_good": .object(instance("rds_002_good", [:]))])]),
        .terraform(
            "INFRA-RDS-003", "no parameter group forcing SSL", violates: true, resource: "aws_db_instance.rds_003_bad",
            ["aws_db_instance": .object(["rds_003_bad": .object(instance("rds_003_bad", [:]))])]),
        .terraform(
            "INFRA-RDS-003", "rds.force_ssl = 1", violates: false, resource: "aws_db_instance.rds_003_good",
            [
                "aws_db_instance": .object([
                    "rds_003_good": .object(
                        instance(
                            "rds_003_good", ["parameter_group_name": "${aws_db_parameter_group.rds_003_good.name}"]))
                ]),
                "aws_db_parameter_group": [
                    "rds_003_good": [
                        "name": "rds-003-good", "family": "postgres16",
                        "parameter": [["name": "rds.force_ssl", "value": "1"]],
                    ]
                ],
            ]),
        .terraform(
            "INFRA-DOCDB-001", "an unencrypted cluster", violates: true, resource: "aws_docdb_cluster.docdb_001_bad",
            docdb("docdb_001_bad", ["storage_encrypted": .null])),
        .terraform(
            "INFRA-DOCDB-001", "an encrypted cluster", violates: false, resource: "aws_docdb_cluster.docdb_001_good",
            docdb("docdb_001_good", [:])),
        .terraform(
            "INFRA-DOCDB-002", "one day of backups", violates: true, resource: "aws_docdb_cluster.docdb_002_bad",
            docdb("docdb_002_bad", ["backup_retention_period": 1])),
        .terraform(
            "INFRA-DOCDB-002", "seven days of backups", violates: false, resource: "aws_docdb_cluster.docdb_002_good",
            docdb("docdb_002_good", [:])),
        .terraform(
            "INFRA-DOCDB-003", "a parameter group disabling TLS", violates: true,
            resource: "aws_docdb_cluster_parameter_group.docdb_003_bad",
            [
                "aws_docdb_cluster_parameter_group": [
                    "docdb_003_bad": [
                        "name": "docdb-003-bad", "family": "docdb5.0",
                        "parameter": [["name": "tls", "value": "disabled"]],
                    ]
                ]
            ]),
        .terraform(
            "INFRA-DOCDB-003", "a parameter group keeping TLS", violates: false,
            resource: "aws_docdb_cluster_parameter_group.docdb_003_good",
            [
                "aws_docdb_cluster_parameter_group": [
                    "docdb_003_good": [
                        "name": "docdb-003-good", "family": "docdb5.0",
                        "parameter": [["name": "tls", "value": "enabled"]],
                    ]
                ]
            ]),
        .terraform(
            "INFRA-CACHE-001", "no encryption at rest", violates: true,
            resource: "aws_elasticache_replication_group.cache_001_bad",
            cache("cache_001_bad", ["at_rest_encryption_enabled": false])),
        .terraform(
            "INFRA-CACHE-001", "encryption at rest", violates: false,
            resource: "aws_elasticache_replication_group.cache_001_good", cache("cache_001_good", [:])),
        .terraform(
            "INFRA-CACHE-002", "no encryption in transit", violates: true,
            resource: "aws_elasticache_replication_group.cache_002_bad",
            cache("cache_002_bad", ["transit_encryption_enabled": .null])),
        .terraform(
            "INFRA-CACHE-002", "encryption in transit", violates: false,
            resource: "aws_elasticache_replication_group.cache_002_good", cache("cache_002_good", [:])),
        .terraform(
            "INFRA-CACHE-003", "no snapshots", violates: true,
            resource: "aws_elasticache_replication_group.cache_003_bad",
            cache("cache_003_bad", ["snapshot_retention_limit": 0])),
        .terraform(
            "INFRA-CACHE-003", "a week of snapshots", violates: false,
            resource: "aws_elasticache_replication_group.cache_003_good", cache("cache_003_good", [:])),
    ]

    static let all: [RuleCase] = s3 + network + audit + eks + database + SecretCases.terraform
}
