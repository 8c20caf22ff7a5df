// What one `plan`/`apply`/`destroy` run does, in order: a step per Terraform root (modules are
// part of the roots that call them) and a step per manifest with a cluster, each with the steps
// it must wait for. Terraform roots follow `Infrastructure.rootOrder` (cross-root references);
// a manifest waits for the root creating its cluster. `destroy` walks the same edges backwards
// and skips manifests: their objects go with the cluster (see Documentation/PlanApply.md).

import ArgumentParser
import InfraCore
import InfraKubernetes
import InfraTerraform

/// The three commands.
enum RunCommand: String, Sendable, Codable {
    case plan, apply, destroy
}

/// One unit of work.
struct RunStep: Sendable {
    /// What the step runs.
    enum Work: Sendable {
        /// init, then plan / apply / destroy in the root folder.
        case terraform
        /// `kubectl apply --server-side` of the manifest folder into the cluster the root at `clusterDirectory` creates.
        case kubernetes(ManifestCluster, clusterDirectory: String)
        /// Nothing to run; the reason is shown in the summary.
        case skip(String)
    }

    /// The unit's folder relative to the output folder (`terraform/prod`), its name in the progress lines and summary.
    var directory: String
    /// What runs.
    var work: Work
    /// Indices of the steps that must succeed first.
    var needs: [Int]
}

/// Builds the steps of a run.
enum RunSteps {
    /// The steps for `part` (the `--env` selection) of `whole`, in dependency order for `command`.
    static func make(whole: Infrastructure, part: Infrastructure, command: RunCommand) throws -> [RunStep] {
        let stacks = whole.units.compactMap { $0 as? Stack }
        let selected = Set(part.units.compactMap { ($0 as? Stack)?.componentPath })
        let order = RootOrder(units: stacks)
        if order.diagnostics.hasErrors {
            Synthesis.report(order.diagnostics)
            throw ExitCode.failure
        }
        var steps: [RunStep] = []
        var index: [ComponentPath: Int] = [:]
        for stack in order.units.compactMap({ $0 as? Stack }) where selected.contains(stack.componentPath) {
            let needs = order.requiredUnits(of: stack.componentPath).compactMap { index[$0] }
            index[stack.componentPath] = steps.count
            steps.append(RunStep(directory: stack.outputDirectory, work: .terraform, needs: needs))
        }
        let directories = Dictionary(stacks.map { ($0.componentPath, $0.outputDirectory) }) { first, _ in first }
        for manifest in part.units.compactMap({ $0 as? Manifest }) {
            guard let cluster = manifest.cluster else {
                steps.append(
                    RunStep(
                        directory: manifest.outputDirectory, work: .skip("no Manifest(cluster:)"), needs: []))
                continue
            }
            guard let clusterDirectory = directories[cluster.root] else {
                throw ToolLocator.failure(
                    "manifest \(manifest.name): its cluster's root \(cluster.root) is not a Terraform root of this "
                        + "infrastructure")
            }
            let work: RunStep.Work =
                switch command {
                case .apply: .kubernetes(cluster, clusterDirectory: clusterDirectory)
                case .plan: .skip("applied after \(clusterDirectory)")
                case .destroy: .skip("removed with the cluster")
                }
            steps.append(
                RunStep(
                    directory: manifest.outputDirectory, work: work,
                    needs: index[cluster.root].map { [$0] } ?? []))
        }
        guard command == .destroy else { return steps }
        // Destroying a root that an unselected root reads from breaks that root's next plan: say so.
        for path in selected.sorted() {
            for reader in order.dependents(of: path) where !selected.contains(reader) {
                Console.error(
                    "warning: \(reader) reads outputs of \(path), which is being destroyed; its next plan will fail "
                        + "until \(path) exists again")
            }
        }
        // Destroy: the steps in reverse, each waiting for every step that waited for it.
        let last = steps.count - 1
        var reversed = steps.reversed().map { RunStep(directory: $0.directory, work: $0.work, needs: []) }
        for (offset, step) in steps.enumerated() {
            for need in step.needs { reversed[last - need].needs.append(last - offset) }
        }
        return reversed
    }
}
