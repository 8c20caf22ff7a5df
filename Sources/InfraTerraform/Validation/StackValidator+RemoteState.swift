// Checks of cross-root reads: only a root reads other roots, and every output it reads through
// a `RemoteRoot` is one the producer declares (a typed read of an output the producer's content
// does not include would otherwise fail only at plan time, in the consumer).

import InfraCore

extension StackValidator {
    mutating func checkRootRequirements() {
        guard !index.requirements.isEmpty else { return }
        var byName: [String: RootRequirement] = [:]
        for requirement in index.requirements {
            if kind == .module {
                diagnostics.error(
                    requirement.path ?? root,
                    "module \(name) reads the outputs of root \(requirement.producer): only a root can",
                    hint: "read them in the root that calls the module and pass the values in as inputs")
            }
            byName[requirement.name] = requirement
        }
        func check(_ traversals: [Traversal], from path: ComponentPath) {
            for traversal in traversals where traversal.root == "data" {
                let names = traversal.leadingAttributes
                guard names.count >= 4, names[0] == RootRequirement.dataType, names[2] == "outputs",
                    let requirement = byName[names[1]], requirement.declaredOutputs[names[3]] == nil
                else { continue }
                diagnostics.error(
                    path,
                    "reads output \(names[3]) of root \(requirement.producer), which \(requirement.producer) does not declare",
                    hint: "add the output (or the RootOutputs value that holds it) to \(requirement.producer)'s content"
                )
            }
        }
        for block in index.resources { check(block.traversals, from: block.path) }
        for block in index.dataSources { check(block.traversals, from: block.path) }
        for output in index.outputs { check(output.value.node.traversals, from: output.path ?? root) }
        for local in index.locals { check(local.value.node.traversals, from: local.path ?? root) }
        for call in index.modules { check(call.traversals, from: call.path) }
    }
}
