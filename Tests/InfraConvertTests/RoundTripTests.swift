// The round trip for each kind of input: the converted Swift, committed as targets of this
// package (ConvertedTargets), is what converting the input gives now, compiles, synthesizes
// without a diagnostic, and plans against the local AWS endpoint exactly like the input — the
// same addresses (cdktf names mapped through the emitted moved blocks) and the same planned
// values, outputs included (Tests/LocalAWS/plan-compare.py compares `terraform show -json` of
// both plans). One root per kind of input, to keep CI time down.

import ConvertedCdktfOves
import ConvertedOvesHCL
import ConvertedOvesJSON
import ConvertedRealWorld
import ConvertedTypedForms
import Foundation
import InfraCore
import InfraTestSupport
import Testing

@Suite("convert round trip: compiles, synthesizes and plans like the input", .serialized)
struct RoundTripTests {
    static let helper = ExternalTools.packageRoot.appendingPathComponent("Tests/LocalAWS/plan-compare.py")

    /// The committed target's stacks, compiled into this test bundle.
    static func units(_ name: String) -> [any SynthesisUnit] {
        switch name {
        case "CdktfOves": ConvertedCdktfOvesStacks.all
        case "OvesJSON": ConvertedOvesJSONStacks.all
        case "OvesHCL": ConvertedOvesHCLStacks.all
        case "RealWorld": ConvertedRealWorldStacks.all
        case "TypedForms": ConvertedTypedFormsStacks.all
        default: []
        }
    }

    @Test("the committed converted targets are what convert writes now (Scripts/regenerate-converted.sh)")
    func committedTargetsAreCurrent() throws {
        let regenerate = ProcessInfo.processInfo.environment[ConvertedTargets.regenerateVariable] == "1"
        for input in try ConvertedTargets.inputs {
            let (files, result) = try ConvertedTargets.converted(input)
            #expect(result.diagnostics.isEmpty, "\(input.name): \(result.diagnostics.map(\.description))")
            let committed = ConvertedTargets.committed(input)
            if regenerate {
                try ConvertedTargets.write(files, for: input)
                continue
            }
            let stale = Set(files.keys).union(committed.keys).filter { files[$0] != committed[$0] }.sorted()
            #expect(
                stale.isEmpty,
                "Tests/ConvertedFixtures/\(input.name) is stale (\(stale)): run Scripts/regenerate-converted.sh")
            #expect(!files.isEmpty, "\(input.name) converted to no file")
        }
    }

    /// One comparison: a root of the input and the same root of the converted target's output.
    struct Comparison: Sendable {
        /// The converted target (`CdktfOves`).
        var name: String
        /// The input root (for the OVES reference: its folder under the synthesized tree).
        var input: @Sendable () throws -> URL
        /// The root's folder in the converted target's output.
        var converted: String
        var variables: [String] = []
        var environment: [String: String] = [:]
        /// Files the configuration reads (`file("userdata.sh")`) are copied next to the converted root.
        var copyFiles = false
        /// Bucket and lock table pairs created on moto first (the roots' import blocks adopt them).
        var bootstrap: [String] = []
        var key: String { "\(name)/\(converted)" }
    }

    /// What plan-compare.py reported for one comparison.
    struct Compared: Sendable {
        var status: Int32
        var ok: Bool
        var addresses: Int
        var differences: [String]
        var log: String
        var seconds: Double
    }

    static let comparisons: [Comparison] = [
        Comparison(
            name: "CdktfOves", input: { ConversionFixtures.fixtures.appendingPathComponent("cdktf/stacks/oves-prod") },
            converted: "oves-prod", variables: ["db_master_password=Example-Passw0rd"]),
        Comparison(
            name: "OvesJSON",
            input: {
                try ConvertedTargets.ovesReference(.json).appendingPathComponent(
                    "environments/dev")
            },
            converted: "environments/dev", environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "true"]),
        // The shared root imports the state bucket and lock table `bootstrap` creates: both plans
        // run on a moto where they exist, and the converted Swift must import them too.
        Comparison(
            name: "OvesHCL",
            input: {
                try ConvertedTargets.ovesReference(.hcl).appendingPathComponent("shared")
            },
            converted: "shared", environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "true"],
            bootstrap: ["oves-terraform-state,oves-terraform-locks"]),
        Comparison(
            name: "RealWorld", input: { ConversionFixtures.fixtures.appendingPathComponent("realworld/count") },
            converted: "count", environment: ["TF_VAR_key_name": "example"], copyFiles: true),
        Comparison(
            name: "RealWorld", input: { ConversionFixtures.fixtures.appendingPathComponent("realworld/eip") },
            converted: "eip", environment: ["TF_VAR_key_name": "example"], copyFiles: true),
        // The fixture's import blocks adopt three buckets and two tables: both plans run on a moto
        // where they exist, and `importing` is compared for each address.
        Comparison(
            name: "TypedForms", input: { ConversionFixtures.fixtures.appendingPathComponent("expressions") },
            converted: "expressions",
            bootstrap: [
                "convert-import-state,convert-import-locks", "convert-import-logs,convert-import-locks-2",
                "convert-import-extra,convert-import-locks-3",
            ]),
    ]

    /// Every comparison, one after another (side by side they slowed the OVES applies as much as
    /// they gained), started as the test run is planned (`.headStart`): they are minutes of
    /// terraform, and started wherever the run reached them they ended the run. `nil`: a tool is missing.
    static let comparisonRuns = HeadStartWork<[String: Compared]?> { try compareAll() }

    /// Synthesizes each converted target in-process and runs plan-compare.py on each comparison.
    static func compareAll() throws -> [String: Compared]? {
        guard ExternalTools.which("terraform") != nil, ExternalTools.sharedTool("aws-local") != nil,
            let python = ExternalTools.which("python3")
        else { return nil }
        var results: [String: Compared] = [:]
        var outputs: [String: URL] = [:]
        for comparison in comparisons {
            let output: URL
            if let written = outputs[comparison.name] {
                output = written
            } else {
                let result = Infrastructure(units: units(comparison.name)).synthesize()
                guard !result.diagnostics.hasErrors else {
                    results[comparison.key] = Compared(
                        status: -1, ok: false, addresses: 0, differences: [],
                        log: "\(comparison.name) does not synthesize: \(result.diagnostics.sorted)", seconds: 0)
                    continue
                }
                output = ConvertedTargets.work.appendingPathComponent("out-\(comparison.name)")
                try? FileManager.default.removeItem(at: output)
                try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: output)
                outputs[comparison.name] = output
            }
            let input = try comparison.input()
            let root = output.appendingPathComponent(comparison.converted)
            if comparison.copyFiles {
                for file in try FileManager.default.contentsOfDirectory(atPath: input.path)
                where !file.hasSuffix(".tf") && !file.hasSuffix(".tf.json") && !file.hasSuffix(".md") {
                    try FileManager.default.copyItem(
                        at: input.appendingPathComponent(file), to: root.appendingPathComponent(file))
                }
            }
            let start = Date()
            var arguments = [helper.path, input.path, root.path]
            for variable in comparison.variables { arguments += ["--var", variable] }
            for spec in comparison.bootstrap { arguments += ["--bootstrap", spec] }
            let compared = try ExternalTools.run(
                python, arguments,
                environment: comparison.environment.merging(["OVES_SHARED_TOOLS": ExternalTools.sharedTools.path]) {
                    a, _ in a
                })
            let report = (try? JSONSerialization.jsonObject(with: Data(compared.stdout.utf8))) as? [String: Any]
            results[comparison.key] = Compared(
                status: compared.status, ok: report?["ok"] as? Bool == true,
                addresses: report?["addresses"] as? Int ?? 0, differences: report?["differences"] as? [String] ?? [],
                log: report?["log"] as? String ?? compared.stderr, seconds: Date().timeIntervalSince(start))
        }
        return results
    }

    /// Checks the comparisons of the converted target `name` (run by ``comparisonRuns``).
    func roundTrip(_ name: String) async throws {
        guard ExternalTools.terraform() != nil, ExternalTools.sharedTool("aws-local") != nil,
            let python = ExternalTools.which("python3"), ExternalTools.require("python3", at: python)
        else { return }
        let results = try #require(try await Self.comparisonRuns.value.get(), "the comparisons found no tools")
        for comparison in Self.comparisons where comparison.name == name {
            let compared = try #require(results[comparison.key], "\(comparison.key) was not compared")
            #expect(
                compared.status == 0 && compared.ok,
                "\(comparison.key): \(compared.differences.prefix(20).joined(separator: "\n"))\n\(compared.log)")
            #expect(compared.addresses > 0, "\(comparison.key): the plan has no resources")
            print(
                "round trip \(comparison.key): \(compared.addresses) addresses agree; plans compared in "
                    + String(format: "%.0f s", compared.seconds))
        }
    }

    @Test(
        "cdktf: the OVES prod stack's cdk.tf.json (113 resources, readable names with moved blocks)",
        .headStart { comparisonRuns.start() })
    func cdktf() async throws { try await roundTrip("CdktfOves") }

    @Test(
        "Terraform JSON: the OVES reference's environments/dev root and the modules it calls",
        .headStart { comparisonRuns.start() })
    func ovesJSON() async throws { try await roundTrip("OvesJSON") }

    @Test(
        "HCL: the OVES reference's shared root written as .tf files, its import blocks adopting the bootstrapped backend",
        .headStart { comparisonRuns.start() })
    func ovesHCL() async throws { try await roundTrip("OvesHCL") }

    @Test("real-world HCL: terraform-provider-aws examples (count, eip)", .headStart { comparisonRuns.start() })
    func realWorld() async throws { try await roundTrip("RealWorld") }

    @Test(
        "typed forms: operators, conditionals, for, dynamic, imports into instances and moves between keys plan like the HCL",
        .headStart { comparisonRuns.start() })
    func typedForms() async throws { try await roundTrip("TypedForms") }
}
