// Documentation/OVESRunbook.md applies the OVES output folders in an order a person follows by
// hand. These tests derive the order the output needs — cross-root references
// (`Infrastructure.rootOrder`), each cluster's manifests after the root creating the cluster, any
// root that would take an ingress load balancer's hostname after the manifests creating it (none
// does since external-dns writes the host records) — and fail when the runbook's steps disagree or
// leave a folder out.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTerraform
import InfraTestSupport
import OVESInfrastructure
import Testing

@Suite("OVES runbook order")
struct RunbookOrderTests {
    /// The runbook's `## Step N: …` headings, in order, each with the folders it names.
    static func steps() throws -> [(heading: String, folders: [String])] {
        let url = ExternalTools.packageRoot.appendingPathComponent("Documentation/OVESRunbook.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix("## Step ") }.map { line in
            let quoted = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            return (String(line), quoted.filter { $0.hasPrefix("terraform/") || $0.hasPrefix("kubernetes/") })
        }
    }

    /// The step index of every folder the runbook names (a folder named twice is reported).
    static func positions() throws -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, step) in try steps().enumerated() {
            for folder in step.folders {
                #expect(positions[folder] == nil, "\(folder) is applied in two steps")
                positions[folder] = index
            }
        }
        return positions
    }

    /// Every ordering the output needs, derived once (it synthesizes the whole reference).
    static let required = requiredOrder()

    /// `(before, after, why)`: every ordering the output needs.
    static func requiredOrder() -> [(before: String, after: String, why: String)] {
        let infrastructure = Infrastructure(units: OVESReference.units)
        let order = infrastructure.rootOrder
        let directories = Dictionary(
            infrastructure.allUnits.map { ($0.componentPath, $0.outputDirectory) }, uniquingKeysWith: { a, _ in a })
        var required: [(String, String, String)] = []
        for (consumer, producers) in order.requirements {
            for producer in producers {
                guard let before = directories[producer], let after = directories[consumer] else { continue }
                required.append((before, after, "\(after) reads \(before)'s state"))
            }
        }
        // A cluster's manifests need the cluster.
        for (root, manifests) in [
            (ProdEnvironment.stack.outputDirectory, "kubernetes/prod"),
            (DevEnvironment.stack.outputDirectory, "kubernetes/dev"),
        ] {
            required.append((root, manifests, "\(manifests) needs the cluster \(root) creates"))
        }
        // A root variable `<cluster>_ingress_hostname` (china: the production ingress) is the name
        // of a load balancer the cluster's manifests create.
        let result = infrastructure.synthesize()
        for block in result.model.nodes.compactMap({ $0 as? ResolvedBlock }) where block.kind == "variable" {
            guard block.name.hasSuffix("_ingress_hostname"),
                let root = directories.values.first(where: { block.file.hasPrefix($0 + "/") })
            else { continue }
            let cluster = block.name.hasPrefix("dev_") ? "kubernetes/dev" : "kubernetes/prod"
            required.append((cluster, root, "\(root) takes var.\(block.name) from \(cluster)'s load balancer"))
        }
        return required
    }

    @Test("the runbook applies every Terraform root and every manifest folder a cluster takes, once, after bootstrap")
    func everyFolderOnce() throws {
        let steps = try Self.steps()
        let positions = try Self.positions()
        // A manifest without a cluster (kubernetes/_addon-crds: the add-ons' CRDs, for validation) is never applied.
        let roots = OVESReference.units.filter { ($0 as? Manifest)?.cluster != nil || !($0 is Manifest) }
            .map(\.outputDirectory)
        #expect(Set(positions.keys) == Set(roots), "runbook: \(positions.keys.sorted()) output: \(roots.sorted())")
        let bootstrap = try #require(steps.firstIndex { $0.heading.contains("infra-manifest bootstrap") })
        #expect(positions.values.allSatisfy { $0 > bootstrap }, "every root keeps its state in the bootstrapped bucket")
    }

    @Test("the runbook's order satisfies every ordering the output needs")
    func orderFollowsTheOutput() throws {
        let positions = try Self.positions()
        let required = Self.required
        // The derivation itself finds the known edges (a control: an empty list would pass anything).
        #expect(required.contains { $0.before == "terraform/shared" && $0.after == "terraform/dns" })
        #expect(required.contains { $0.before == "terraform/environments/prod" && $0.after == "kubernetes/prod" })
        for edge in required {
            guard let before = positions[edge.before], let after = positions[edge.after] else {
                Issue.record("the runbook does not apply \(edge.before) or \(edge.after)")
                continue
            }
            #expect(before < after, "\(edge.why): the runbook applies \(edge.after) first")
        }
    }

    @Test("no root takes a load balancer's hostname at apply time: external-dns writes the host records")
    func noHostnameVariables() {
        let result = Infrastructure(units: OVESReference.units).synthesize()
        let variables = result.model.nodes.compactMap { $0 as? ResolvedBlock }.filter { $0.kind == "variable" }
        #expect(!variables.contains { $0.name.hasSuffix("_hostname") }, "\(variables.map(\.name))")
        #expect(!variables.contains { $0.file.hasPrefix("terraform/dns/") }, "the dns root has no variables")
        #expect(!Self.required.contains { $0.after == "terraform/dns" && $0.before.hasPrefix("kubernetes/") })
    }

    @Test("a runbook in the wrong order is caught (dns before shared)")
    func wrongOrderIsCaught() {
        var positions = ["terraform/shared": 5, "terraform/dns": 4]
        let violations = Self.required.filter { edge in
            guard let before = positions[edge.before], let after = positions[edge.after] else { return false }
            return before >= after
        }
        #expect(violations.contains { $0.after == "terraform/dns" })
        positions["terraform/dns"] = 6
        #expect(
            !Self.required.contains { edge in
                guard let before = positions[edge.before], let after = positions[edge.after] else { return false }
                return before >= after
            })
    }
}
