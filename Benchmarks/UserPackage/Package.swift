// swift-tools-version: 6.1
// A user's package as a user writes it (issue 20): one executable with typed AWS resources (InfraAWS) and
// the command line (InfraCLI), one stack. `Benchmarks/inner-loop.sh` times a one-line change in it, rebuilt and
// re-synthesized, beside the Snippet and OVES loops: unlike a Snippet (which SwiftPM links against
// every library of the package, all AWS families included), this links what a user's code imports —
// statically, or with INFRA_LINK=dynamic through the shared library product SwiftInfraDynamic.

import PackageDescription

/// SwiftPM names a path dependency after its folder (`main` here, something else in a CI clone),
/// so the main package's identity is read off the folder two levels above this one.
let infra = String(Context.packageDirectory.split(separator: "/").dropLast(2).last ?? "main").lowercased()

/// `INFRA_LINK=dynamic swift build …`: the same modules through the one shared library `SwiftInfraDynamic`, so
/// an edit relinks this package's objects alone (the debug loop); otherwise the static products (releases).
let linkDynamically = Context.environment["INFRA_LINK"] == "dynamic"

let package = Package(
    name: "my-infra",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "my-infra",
            dependencies: linkDynamically
                ? [.product(name: "SwiftInfraDynamic", package: infra)]
                : [
                    .product(name: "InfraCore", package: infra),
                    .product(name: "InfraTerraform", package: infra),
                    .product(name: "InfraAWS", package: infra),
                    .product(name: "InfraCLI", package: infra),
                ],
            path: "Sources/MyInfra"
        )
    ],
    swiftLanguageModes: [.v6]
)
