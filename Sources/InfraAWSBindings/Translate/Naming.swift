// Terraform → Swift naming rules, in one place so the generator, its docs and the
// round-trip test agree:
//   type  `aws_s3_bucket_versioning` → `AWSS3BucketVersioning`; data source → `DataAWS…`
//   attribute `cidr_block` → `cidrBlock`; `ipv6_cidr_block` → `ipv6CidrBlock`; a part that starts
//   with a digit keeps its underscore (`a_1` → `a_1`) so the mapping is invertible.
//   Swift keywords are escaped with backticks; names that collide with protocol members
//   (`name`, `meta`, `count`, …) get the suffix `Attribute` on the stored property.

/// Naming rules for generated Swift.
package enum Naming {
    /// Word parts rendered as fixed acronyms or brand spellings in type names.
    package static let wordSpellings: [String: String] = [
        "aws": "AWS", "vpc": "VPC", "s3": "S3", "iam": "IAM", "eks": "EKS", "ebs": "EBS", "ec2": "EC2",
        "kms": "KMS", "rds": "RDS", "db": "DB", "docdb": "DocDB", "acm": "ACM", "acmpca": "ACMPCA", "sns": "SNS",
        "sqs": "SQS", "ssm": "SSM", "efs": "EFS", "lb": "LB", "alb": "ALB", "elb": "ELB", "ami": "AMI", "acl": "ACL",
        "dns": "DNS", "ip": "IP", "ipv4": "IPv4", "ipv6": "IPv6", "id": "ID", "arn": "ARN", "api": "API",
        "http": "HTTP", "https": "HTTPS", "ssl": "SSL", "tls": "TLS", "url": "URL", "nat": "NAT", "eip": "EIP",
        "ecr": "ECR", "ecs": "ECS", "dlm": "DLM", "vpn": "VPN", "oidc": "OIDC", "openid": "OpenID",
        "dynamodb": "DynamoDB", "elasticache": "ElastiCache", "cloudwatch": "CloudWatch", "cloudtrail": "CloudTrail",
        "cloudfront": "CloudFront", "route53": "Route53", "secretsmanager": "SecretsManager",
        "autoscaling": "AutoScaling", "ses": "SES", "sesv2": "SESv2", "waf": "WAF", "wafv2": "WAFv2",
        "wafregional": "WAFRegional", "dx": "DX", "msk": "MSK", "mq": "MQ", "emr": "EMR", "ssoadmin": "SSOAdmin",
        "iot": "IoT", "dms": "DMS", "fsx": "FSx", "apigatewayv2": "APIGatewayV2", "appsync": "AppSync",
        "sagemaker": "SageMaker", "quicksight": "QuickSight", "opensearch": "OpenSearch",
        "networkmanager": "NetworkManager", "servicecatalog": "ServiceCatalog", "securityhub": "SecurityHub",
        "guardduty": "GuardDuty", "vpclattice": "VPCLattice", "s3control": "S3Control", "memorydb": "MemoryDB",
        "datasync": "DataSync", "appconfig": "AppConfig", "opensearchserverless": "OpenSearchServerless",
        "sts": "STS", "cidr": "CIDR", "uri": "URI", "ssh": "SSH", "sso": "SSO", "saml": "SAML", "jwt": "JWT",
        "vpce": "VPCE", "ipam": "IPAM", "cpu": "CPU", "gpu": "GPU", "ecrpublic": "ECRPublic",
        "codebuild": "CodeBuild", "codepipeline": "CodePipeline", "codecommit": "CodeCommit",
        "codedeploy": "CodeDeploy", "cloudformation": "CloudFormation", "appmesh": "AppMesh", "sfn": "SFN",
        "s3outposts": "S3Outposts", "s3tables": "S3Tables", "ecrpublic_": "ECRPublic", "xray": "XRay",
        "vpclink": "VPCLink", "ssmcontacts": "SSMContacts", "ssmincidents": "SSMIncidents",
        "ssmquicksetup": "SSMQuickSetup", "elasticsearch": "Elasticsearch", "elb2": "ELB2",
        "servicediscovery": "ServiceDiscovery", "elasticbeanstalk": "ElasticBeanstalk",
        "directoryservice": "DirectoryService", "apigateway": "APIGateway",
        "chimesdkmediapipelines": "ChimeSDKMediaPipelines", "chimesdkvoice": "ChimeSDKVoice",
        "servicecatalogappregistry": "ServiceCatalogAppRegistry",
        "resourcegroupstaggingapi": "ResourceGroupsTaggingAPI",
        "resourcegroups": "ResourceGroups", "resourceexplorer2": "ResourceExplorer2", "lakeformation": "LakeFormation",
        "kinesisanalyticsv2": "KinesisAnalyticsV2", "mskconnect": "MSKConnect",
        "redshiftserverless": "RedshiftServerless",
        "redshiftdata": "RedshiftData", "emrserverless": "EMRServerless", "emrcontainers": "EMRContainers",
        "globalaccelerator": "GlobalAccelerator", "networkfirewall": "NetworkFirewall",
        "storagegateway": "StorageGateway", "elastictranscoder": "ElasticTranscoder", "medialive": "MediaLive",
        "pinpointsmsvoicev2": "PinpointSMSVoiceV2", "licensemanager": "LicenseManager", "controltower": "ControlTower",
        "cloudcontrolapi": "CloudControlAPI", "servicequotas": "ServiceQuotas", "computeoptimizer": "ComputeOptimizer",
        "costoptimizationhub": "CostOptimizationHub", "bedrockagent": "BedrockAgent", "lexv2models": "LexV2Models",
        "identitystore": "IdentityStore", "rolesanywhere": "RolesAnywhere",
        "verifiedpermissions": "VerifiedPermissions",
        "verifiedaccess": "VerifiedAccess", "networkmonitor": "NetworkMonitor", "internetmonitor": "InternetMonitor",
        "devopsguru": "DevOpsGuru", "resiliencehub": "ResilienceHub", "auditmanager": "AuditManager",
        "securitylake": "SecurityLake", "paymentcryptography": "PaymentCryptography", "cloudhsm": "CloudHSM",
        "codeartifact": "CodeArtifact", "codecatalyst": "CodeCatalyst", "codeconnections": "CodeConnections",
        "codeguruprofiler": "CodeGuruProfiler", "codegurureviewer": "CodeGuruReviewer",
        "codestarconnections": "CodeStarConnections", "codestarnotifications": "CodeStarNotifications",
        "devicefarm": "DeviceFarm", "workspacesweb": "WorkSpacesWeb", "workspaces": "WorkSpaces",
        "appstream": "AppStream", "gamelift": "GameLift", "worklink": "WorkLink",
        "customerprofiles": "CustomerProfiles",
        "appintegrations": "AppIntegrations", "appfabric": "AppFabric", "appflow": "AppFlow", "apprunner": "AppRunner",
        "autoscalingplans": "AutoScalingPlans", "appautoscaling": "AppAutoScaling", "imagebuilder": "ImageBuilder",
        "opsworks": "OpsWorks", "neptunegraph": "NeptuneGraph", "docdbelastic": "DocDBElastic", "dsql": "DSQL",
        "timestreaminfluxdb": "TimestreamInfluxDB", "timestreamquery": "TimestreamQuery",
        "timestreamwrite": "TimestreamWrite", "simpledb": "SimpleDB", "qldb": "QLDB", "dax": "DAX",
        "datazone": "DataZone", "cleanrooms": "CleanRooms", "bcmdataexports": "BCMDataExports", "finspace": "FinSpace",
        "dataexchange": "DataExchange", "datapipeline": "DataPipeline", "mwaa": "MWAA", "osis": "OSIS",
        "cloudsearch": "CloudSearch", "qbusiness": "QBusiness", "notificationscontacts": "NotificationsContacts",
        "applicationinsights": "ApplicationInsights",
        "serverlessapplicationrepository": "ServerlessApplicationRepository",
        "cloudfrontkeyvaluestore":
            "CloudFrontKeyValueStore", "route53domains": "Route53Domains", "route53profiles": "Route53Profiles",
        "route53recoverycontrolconfig": "Route53RecoveryControlConfig",
        "route53recoveryreadiness": "Route53RecoveryReadiness", "ivschat": "IVSChat", "ivs": "IVS", "m2": "M2",
        "ce": "CE", "cur": "CUR", "ram": "RAM", "fms": "FMS", "fis": "FIS", "rum": "RUM", "oam": "OAM",
        "drs": "DRS", "rbin": "RBin", "macie2": "Macie2", "inspector2": "Inspector2",
    ]

    /// Swift keywords that need backticks as declaration names.
    package static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw",
        "switch", "where", "while", "as", "false", "is", "nil", "self", "super", "throws", "true", "try", "Any",
        "Self", "Type", "Protocol",
    ]

    /// Members of `TerraformResource`/`MetaArgumentCarrier`/`BlockConvertible` a property must not shadow.
    package static let reservedMembers: Set<String> = [
        "name", "meta", "address", "reference", "renderBody", "terraformType", "stackElements", "dependsOn", "count",
        "forEach", "provider", "lifecycle", "override", "inFile", "at", "terraformBlock", "id", "self", "Self", "super",
        "init", "Type", "Protocol", "deinit", "subscript",
    ]

    /// Nested type names that would shadow types the generated code uses.
    package static let reservedTypeNames: Set<String> = [
        "Value", "String", "Bool", "Double", "Int", "Set", "Array", "Dictionary", "Block", "Expr", "Expression",
        "Type", "Protocol", "Self", "Any", "Optional", "Never", "Sendable", "Error", "Lifecycle", "MetaArguments",
        "BlockConvertible",
    ]

    /// `cidr_block` → `cidrBlock` (unescaped).
    package static func property(_ terraformName: String) -> String {
        let parts = terraformName.split(separator: "_", omittingEmptySubsequences: false)
        var result = String(parts.first ?? "")
        for part in parts.dropFirst() {
            if let first = part.first, first.isLetter {
                result += first.uppercased() + part.dropFirst()
            } else {
                result += "_" + part
            }
        }
        if let first = result.first, first.isNumber { result = "_" + result }
        return result
    }

    /// The inverse of ``property(_:)``: `cidrBlock` → `cidr_block`.
    package static func terraformName(fromProperty swiftName: String) -> String {
        var result = ""
        var name = Substring(swiftName)
        if name.first == "_", name.dropFirst().first?.isNumber == true { name = name.dropFirst() }
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `aws_s3_bucket` → `AWSS3Bucket`; `timeouts` → `Timeouts`.
    package static func typeName(_ terraformName: String) -> String {
        terraformName.split(separator: "_").map { part -> String in
            let word = String(part)
            if let spelled = wordSpellings[word] { return spelled }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }

    /// The Swift type name of a resource (`AWSVPC`) or data source (`DataAWSRegion`).
    package static func topLevelType(_ terraformType: String, dataSource: Bool) -> String {
        (dataSource ? "Data" : "") + typeName(terraformType)
    }

    /// A nested block's struct name, avoiding names that would shadow standard types.
    package static func nestedType(_ blockName: String) -> String {
        let base = typeName(blockName)
        return reservedTypeNames.contains(base) ? base + "Block" : base
    }

    /// A declaration name, escaped when it is a keyword.
    package static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }
}
