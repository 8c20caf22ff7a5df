// swift-tools-version: 6.1
// swift-infra benchmarks: a separate package so the main package never depends on the
// benchmark harness. `swift package --package-path Benchmarks benchmark` runs the in-process
// benchmarks; `swift run -c release --package-path Benchmarks infra-bench ...` runs one
// workload as a whole process (what `compare.sh` times against cdktf and cdk8s).

import PackageDescription

/// SwiftPM names a path dependency after its folder (`main` here, something else in a CI
/// clone), so the main package's identity is read off the folder above this one.
let infra = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()

/// The same strictness as the main package.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "swift-infra-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The workloads, shared by the benchmarks and the whole-process runner (InfraAWS comes in
        // with the OVES reference).
        .target(
            name: "InfraWorkloads",
            dependencies: [
                .product(name: "InfraCore", package: infra),
                .product(name: "InfraTerraform", package: infra),
                .product(name: "InfraKubernetes", package: infra),
                .product(name: "OVESInfrastructure", package: infra),
            ],
            swiftSettings: strictSettings
        ),
        // The same scale-N stack from the typed generated InfraAWS values (benchmarks only).
        .target(
            name: "InfraTypedWorkloads",
            dependencies: [
                .product(name: "InfraTerraform", package: infra),
                .product(name: "InfraAWS", package: infra),
            ],
            swiftSettings: strictSettings
        ),
        // `infra-bench scale N OUTDIR` / `infra-bench k8s N OUTDIR` / `infra-bench oves OUTDIR`.
        // It writes with InfraOutput, like `synth` (swift-crypto for the record's SHA-256).
        .executableTarget(
            name: "infra-bench",
            dependencies: [
                "InfraWorkloads", .product(name: "InfraCore", package: infra),
                .product(name: "InfraOutput", package: infra),
            ],
            swiftSettings: strictSettings
        ),
        // `sigv4-bench FILE`: signs a signing-contract file as one whole process (what `sigv4-compare.sh`
        // times beside botocore).
        .executableTarget(
            name: "sigv4-bench",
            dependencies: [.product(name: "InfraSigningContract", package: infra)],
            swiftSettings: strictSettings
        ),
        // In-process benchmarks (ordo-one/benchmark).
        .executableTarget(
            name: "InfraBenchmarks",
            dependencies: [
                "InfraWorkloads", "InfraTypedWorkloads",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "InfraCore", package: infra),
                .product(name: "InfraSigV4", package: infra),
            ],
            path: "Benchmarks/InfraBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
