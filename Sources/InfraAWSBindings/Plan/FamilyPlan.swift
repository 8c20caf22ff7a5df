// The opt-in whole-provider modules: every type not in the curated set, one file per AWS
// service, services grouped into ~30 library targets `InfraAWSAll<Group>` under
// `Sources/InfraAWSFamilies/Generated/<Group>/`, so importing EKS extras never compiles QuickSight.

/// Service → group assignment for the family modules.
package enum FamilyPlan {
    /// Multi-word service prefixes (checked before the first word of the type name).
    package static let servicePrefixes: [(prefix: String, service: String)] = [
        ("service_discovery_", "servicediscovery"), ("elastic_beanstalk_", "elasticbeanstalk"),
        ("directory_service_", "directoryservice"), ("api_gateway_", "apigateway"), ("load_balancer_", "elb"),
        ("app_cookie_", "elb"), ("proxy_protocol_", "elb"),
    ]

    /// Group (target suffix) → services (first word of the type name after `aws_`, or a prefix above).
    package static let groups: [(group: String, services: [String])] = [
        (
            "Networking",
            [
                "vpc", "vpcs", "subnet", "subnets", "route", "internet", "egress", "nat", "eip", "eips", "default",
                "main", "flow", "network", "networkmonitor", "security", "customer", "prefix", "vpn", "ip",
                "verifiedaccess", "networkfirewall", "servicediscovery",
            ]
        ),
        ("NetworkConnectivity", ["dx", "networkmanager", "globalaccelerator", "vpclattice", "appmesh"]),
        (
            "EC2",
            [
                "ec2", "ami", "instance", "instances", "launch", "ebs", "volume", "snapshot", "key", "placement",
                "spot",
                "dlm",
            ]
        ),
        (
            "Compute",
            [
                "autoscaling", "autoscalingplans", "appautoscaling", "batch", "lightsail", "outposts",
                "elasticbeanstalk", "apprunner", "m2", "opsworks", "imagebuilder",
            ]
        ),
        ("Containers", ["ecs", "ecr", "ecrpublic", "eks"]),
        ("APIGateway", ["apigateway", "apigatewayv2", "appsync"]),
        ("Serverless", ["lambda", "sfn", "pipes", "scheduler", "serverlessapplicationrepository", "swf", "schemas"]),
        ("S3", ["s3", "s3control", "s3outposts", "s3tables", "glacier"]),
        ("Storage", ["efs", "fsx", "backup", "storagegateway", "datasync", "drs", "transfer"]),
        ("RDS", ["db", "rds", "docdb", "docdbelastic", "neptune", "neptunegraph", "dsql"]),
        (
            "NoSQL",
            [
                "dynamodb", "dax", "elasticache", "memorydb", "keyspaces", "qldb", "timestreaminfluxdb",
                "timestreamquery", "timestreamwrite", "simpledb",
            ]
        ),
        ("Redshift", ["redshift", "redshiftserverless", "redshiftdata"]),
        ("QuickSight", ["quicksight"]),
        (
            "Analytics",
            [
                "athena", "glue", "emr", "emrserverless", "emrcontainers", "lakeformation", "datapipeline",
                "dataexchange",
            ]
        ),
        ("DataManagement", ["datazone", "cleanrooms", "bcmdataexports", "finspace", "dms"]),
        ("Streaming", ["kinesis", "kinesisanalyticsv2", "msk", "mskconnect", "mwaa", "osis"]),
        ("Search", ["opensearch", "opensearchserverless", "elasticsearch", "kendra", "cloudsearch"]),
        ("SageMaker", ["sagemaker"]),
        (
            "AI",
            [
                "bedrock", "bedrockagent", "comprehend", "rekognition", "lex", "lexv2models", "polly", "transcribe",
                "qbusiness",
            ]
        ),
        (
            "Identity",
            ["iam", "accessanalyzer", "identitystore", "ssoadmin", "rolesanywhere", "verifiedpermissions", "cognito"]
        ),
        (
            "Security",
            [
                "kms", "acm", "acmpca", "secretsmanager", "cloudhsm", "paymentcryptography", "signer", "guardduty",
                "securityhub", "securitylake", "inspector", "inspector2", "macie2", "detective", "shield", "fms",
                "rbin",
            ]
        ),
        ("WAF", ["waf", "wafregional", "wafv2"]),
        (
            "Monitoring",
            [
                "cloudwatch", "cloudtrail", "oam", "rum", "synthetics", "xray", "internetmonitor", "evidently",
                "applicationinsights", "devopsguru", "grafana", "prometheus", "fis", "resiliencehub",
            ]
        ),
        ("SystemsManager", ["ssm", "ssmcontacts", "ssmincidents", "ssmquicksetup", "appconfig"]),
        (
            "Governance",
            [
                "config", "organizations", "controltower", "servicecatalog", "servicecatalogappregistry",
                "cloudformation", "cloudcontrolapi", "resourcegroups", "resourcegroupstaggingapi", "resourceexplorer2",
                "servicequotas", "licensemanager", "ram", "auditmanager", "chatbot", "notifications",
                "notificationscontacts",
            ]
        ),
        ("Billing", ["budgets", "ce", "cur", "billing", "costoptimizationhub", "computeoptimizer", "pricing"]),
        (
            "Messaging",
            [
                "sns", "sqs", "mq", "ses", "sesv2", "pinpoint", "pinpointsmsvoicev2", "appflow", "appintegrations",
                "appfabric", "location",
            ]
        ),
        ("ContactCenter", ["connect", "customerprofiles", "chime", "chimesdkmediapipelines", "chimesdkvoice"]),
        (
            "DeveloperTools",
            [
                "codeartifact", "codebuild", "codecatalyst", "codecommit", "codeconnections", "codedeploy",
                "codeguruprofiler", "codegurureviewer", "codepipeline", "codestarconnections", "codestarnotifications",
                "cloud9", "amplify", "devicefarm",
            ]
        ),
        (
            "Edge",
            [
                "cloudfront", "cloudfrontkeyvaluestore", "route53", "route53domains", "route53profiles",
                "route53recoverycontrolconfig", "route53recoveryreadiness",
            ]
        ),
        ("LoadBalancing", ["lb", "lbs", "alb", "elb"]),
        ("EndUserComputing", ["workspaces", "workspacesweb", "worklink", "appstream", "directoryservice", "gamelift"]),
        ("Media", ["media", "medialive", "elastictranscoder", "ivs", "ivschat"]),
        ("IoT", ["iot"]),
        (
            "Account",
            [
                "account", "arn", "caller", "canonical", "partition", "region", "regions", "availability", "service",
            ]
        ),
    ]

    /// Group for types whose service is in no group (a newer provider); the generator reports them.
    package static let fallbackGroup = "Other"

    /// The service key of a type: `aws_vpc_endpoint` → `vpc`, `aws_service_discovery_service` → `servicediscovery`.
    package static func service(of type: String) -> String {
        let name = type.hasPrefix("aws_") ? String(type.dropFirst(4)) : type
        if let match = servicePrefixes.first(where: { name.hasPrefix($0.prefix) }) { return match.service }
        return String(name.split(separator: "_").first ?? Substring(name))
    }

    /// Service → group lookup.
    package static let groupOfService: [String: String] = {
        var map: [String: String] = [:]
        for (group, services) in groups { for service in services { map[service] = group } }
        return map
    }()

    /// What every family's target name starts with.
    package static let targetPrefix = "InfraAWSAll"

    /// The target name of a group.
    package static func targetName(_ group: String) -> String { targetPrefix + group }

    /// The package trait that compiles the gated families. Off by default: the package's own
    /// `swift build` and `swift test` build every target of the package, and the 34 gated
    /// families were 30 % of that build's CPU (Documentation/Performance.md). A user turns it on
    /// in the dependency: `.package(url: …, from: …, traits: ["AWSFamilies"])`.
    package static let trait = "AWSFamilies"

    /// Groups compiled without the trait: the built-in OVES reference (`swift run
    /// infra-manifest`, the package's main job) imports `InfraAWSAllContainers`, and the convert
    /// round trip's committed targets (Tests/ConvertedFixtures) import it and `InfraAWSAllLoadBalancing`.
    package static let ungatedGroups: Set<String> = ["Containers", "LoadBalancing"]

    /// Whether a group's module is empty unless the package trait ``trait`` is enabled.
    package static func isGated(_ group: String) -> Bool { !ungatedGroups.contains(group) }

    /// Whether a product (`InfraAWSAllS3`) needs the package trait ``trait``.
    package static func needsTrait(product: String) -> Bool {
        guard product.hasPrefix(targetPrefix) else { return false }
        return isGated(String(product.dropFirst(targetPrefix.count)))
    }
}
