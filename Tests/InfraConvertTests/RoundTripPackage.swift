// The round trip's throwaway Swift package: every kind of input is converted into its own
// target of a package that depends on this checkout by path, the package is built with
// `swift build` (so the converted Swift really compiles against the products a user depends
// on), and a small `synth` program writes each target's stacks into an output folder.
// The package and its build folder live in `.build/convert-roundtrip`, so a second run only
// recompiles what changed.

import Foundation
import InfraConvert
import InfraCore
import InfraTestSupport
import OVESInfrastructure
import Testing

/// The converted targets, built once for all round-trip tests.
enum RoundTripPackage {
    /// One input converted into one target.
    struct Input: Sendable {
        /// The Swift target (`CdktfOves`).
        var target: String
        /// What `convert` is given.
        var paths: [URL]
    }

    /// The built package.
    struct Built: Sendable {
        var package: URL
        var synth: URL
        /// Seconds spent converting and building.
        var convertSeconds: Double
        var buildSeconds: Double
        var reports: [String: ConversionReport]
    }

    static let work = ExternalTools.packageRoot.appendingPathComponent(".build/convert-roundtrip")

    /// The OVES reference synthesized in both Terraform formats, as a user's checked-in output would be.
    static func ovesReference(_ format: SynthesisOptions.TerraformFormat) throws -> URL {
        let result = Infrastructure(units: OVESReference.terraformUnits).synthesize(
            options: SynthesisOptions(terraformFormat: format))
        let directory = work.appendingPathComponent("oves-\(format.rawValue)")
        try? FileManager.default.removeItem(at: directory)
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        return directory.appendingPathComponent("terraform")
    }

    static var inputs: [Input] {
        get throws {
            [
                Input(
                    target: "CdktfOves",
                    paths: [ConversionFixtures.fixtures.appendingPathComponent("cdktf/stacks/oves-prod")]),
                Input(target: "OvesJSON", paths: [try ovesReference(.json)]),
                Input(target: "OvesHCL", paths: [try ovesReference(.hcl)]),
                Input(target: "RealWorld", paths: [ConversionFixtures.fixtures.appendingPathComponent("realworld")]),
                Input(
                    target: "TypedForms", paths: [ConversionFixtures.fixtures.appendingPathComponent("expressions")]),
            ]
        }
    }

    /// Converts, writes and builds once; every round-trip test reads this.
    static let built: Result<Built, RoundTripError> = {
        do {
            return .success(try build())
        } catch let error as RoundTripError {
            return .failure(error)
        } catch {
            return .failure(RoundTripError(message: "\(error)"))
        }
    }()

    private static func build() throws -> Built {
        guard let swift = ExternalTools.which("swift") else { throw RoundTripError(message: "swift is not on PATH") }
        let package = work.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        var reports: [String: ConversionReport] = [:]
        var targets: [(name: String, products: [String])] = []
        var traits: Set<String> = []
        let start = Date()
        for input in try inputs {
            let result = try TerraformConverter(
                options: ConversionOptions(moduleName: input.target, schemaPath: ConversionFixtures.schema)
            ).convert(input.paths.map(\.path))
            guard result.diagnostics.isEmpty, !result.files.isEmpty else {
                throw RoundTripError(message: "\(input.target): \(result.diagnostics.map(\.description))")
            }
            let target = package.appendingPathComponent("Sources/\(input.target)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in result.files {
                try Data(file.text.utf8).write(to: target.appendingPathComponent(file.name))
            }
            reports[input.target] = result.report
            targets.append((input.target, ["InfraTerraform"] + result.products))
            traits.formUnion(result.traits)
        }
        let convertSeconds = Date().timeIntervalSince(start)
        try manifest(targets, traits: traits.sorted()).write(
            to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let main = package.appendingPathComponent("Sources/synth/main.swift")
        try FileManager.default.createDirectory(at: main.deletingLastPathComponent(), withIntermediateDirectories: true)
        try synthProgram(targets.map(\.name)).write(to: main, atomically: true, encoding: .utf8)
        let buildStart = Date()
        let scratch = work.appendingPathComponent("build")
        // No index store and no debug information: nobody opens this build in an editor or a
        // debugger, and leaving both out takes 16 % of its CPU off (49.7 -> 41.9 CPU-s from scratch).
        let output = try ExternalTools.run(
            swift,
            [
                "build", "--package-path", package.path, "--scratch-path", scratch.path, "--product", "synth",
                "--disable-index-store", "-Xswiftc", "-gnone",
            ])
        guard output.status == 0 else {
            let errors = (output.stdout + output.stderr).split(separator: "\n").filter { $0.contains("error:") }
            throw RoundTripError(
                message: "the converted package does not build:\n" + errors.prefix(40).joined(separator: "\n"))
        }
        let binPath = try ExternalTools.run(
            swift, ["build", "--package-path", package.path, "--scratch-path", scratch.path, "--show-bin-path"])
        let synth = URL(fileURLWithPath: binPath.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            .appendingPathComponent("synth")
        return Built(
            package: package, synth: synth, convertSeconds: convertSeconds,
            buildSeconds: Date().timeIntervalSince(buildStart), reports: reports)
    }

    private static func manifest(_ targets: [(name: String, products: [String])], traits: [String]) -> String {
        let identity = ExternalTools.packageRoot.lastPathComponent
        // The traits the converted code needs (AWSFamilies for a family module), as the convert
        // command tells a user to enable them.
        let traitList = traits.map(\.debugDescription).joined(separator: ", ")
        let targetList = targets.map { target in
            let products = target.products.map { ".product(name: \"\($0)\", package: \"\(identity)\")" }
            return "        .target(name: \"\(target.name)\", dependencies: [\(products.joined(separator: ", "))]),"
        }.joined(separator: "\n")
        return """
            // swift-tools-version: 6.1
            // Written by InfraConvertTests (RoundTripPackage.swift): the converted targets of the round trip.
            import PackageDescription

            let package = Package(
                name: "convert-roundtrip",
                platforms: [.macOS(.v14)],
                dependencies: [.package(path: \(ExternalTools.packageRoot.path.debugDescription), traits: [\(traitList)])],
                targets: [
            \(targetList)
                    .executableTarget(
                        name: "synth",
                        dependencies: [\(targets.map { "\"\($0.name)\"" }.joined(separator: ", ")), .product(name: "InfraCore", package: "\(identity)")]),
                ],
                swiftLanguageModes: [.v6]
            )

            """
    }

    private static func synthProgram(_ targets: [String]) -> String {
        let cases = targets.map { "case \"\($0)\": units = \($0)Stacks.all" }.joined(separator: "\n    ")
        return """
            // Written by InfraConvertTests: synth TARGET OUTPUT writes one converted target's stacks.
            // Plain file writes, not InfraOutput's OutputWriter: the plans compare the files, and
            // leaving InfraOutput out keeps swift-crypto (BoringSSL) out of this package's build.
            import Foundation
            import InfraCore
            \(targets.sorted().map { "import \($0)" }.joined(separator: "\n"))

            let arguments = CommandLine.arguments
            let units: [any SynthesisUnit]
            switch arguments[1] {
                \(cases)
            default: units = []
            }
            let result = Infrastructure(units: units).synthesize()
            for diagnostic in result.diagnostics.sorted {
                FileHandle.standardError.write(Data((diagnostic.description + "\\n").utf8))
            }
            if result.diagnostics.hasErrors { exit(1) }
            let output = URL(fileURLWithPath: arguments[2])
            for artifact in result.artifacts {
                let file = output.appendingPathComponent(artifact.path)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(artifact.bytes).write(to: file)
            }

            """
    }
}

/// Why the round trip could not be prepared.
struct RoundTripError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
