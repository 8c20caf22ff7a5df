// The round trip's converted Swift, committed: each kind of input is converted into its own
// target under Tests/ConvertedFixtures/<Name> (module Converted<Name>), compiled with the rest of
// the package, and synthesized in-process by the round trip. A test converts the inputs again and
// fails when the committed files differ; `Scripts/regenerate-converted.sh` rewrites them.
// (Until 2026-12-07 a throwaway package was converted and built inside the test run: it compiled
// InfraAWS again in its own build folder, 45 CPU-s and 120–167 s of CI's run, its longest pole.)

import Foundation
import InfraConvert
import InfraCore
import InfraTestSupport
import OVESInfrastructure

/// The converted targets of the round trip.
enum ConvertedTargets {
    /// One input converted into one committed target.
    struct Input: Sendable {
        /// The target's folder under `Tests/ConvertedFixtures` (`CdktfOves`).
        var name: String
        /// What `convert` is given.
        var paths: [URL]
        /// The module, as the converter names its types (`ConvertedCdktfOves`).
        var module: String { "Converted" + name }
        /// The committed target's folder.
        var folder: URL { ConvertedTargets.root.appendingPathComponent(name) }
    }

    /// Where the committed targets live.
    static let root = ExternalTools.packageRoot.appendingPathComponent("Tests/ConvertedFixtures")

    /// Scratch space for the synthesized inputs and outputs (`.build`, never committed).
    static let work = ExternalTools.packageRoot.appendingPathComponent(".build/convert-roundtrip")

    /// The first lines of every committed file: what wrote it and how to write it again.
    static let header = """
        // swift-format-ignore-file
        // Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
        // TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.

        """

    /// The environment variable that makes the freshness test write the files instead of failing.
    static let regenerateVariable = "INFRA_REGENERATE_CONVERTED"

    /// The OVES reference's `terraform` folder in both formats, as a user's checked-in output
    /// would be: synthesized and written once per run, then only read (the freshness test and the
    /// head-start comparisons, which may run at the same time, share it).
    static let ovesReferences: Result<(json: URL, hcl: URL), any Error> = Result {
        func written(_ format: SynthesisOptions.TerraformFormat) throws -> URL {
            let result = Infrastructure(units: OVESReference.terraformUnits).synthesize(
                options: SynthesisOptions(terraformFormat: format))
            let directory = work.appendingPathComponent("oves-\(format.rawValue)")
            try? FileManager.default.removeItem(at: directory)
            try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
            return directory.appendingPathComponent("terraform")
        }
        return (try written(.json), try written(.hcl))
    }

    /// The OVES reference's `terraform` folder in one format (``ovesReferences``).
    static func ovesReference(_ format: SynthesisOptions.TerraformFormat) throws -> URL {
        let references = try ovesReferences.get()
        return format == .hcl ? references.hcl : references.json
    }

    /// Every input.
    static var inputs: [Input] {
        get throws {
            [
                Input(
                    name: "CdktfOves",
                    paths: [ConversionFixtures.fixtures.appendingPathComponent("cdktf/stacks/oves-prod")]),
                Input(name: "OvesJSON", paths: [try ovesReference(.json)]),
                Input(name: "OvesHCL", paths: [try ovesReference(.hcl)]),
                Input(name: "RealWorld", paths: [ConversionFixtures.fixtures.appendingPathComponent("realworld")]),
                Input(name: "TypedForms", paths: [ConversionFixtures.fixtures.appendingPathComponent("expressions")]),
            ]
        }
    }

    /// The files converting `input` produces now, header included, by file name.
    static func converted(_ input: Input) throws -> (files: [String: String], result: ConversionResult) {
        let result = try TerraformConverter(
            options: ConversionOptions(moduleName: input.module, schemaPath: ConversionFixtures.schema)
        ).convert(input.paths.map(\.path))
        var files: [String: String] = [:]
        for file in result.files { files[file.name] = header + file.text }
        return (files, result)
    }

    /// The committed files of `input`'s target, by file name.
    static func committed(_ input: Input) -> [String: String] {
        var files: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: input.folder.path)) ?? []
        for name in names where name.hasSuffix(".swift") {
            files[name] = try? String(contentsOf: input.folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    /// Replaces the committed target's Swift files with `files` (only `.swift` files are removed).
    static func write(_ files: [String: String], for input: Input) throws {
        try FileManager.default.createDirectory(at: input.folder, withIntermediateDirectories: true)
        for name in committed(input).keys where files[name] == nil {
            try FileManager.default.removeItem(at: input.folder.appendingPathComponent(name))
        }
        for (name, text) in files {
            try Data(text.utf8).write(to: input.folder.appendingPathComponent(name))
        }
    }
}
