// swift-tools-version: 6.1
// swift-infra — a typed Swift SDK for infrastructure as code.
// Module layout follows Documentation/Architecture.md (one target per concept).

import PackageDescription

/// Settings every target shares: Swift 6 language mode plus the upcoming features we hold ourselves to.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "swift-infra",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "InfraCore", targets: ["InfraCore"]),
        .library(name: "InfraOutput", targets: ["InfraOutput"]),
        .library(name: "InfraTerraform", targets: ["InfraTerraform"]),
        .library(name: "InfraAWS", targets: ["InfraAWS"]),
        .library(name: "InfraKubernetes", targets: ["InfraKubernetes"]),
        .library(name: "InfraSigV4", targets: ["InfraSigV4"]),
        .library(name: "InfraSigningContract", targets: ["InfraSigningContract"]),
        .library(name: "InfraExecutor", targets: ["InfraExecutor"]),
        .library(name: "InfraExecutorTesting", targets: ["InfraExecutorTesting"]),
        .library(name: "InfraTesting", targets: ["InfraTesting"]),
        .library(name: "InfraPolicy", targets: ["InfraPolicy"]),
        .library(name: "InfraCLI", targets: ["InfraCLI"]),
        .library(name: "OVESInfrastructure", targets: ["OVESInfrastructure"]),
        .library(name: "InfraHCL", targets: ["InfraHCL"]),
        .library(name: "InfraConvert", targets: ["InfraConvert"]),
        .executable(name: "infra-manifest", targets: ["infra-manifest"]),
        .executable(name: "infra-codegen", targets: ["infra-codegen"]),
        .executable(name: "infra-k8s-codegen", targets: ["infra-k8s-codegen"]),
        .executable(name: "infra-functions-codegen", targets: ["infra-functions-codegen"]),
        // The edit-and-run loop without SwiftPM (issue 20): `swift run infra-dev --product my-infra -- synth`.
        .executable(name: "infra-dev", targets: ["infra-dev"]),
        // Every module a user's infrastructure executable imports, as ONE shared library for the debug
        // loop: an edit relinks the user's objects alone (Documentation/Performance.md, "Edit to output").
        // Depend on it instead of the static products above, never beside them (two copies of a module).
        .library(
            name: "SwiftInfraDynamic", type: .dynamic,
            targets: [
                "InfraCore", "InfraOutput", "InfraTerraform", "InfraAWS", "InfraKubernetes", "InfraPolicy", "InfraCLI",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Reading upstream YAML (`Include`): libyaml through Yams; writing stays InfraCore's YAMLWriter.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "InfraCore", swiftSettings: strictSettings),
        // Writing an output folder synth owns only in part (record with SHA-256 per file): apart from
        // InfraCore so that the value model and every back end stay free of swift-crypto.
        .target(
            name: "InfraOutput",
            dependencies: ["InfraCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "InfraTerraform", dependencies: ["InfraCore"], swiftSettings: strictSettings),
        // HCL native syntax: scanner, parser and expression tree, with line/column diagnostics.
        .target(name: "InfraHCL", swiftSettings: strictSettings),
        .target(name: "InfraAWS", dependencies: ["InfraCore", "InfraTerraform"], swiftSettings: strictSettings),
        .target(
            name: "InfraKubernetes", dependencies: ["InfraCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .target(
            name: "InfraSigV4",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // The JSON signing contract (shared/testdata/sigv4/README.md) that `infra-manifest sign` and the
        // sigv4-bench runner speak: a reader and writer around InfraSigV4, which keeps only signing.
        .target(name: "InfraSigningContract", dependencies: ["InfraSigV4"], swiftSettings: strictSettings),
        .target(
            name: "InfraExecutor",
            dependencies: [
                "InfraCore", "InfraSigV4",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Test doubles for code that uses InfraExecutor (InMemoryTransport), kept out of the product library.
        .target(name: "InfraExecutorTesting", dependencies: ["InfraExecutor"], swiftSettings: strictSettings),
        .target(
            name: "InfraTesting",
            dependencies: ["InfraCore", "InfraTerraform", "InfraKubernetes"],
            swiftSettings: strictSettings
        ),
        .target(name: "InfraPolicy", dependencies: ["InfraCore"], swiftSettings: strictSettings),
        // The AWS provider schema and how the generator names and shapes each type (read by the
        // generator and by the converter, so both agree on every Swift name).
        .target(name: "InfraAWSBindings", swiftSettings: strictSettings),
        .executableTarget(name: "infra-codegen", dependencies: ["InfraAWSBindings"], swiftSettings: strictSettings),
        // Terraform JSON, cdktf output and HCL → typed Swift (`infra-manifest convert`).
        .target(name: "InfraConvert", dependencies: ["InfraHCL", "InfraAWSBindings"], swiftSettings: strictSettings),
        // Terraform's built-in functions (codegen/terraform/) → Sources/InfraTerraform/Generated/Functions.swift.
        .executableTarget(name: "infra-functions-codegen", swiftSettings: strictSettings),
        // The Kubernetes generator as a library: infra-k8s-codegen (the built-in API) and
        // `infra-manifest import-crd` (a user's CRDs) share it.
        .target(name: "InfraKubernetesCodegen", swiftSettings: strictSettings),
        .executableTarget(
            name: "infra-k8s-codegen", dependencies: ["InfraKubernetesCodegen"], swiftSettings: strictSettings),
        .target(
            name: "OVESInfrastructure",
            dependencies: [
                "InfraCore", "InfraTerraform", "InfraAWS", "InfraKubernetes", "InfraPolicy",
                "InfraAWSAllContainers",
            ],
            resources: [.copy("Vendor")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InfraCLI",
            dependencies: [
                "InfraCore", "InfraOutput", "InfraTerraform", "InfraKubernetes", "InfraKubernetesCodegen",
                "InfraSigningContract", "InfraExecutor", "InfraPolicy", "InfraConvert",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "infra-manifest",
            dependencies: ["InfraCore", "InfraPolicy", "InfraCLI", "OVESInfrastructure"],
            swiftSettings: strictSettings
        ),
        // The loop behind `infra-dev`: SwiftPM's build plan read with Yams, staleness decided from file stamps.
        .target(
            name: "InfraDev", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strictSettings),
        .executableTarget(
            name: "infra-dev",
            dependencies: ["InfraDev", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        // Shared helpers for the test targets: locating and running terraform, python and ../shared/tools.
        .target(
            name: "InfraTestSupport", dependencies: ["InfraHCL"], path: "Tests/InfraTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraCoreTests", dependencies: ["InfraCore", "InfraTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "InfraOutputTests", dependencies: ["InfraCore", "InfraOutput", "InfraTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraHCLTests", dependencies: ["InfraHCL", "InfraTestSupport"], exclude: ["Corpus"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraConvertTests",
            dependencies: [
                "InfraCore", "InfraConvert", "InfraHCL", "InfraTestSupport", "OVESInfrastructure", "ConvertedCdktfOves",
                "ConvertedOvesJSON", "ConvertedOvesHCL", "ConvertedRealWorld", "ConvertedTypedForms",
            ],
            exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(
            name: "InfraTerraformTests",
            dependencies: [
                "InfraTestSupport", "InfraCore", "InfraTerraform", "InfraKubernetes", "InfraTesting",
                "infra-functions-codegen",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InfraAWSTests",
            dependencies: ["InfraTestSupport", "InfraCore", "InfraTerraform", "InfraAWS", "InfraAWSBindings"],
            swiftSettings: strictSettings),
        // What `infra-manifest import-crd` generates for the CRDs in Tests/InfraKubernetesTests/Fixtures/import-crd,
        // committed (a reference test regenerates it) and compiled here as a user's package would.
        .target(
            name: "InfraKubernetesImportFixture", dependencies: ["InfraCore", "InfraKubernetes"],
            path: "Tests/InfraKubernetesImportFixture", swiftSettings: strictSettings),
        // The convert round trip's converted Swift, one target per kind of input: committed (a test in
        // InfraConvertTests fails when converting again gives other files; Scripts/regenerate-converted.sh
        // rewrites them) and compiled with the language mode alone, as in a user's package.
        .target(
            name: "ConvertedCdktfOves", dependencies: ["InfraCore", "InfraTerraform", "InfraAWS"],
            path: "Tests/ConvertedFixtures/CdktfOves"),
        .target(
            name: "ConvertedOvesJSON",
            dependencies: ["InfraCore", "InfraTerraform", "InfraAWS", "InfraAWSAllContainers"],
            path: "Tests/ConvertedFixtures/OvesJSON"),
        .target(
            name: "ConvertedOvesHCL",
            dependencies: ["InfraCore", "InfraTerraform", "InfraAWS", "InfraAWSAllContainers"],
            path: "Tests/ConvertedFixtures/OvesHCL"),
        .target(
            name: "ConvertedRealWorld",
            dependencies: ["InfraCore", "InfraTerraform", "InfraAWS", "InfraAWSAllLoadBalancing"],
            path: "Tests/ConvertedFixtures/RealWorld"),
        .target(
            name: "ConvertedTypedForms", dependencies: ["InfraCore", "InfraTerraform", "InfraAWS"],
            path: "Tests/ConvertedFixtures/TypedForms"),
        .testTarget(
            name: "InfraKubernetesTests",
            dependencies: [
                "InfraTestSupport", "InfraCore", "InfraKubernetes", "InfraKubernetesCodegen",
                "InfraKubernetesImportFixture",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InfraDevTests", dependencies: ["InfraDev"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraPolicyTests", dependencies: ["InfraCore", "InfraPolicy"], swiftSettings: strictSettings),
        .testTarget(
            name: "InfraSigV4Tests", dependencies: ["InfraSigV4"], swiftSettings: strictSettings),
        .testTarget(
            name: "InfraSigningContractTests", dependencies: ["InfraSigV4", "InfraSigningContract"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraExecutorTests",
            dependencies: [
                "InfraCore", "InfraSigV4", "InfraExecutor", "InfraExecutorTesting", "InfraTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraCLITests",
            dependencies: [
                // `infra-manifest` itself: the CLI tests run the real command on the OVES reference.
                "InfraTestSupport", "InfraCore", "InfraTerraform", "InfraKubernetes", "InfraPolicy", "InfraCLI",
                "InfraOutput", "OVESInfrastructure", "infra-manifest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OVESInfrastructureTests",
            dependencies: [
                "InfraTestSupport", "InfraCore", "InfraTerraform", "InfraAWS", "InfraKubernetes", "InfraPolicy",
                "InfraTesting", "OVESInfrastructure",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// BEGIN generated AWS family targets
// Written by `swift run infra-codegen` (infra-codegen); edit the generator, not this block.
// Opt-in products with every AWS provider type outside the curated InfraAWS module, one
// target per service group (Sources/InfraAWSFamilies/Generated/<Group>/, one file per service).
// Every family but InfraAWSAllContainers and InfraAWSAllLoadBalancing is empty unless the trait AWSFamilies is on:
// the package's own build and tests leave them out, and a user turns it on in the dependency
// (Documentation/Generators.md, "Using the family products").
package.traits.insert(
    .trait(
        name: "AWSFamilies",
        description: "Compiles the opt-in InfraAWSAll<Group> modules (every AWS provider type outside InfraAWS)."
    )
)
package.products += [
    .library(name: "InfraAWSAllAI", targets: ["InfraAWSAllAI"]),
    .library(name: "InfraAWSAllAPIGateway", targets: ["InfraAWSAllAPIGateway"]),
    .library(name: "InfraAWSAllAccount", targets: ["InfraAWSAllAccount"]),
    .library(name: "InfraAWSAllAnalytics", targets: ["InfraAWSAllAnalytics"]),
    .library(name: "InfraAWSAllBilling", targets: ["InfraAWSAllBilling"]),
    .library(name: "InfraAWSAllCompute", targets: ["InfraAWSAllCompute"]),
    .library(name: "InfraAWSAllContactCenter", targets: ["InfraAWSAllContactCenter"]),
    .library(name: "InfraAWSAllContainers", targets: ["InfraAWSAllContainers"]),
    .library(name: "InfraAWSAllDataManagement", targets: ["InfraAWSAllDataManagement"]),
    .library(name: "InfraAWSAllDeveloperTools", targets: ["InfraAWSAllDeveloperTools"]),
    .library(name: "InfraAWSAllEC2", targets: ["InfraAWSAllEC2"]),
    .library(name: "InfraAWSAllEdge", targets: ["InfraAWSAllEdge"]),
    .library(name: "InfraAWSAllEndUserComputing", targets: ["InfraAWSAllEndUserComputing"]),
    .library(name: "InfraAWSAllGovernance", targets: ["InfraAWSAllGovernance"]),
    .library(name: "InfraAWSAllIdentity", targets: ["InfraAWSAllIdentity"]),
    .library(name: "InfraAWSAllIoT", targets: ["InfraAWSAllIoT"]),
    .library(name: "InfraAWSAllLoadBalancing", targets: ["InfraAWSAllLoadBalancing"]),
    .library(name: "InfraAWSAllMedia", targets: ["InfraAWSAllMedia"]),
    .library(name: "InfraAWSAllMessaging", targets: ["InfraAWSAllMessaging"]),
    .library(name: "InfraAWSAllMonitoring", targets: ["InfraAWSAllMonitoring"]),
    .library(name: "InfraAWSAllNetworkConnectivity", targets: ["InfraAWSAllNetworkConnectivity"]),
    .library(name: "InfraAWSAllNetworking", targets: ["InfraAWSAllNetworking"]),
    .library(name: "InfraAWSAllNoSQL", targets: ["InfraAWSAllNoSQL"]),
    .library(name: "InfraAWSAllQuickSight", targets: ["InfraAWSAllQuickSight"]),
    .library(name: "InfraAWSAllRDS", targets: ["InfraAWSAllRDS"]),
    .library(name: "InfraAWSAllRedshift", targets: ["InfraAWSAllRedshift"]),
    .library(name: "InfraAWSAllS3", targets: ["InfraAWSAllS3"]),
    .library(name: "InfraAWSAllSageMaker", targets: ["InfraAWSAllSageMaker"]),
    .library(name: "InfraAWSAllSearch", targets: ["InfraAWSAllSearch"]),
    .library(name: "InfraAWSAllSecurity", targets: ["InfraAWSAllSecurity"]),
    .library(name: "InfraAWSAllServerless", targets: ["InfraAWSAllServerless"]),
    .library(name: "InfraAWSAllStorage", targets: ["InfraAWSAllStorage"]),
    .library(name: "InfraAWSAllStreaming", targets: ["InfraAWSAllStreaming"]),
    .library(name: "InfraAWSAllSystemsManager", targets: ["InfraAWSAllSystemsManager"]),
    .library(name: "InfraAWSAllWAF", targets: ["InfraAWSAllWAF"]),
]
package.targets += [
    // AI: bedrock bedrockagent comprehend lex lexv2models polly qbusiness rekognition transcribe
    .target(
        name: "InfraAWSAllAI", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/AI", swiftSettings: strictSettings
    ),
    // APIGateway: apigateway apigatewayv2 appsync
    .target(
        name: "InfraAWSAllAPIGateway", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/APIGateway", swiftSettings: strictSettings
    ),
    // Account: account arn canonical service
    .target(
        name: "InfraAWSAllAccount", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Account", swiftSettings: strictSettings
    ),
    // Analytics: athena dataexchange datapipeline emr emrcontainers emrserverless glue lakeformation
    .target(
        name: "InfraAWSAllAnalytics", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Analytics", swiftSettings: strictSettings
    ),
    // Billing: billing budgets ce computeoptimizer costoptimizationhub cur pricing
    .target(
        name: "InfraAWSAllBilling", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Billing", swiftSettings: strictSettings
    ),
    // Compute: appautoscaling apprunner autoscaling autoscalingplans batch elasticbeanstalk imagebuilder
    //   lightsail m2 opsworks outposts
    .target(
        name: "InfraAWSAllCompute", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Compute", swiftSettings: strictSettings
    ),
    // ContactCenter: chime chimesdkmediapipelines chimesdkvoice connect customerprofiles
    .target(
        name: "InfraAWSAllContactCenter", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/ContactCenter", swiftSettings: strictSettings
    ),
    // Containers: ecr ecrpublic ecs eks
    .target(
        name: "InfraAWSAllContainers", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Containers", swiftSettings: strictSettings
    ),
    // DataManagement: bcmdataexports cleanrooms datazone dms finspace
    .target(
        name: "InfraAWSAllDataManagement", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/DataManagement", swiftSettings: strictSettings
    ),
    // DeveloperTools: amplify cloud9 codeartifact codebuild codecatalyst codecommit codeconnections
    //   codedeploy codeguruprofiler codegurureviewer codepipeline codestarconnections codestarnotifications
    //   devicefarm
    .target(
        name: "InfraAWSAllDeveloperTools", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/DeveloperTools", swiftSettings: strictSettings
    ),
    // EC2: ami ebs ec2 instances launch snapshot spot
    .target(
        name: "InfraAWSAllEC2", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/EC2", swiftSettings: strictSettings
    ),
    // Edge: cloudfront cloudfrontkeyvaluestore route53 route53domains route53profiles
    //   route53recoverycontrolconfig route53recoveryreadiness
    .target(
        name: "InfraAWSAllEdge", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Edge", swiftSettings: strictSettings
    ),
    // EndUserComputing: appstream directoryservice gamelift worklink workspaces workspacesweb
    .target(
        name: "InfraAWSAllEndUserComputing", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/EndUserComputing", swiftSettings: strictSettings
    ),
    // Governance: auditmanager chatbot cloudcontrolapi cloudformation config controltower licensemanager
    //   notifications notificationscontacts organizations ram resourceexplorer2 resourcegroups
    //   resourcegroupstaggingapi servicecatalog servicecatalogappregistry servicequotas
    .target(
        name: "InfraAWSAllGovernance", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Governance", swiftSettings: strictSettings
    ),
    // Identity: accessanalyzer cognito iam identitystore rolesanywhere ssoadmin verifiedpermissions
    .target(
        name: "InfraAWSAllIdentity", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Identity", swiftSettings: strictSettings
    ),
    // IoT: iot
    .target(
        name: "InfraAWSAllIoT", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/IoT", swiftSettings: strictSettings
    ),
    // LoadBalancing: alb elb lb lbs
    .target(
        name: "InfraAWSAllLoadBalancing", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/LoadBalancing", swiftSettings: strictSettings
    ),
    // Media: elastictranscoder ivs ivschat media medialive
    .target(
        name: "InfraAWSAllMedia", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Media", swiftSettings: strictSettings
    ),
    // Messaging: appfabric appflow appintegrations location mq pinpoint pinpointsmsvoicev2 ses sesv2 sns
    //   sqs
    .target(
        name: "InfraAWSAllMessaging", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Messaging", swiftSettings: strictSettings
    ),
    // Monitoring: applicationinsights cloudtrail cloudwatch devopsguru evidently fis grafana
    //   internetmonitor oam prometheus resiliencehub rum synthetics xray
    .target(
        name: "InfraAWSAllMonitoring", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Monitoring", swiftSettings: strictSettings
    ),
    // NetworkConnectivity: appmesh dx globalaccelerator networkmanager vpclattice
    .target(
        name: "InfraAWSAllNetworkConnectivity", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/NetworkConnectivity", swiftSettings: strictSettings
    ),
    // Networking: customer default eip eips internet ip nat network networkfirewall networkmonitor prefix
    //   route security servicediscovery verifiedaccess vpc vpcs vpn
    .target(
        name: "InfraAWSAllNetworking", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Networking", swiftSettings: strictSettings
    ),
    // NoSQL: dax dynamodb elasticache keyspaces memorydb qldb simpledb timestreaminfluxdb timestreamquery
    //   timestreamwrite
    .target(
        name: "InfraAWSAllNoSQL", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/NoSQL", swiftSettings: strictSettings
    ),
    // QuickSight: quicksight
    .target(
        name: "InfraAWSAllQuickSight", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/QuickSight", swiftSettings: strictSettings
    ),
    // RDS: db docdb docdbelastic dsql neptune neptunegraph rds
    .target(
        name: "InfraAWSAllRDS", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/RDS", swiftSettings: strictSettings
    ),
    // Redshift: redshift redshiftdata redshiftserverless
    .target(
        name: "InfraAWSAllRedshift", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Redshift", swiftSettings: strictSettings
    ),
    // S3: glacier s3 s3control s3outposts s3tables
    .target(
        name: "InfraAWSAllS3", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/S3", swiftSettings: strictSettings
    ),
    // SageMaker: sagemaker
    .target(
        name: "InfraAWSAllSageMaker", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/SageMaker", swiftSettings: strictSettings
    ),
    // Search: cloudsearch elasticsearch kendra opensearch opensearchserverless
    .target(
        name: "InfraAWSAllSearch", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Search", swiftSettings: strictSettings
    ),
    // Security: acmpca cloudhsm detective fms guardduty inspector inspector2 kms macie2
    //   paymentcryptography rbin secretsmanager securityhub securitylake shield signer
    .target(
        name: "InfraAWSAllSecurity", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Security", swiftSettings: strictSettings
    ),
    // Serverless: lambda pipes scheduler schemas serverlessapplicationrepository sfn swf
    .target(
        name: "InfraAWSAllServerless", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Serverless", swiftSettings: strictSettings
    ),
    // Storage: backup datasync drs efs fsx storagegateway transfer
    .target(
        name: "InfraAWSAllStorage", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Storage", swiftSettings: strictSettings
    ),
    // Streaming: kinesis kinesisanalyticsv2 msk mskconnect mwaa osis
    .target(
        name: "InfraAWSAllStreaming", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/Streaming", swiftSettings: strictSettings
    ),
    // SystemsManager: appconfig ssm ssmcontacts ssmincidents ssmquicksetup
    .target(
        name: "InfraAWSAllSystemsManager", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/SystemsManager", swiftSettings: strictSettings
    ),
    // WAF: waf wafregional wafv2
    .target(
        name: "InfraAWSAllWAF", dependencies: ["InfraCore", "InfraTerraform"],
        path: "Sources/InfraAWSFamilies/Generated/WAF", swiftSettings: strictSettings
    ),
]
// The generator's tests (Tests/InfraAWSTests) import the generator itself.
for target in package.targets where target.name == "InfraAWSTests" {
    target.dependencies.append("infra-codegen")
}
// END generated AWS family targets
