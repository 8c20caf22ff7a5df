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
        .library(name: "InfraTerraform", targets: ["InfraTerraform"]),
        .library(name: "InfraAWS", targets: ["InfraAWS"]),
        .library(name: "InfraKubernetes", targets: ["InfraKubernetes"]),
        .library(name: "InfraSigV4", targets: ["InfraSigV4"]),
        .library(name: "InfraExecutor", targets: ["InfraExecutor"]),
        .library(name: "InfraTesting", targets: ["InfraTesting"]),
        .library(name: "InfraPolicy", targets: ["InfraPolicy"]),
        .library(name: "InfraCLI", targets: ["InfraCLI"]),
        .library(name: "OVESInfrastructure", targets: ["OVESInfrastructure"]),
        .executable(name: "infra-manifest", targets: ["infra-manifest"]),
        .executable(name: "infra-codegen", targets: ["infra-codegen"]),
        .executable(name: "infra-k8s-codegen", targets: ["infra-k8s-codegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "InfraCore", swiftSettings: strictSettings),
        .target(name: "InfraTerraform", dependencies: ["InfraCore"], swiftSettings: strictSettings),
        .target(name: "InfraAWS", dependencies: ["InfraTerraform"], swiftSettings: strictSettings),
        .target(name: "InfraKubernetes", dependencies: ["InfraCore"], swiftSettings: strictSettings),
        .target(
            name: "InfraSigV4",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InfraExecutor",
            dependencies: [
                "InfraCore", "InfraSigV4",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InfraTesting",
            dependencies: ["InfraTerraform", "InfraKubernetes"],
            swiftSettings: strictSettings
        ),
        .target(name: "InfraPolicy", dependencies: ["InfraCore"], swiftSettings: strictSettings),
        .executableTarget(name: "infra-codegen", swiftSettings: strictSettings),
        .executableTarget(name: "infra-k8s-codegen", swiftSettings: strictSettings),
        .target(
            name: "OVESInfrastructure",
            dependencies: ["InfraAWS", "InfraKubernetes", "InfraPolicy"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InfraCLI",
            dependencies: [
                "InfraCore", "InfraTerraform", "InfraKubernetes", "InfraSigV4", "InfraExecutor", "InfraPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "infra-manifest",
            dependencies: ["InfraCLI", "OVESInfrastructure"],
            swiftSettings: strictSettings
        ),
        // Shared helpers for the test targets: locating and running terraform, python and ../shared/tools.
        .target(name: "InfraTestSupport", path: "Tests/InfraTestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "InfraCoreTests", dependencies: ["InfraCore", "InfraTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "InfraTerraformTests",
            dependencies: ["InfraTestSupport", "InfraTerraform", "InfraTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InfraAWSTests", dependencies: ["InfraTestSupport", "InfraAWS", "InfraTesting"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraKubernetesTests",
            dependencies: ["InfraTestSupport", "InfraKubernetes", "InfraTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InfraPolicyTests", dependencies: ["InfraTestSupport", "InfraPolicy"], swiftSettings: strictSettings),
        .testTarget(
            name: "InfraSigV4Tests", dependencies: ["InfraTestSupport", "InfraSigV4"], swiftSettings: strictSettings),
        .testTarget(
            name: "InfraExecutorTests", dependencies: ["InfraTestSupport", "InfraExecutor"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InfraCLITests",
            dependencies: [
                "InfraTestSupport", "InfraCLI", "OVESInfrastructure", "InfraTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OVESInfrastructureTests",
            dependencies: ["InfraTestSupport", "OVESInfrastructure", "InfraTesting"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// BEGIN generated AWS family targets
// The generator's tests (Tests/InfraAWSTests) import the generator itself.
for target in package.targets where target.name == "InfraAWSTests" {
    target.dependencies.append("infra-codegen")
}
// END generated AWS family targets
