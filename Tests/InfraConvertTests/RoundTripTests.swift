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
            // Package.swift declares what the converted code imports (Scripts/imports-check.sh checks it).
            #expect(!files.isEmpty)
        }
    }

    /// Synthesizes the committed target `name` and compares each `(input root, converted root)` plan.
    func roundTrip(
        _ name: String, _ roots: [(input: URL, converted: String)], variables: [String] = [],
        environment: [String: String] = [:], copyFiles: Bool = false, bootstrap: [String] = []
    ) async throws {
        guard ExternalTools.terraform() != nil, ExternalTools.sharedTool("aws-local") != nil,
            let python = ExternalTools.which("python3"), ExternalTools.require("python3", at: python)
        else { return }
        let result = Infrastructure(units: Self.units(name)).synthesize()
        try #require(!result.diagnostics.hasErrors, "\(name) does not synthesize: \(result.diagnostics.sorted)")
        let output = ConvertedTargets.work.appendingPathComponent("out-\(name)")
        try? FileManager.default.removeItem(at: output)
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: output)
        for (input, converted) in roots {
            let root = output.appendingPathComponent(converted)
            if copyFiles {
                // Files the configuration reads (`file("userdata.sh")`) stay next to the root.
                for file in try FileManager.default.contentsOfDirectory(atPath: input.path)
                where !file.hasSuffix(".tf") && !file.hasSuffix(".tf.json") && !file.hasSuffix(".md") {
                    try FileManager.default.copyItem(
                        at: input.appendingPathComponent(file), to: root.appendingPathComponent(file))
                }
            }
            let start = Date()
            var arguments = [Self.helper.path, input.path, root.path]
            for variable in variables { arguments += ["--var", variable] }
            for spec in bootstrap { arguments += ["--bootstrap", spec] }
            let compared = try await ExternalTools.runOffPool(
                python, arguments,
                environment: environment.merging(["OVES_SHARED_TOOLS": ExternalTools.sharedTools.path]) { a, _ in a })
            let report = (try? JSONSerialization.jsonObject(with: Data(compared.stdout.utf8))) as? [String: Any]
            let differences = report?["differences"] as? [String] ?? []
            let addresses = report?["addresses"] as? Int ?? 0
            #expect(
                compared.status == 0 && report?["ok"] as? Bool == true,
                "\(name)/\(converted): \(differences.prefix(20).joined(separator: "\n"))\n\(report?["log"] ?? compared.stderr)"
            )
            #expect(addresses > 0, "\(name)/\(converted): the plan has no resources")
            print(
                "round trip \(name)/\(converted): \(addresses) addresses agree; plans compared in "
                    + String(format: "%.0f s", Date().timeIntervalSince(start)))
        }
    }

    @Test("cdktf: the OVES prod stack's cdk.tf.json (113 resources, readable names with moved blocks)")
    func cdktf() async throws {
        try await roundTrip(
            "CdktfOves", [(ConversionFixtures.fixtures.appendingPathComponent("cdktf/stacks/oves-prod"), "oves-prod")],
            variables: ["db_master_password=Example-Passw0rd"])
    }

    @Test("Terraform JSON: the OVES reference's environments/dev root and the modules it calls")
    func ovesJSON() async throws {
        try await roundTrip(
            "OvesJSON",
            [
                (
                    try ConvertedTargets.ovesReference(.json).appendingPathComponent("environments/dev"),
                    "environments/dev"
                )
            ],
            environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "true"])
    }

    @Test(
        "HCL: the OVES reference's shared root written as .tf files, its import blocks adopting the bootstrapped backend"
    )
    func ovesHCL() async throws {
        // The shared root imports the state bucket and lock table `bootstrap` creates: both plans
        // run on a moto where they exist, and the converted Swift must import them too.
        try await roundTrip(
            "OvesHCL", [(try ConvertedTargets.ovesReference(.hcl).appendingPathComponent("shared"), "shared")],
            environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "true"],
            bootstrap: ["oves-terraform-state,oves-terraform-locks"])
    }

    @Test("real-world HCL: terraform-provider-aws examples (count, eip)")
    func realWorld() async throws {
        let fixtures = ConversionFixtures.fixtures.appendingPathComponent("realworld")
        try await roundTrip(
            "RealWorld",
            [(fixtures.appendingPathComponent("count"), "count"), (fixtures.appendingPathComponent("eip"), "eip")],
            variables: [], environment: ["TF_VAR_key_name": "example"], copyFiles: true)
    }

    @Test(
        "typed forms: operators, conditionals, for, dynamic, imports into instances and moves between keys plan like the HCL"
    )
    func typedForms() async throws {
        // The fixture's import blocks adopt three buckets and two tables: both plans run on a moto
        // where they exist, and `importing` is compared for each address.
        try await roundTrip(
            "TypedForms", [(ConversionFixtures.fixtures.appendingPathComponent("expressions"), "expressions")],
            bootstrap: [
                "convert-import-state,convert-import-locks", "convert-import-logs,convert-import-locks-2",
                "convert-import-extra,convert-import-locks-3",
            ])
    }
}
