// Runs the OVES reference against the local AWS endpoint (moto) through the small helper
// `Tests/LocalAWS/oves-moto.py` (outside any target, so SwiftPM ignores it), which reuses ../shared/tools (_tfcommon.py and
// tf-apply-local's provider overrides): plans of the real output in JSON and HCL form, and the
// pruning that removes the types moto cannot serve (`MotoUnsupportedType`) before an apply.

import Foundation
import InfraCore
import InfraTestSupport
import OVESInfrastructure

/// Plans and applies the OVES reference against moto.
enum OVESLocalAWS {
    /// The roots that plan and apply against moto (the dns root needs the cloudflare provider).
    static let roots = ["environments/dev", "environments/prod", "shared"]

    /// Values of root variables that are given at apply time (not in terraform.tfvars.json): none
    /// in these roots since external-dns writes the China names.
    static let applyTimeVariables: [String: String] = [:]

    /// Environment for the helper and tf-apply-local: the root variables, and moto with the AWS
    /// managed IAM policies loaded (the reference attaches AmazonEKSClusterPolicy and others).
    static var environment: [String: String] {
        applyTimeVariables.merging([
            "MOTO_IAM_LOAD_MANAGED_POLICIES": "true", "OVES_SHARED_TOOLS": ExternalTools.sharedTools.path,
        ]) { first, _ in first }
    }

    /// What `infra-manifest bootstrap` creates before any root runs (`--bootstrap` of the helper): the
    /// shared root's import blocks adopt the state bucket and lock table, so they must exist.
    static let bootstrapArguments = ["--bootstrap", "\(OVESSettings.stateBucket),\(OVESSettings.lockTable)"]

    /// tf-apply-local's options for the OVES roots: `--timeout 360` bounds each terraform command.
    /// After a failed apply, destroy can wait out the provider's whole VPC deletion timeout on
    /// what the failure left behind; an apply takes 70–200 s.
    static let applyArguments = ["--timeout", "360"]

    /// `oves-moto.py`.
    static let helper = ExternalTools.packageRoot.appendingPathComponent(
        "Tests/LocalAWS/oves-moto.py")

    /// `python3`, or `nil` (recorded as a failure in CI).
    static func python() -> String? {
        let path = ExternalTools.which("python3")
        return ExternalTools.require("python3", at: path) ? path : nil
    }

    /// The reference synthesized in `format`, written under a fresh temporary folder; the
    /// Terraform tree is its `terraform` subfolder.
    static func write(_ format: SynthesisOptions.TerraformFormat) throws -> URL {
        let result = Infrastructure(units: OVESReference.terraformUnits).synthesize(
            options: SynthesisOptions(terraformFormat: format))
        let directory = try ExternalTools.temporaryDirectory("oves-\(format.rawValue)")
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        return directory.appendingPathComponent("terraform")
    }

    /// One root's plan against moto.
    struct Plan: Sendable {
        /// Whether init, plan and show succeeded.
        var succeeded: Bool
        /// The managed resource addresses the plan creates (`resource_changes`).
        var addresses: [String]
        /// The end of terraform's output.
        var log: String
    }

    /// Plans `roots` (folders) against one private moto; keyed by folder path. The plans take
    /// minutes, so they run off Swift's cooperative pool (``ExternalTools/runOffPool(_:_:in:stdin:environment:)``).
    static func plan(_ roots: [URL], python: String) async throws -> [String: Plan] {
        let output = try await ExternalTools.runOffPool(
            python, [helper.path, "plan"] + bootstrapArguments + roots.map(\.path), environment: environment)
        guard let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any] else {
            return [:]
        }
        var plans: [String: Plan] = [:]
        for (root, value) in object {
            guard let entry = value as? [String: Any] else { continue }
            plans[root] = Plan(
                succeeded: entry["ok"] as? Bool ?? false, addresses: entry["addresses"] as? [String] ?? [],
                log: (entry["log"] as? String ?? "") + output.stderr)
        }
        return plans
    }

    /// Copies the JSON tree to `destination` without the types moto cannot serve and without
    /// everything that depends on them; makes protected resources destroyable and gives the
    /// shared root a stand-in for the prod log bucket it logs to. Returns the removed items
    /// per folder.
    static func prune(_ tree: URL, into destination: URL, python: String) throws -> [String: [String]] {
        var arguments = [helper.path, "prune", tree.path, destination.path, "--destroyable", "--log-bucket-stub"]
        arguments.append("shared=\(OVESSettings.logBucket)")
        for unsupported in MotoUnsupportedType.all { arguments += ["--type", unsupported.type] }
        for gap in MotoRoundTripGap.all {
            arguments += ["--ignore-changes", "\(gap.type)=\(gap.attributes.joined(separator: ","))"]
        }
        let output = try ExternalTools.run(python, arguments, environment: environment)
        guard output.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
            let removed = object["removed"] as? [String: [String]]
        else {
            throw PruneError(message: output.stdout + output.stderr)
        }
        return removed
    }

    /// The pruning helper failed.
    struct PruneError: Error, CustomStringConvertible {
        /// The helper's output.
        var message: String
        /// The output, for the test log.
        var description: String { message }
    }

    /// Every resource block the JSON output declares for `root`, as the address of its
    /// instances without index (`module.vpc.aws_subnet.this_private`), and whether the block has
    /// `count`/`for_each` (and so may expand to any number of instances, including none).
    static func declaredBlocks(root: String) -> [String: Bool] {
        var blocks: [String: Bool] = [:]
        for artifact in OVESSynthesis.result.artifacts where directory(of: artifact.path) == "terraform/\(root)" {
            guard let document = OVESSynthesis.document(artifact.path) else { continue }
            for (type, name, repeated) in resources(in: document) { blocks["\(type).\(name)"] = repeated }
            for (call, body) in document["module"]?.objectValue ?? [:] {
                guard let source = body["source"]?.stringValue else { continue }
                let module = normalize("terraform/\(root)/\(source)")
                for moduleArtifact in OVESSynthesis.result.artifacts where directory(of: moduleArtifact.path) == module
                {
                    guard let moduleDocument = OVESSynthesis.document(moduleArtifact.path) else { continue }
                    for (type, name, repeated) in resources(in: moduleDocument) {
                        blocks["module.\(call).\(type).\(name)"] = repeated
                    }
                }
            }
        }
        return blocks
    }

    /// A planned address without instance keys: `module.vpc.aws_subnet.this_private["a"]` →
    /// `module.vpc.aws_subnet.this_private`.
    static func blockAddress(_ address: String) -> String {
        var result = ""
        var depth = 0
        var quoted = false
        for character in address {
            if depth > 0 {
                if character == "\"" { quoted.toggle() }
                if character == "]" && !quoted { depth -= 1 }
                continue
            }
            if character == "[" {
                depth += 1
                continue
            }
            result.append(character)
        }
        return result
    }

    private static func resources(in document: Value) -> [(String, String, Bool)] {
        var result: [(String, String, Bool)] = []
        for (type, named) in document["resource"]?.objectValue ?? [:] {
            for (name, body) in named.objectValue ?? [:] {
                result.append((type, name, body["count"] != nil || body["for_each"] != nil))
            }
        }
        return result
    }

    private static func directory(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    private static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
