// Checks of `import` and `removed` blocks, by Terraform's rules: imports only in a root, into a
// managed resource the root declares, at an instance address that matches the resource's
// `count`/`for_each`, with a non-empty id; removals of resources or module calls that are no
// longer declared, without instance keys.

import InfraCore

extension StackValidator {
    mutating func checkImports() {
        var seen: [String: ComponentPath] = [:]
        for adoption in index.imports {
            let path = adoption.path ?? root
            let address = adoption.toAddress
            if kind == .module {
                diagnostics.error(
                    path, "import into \(address) in module \(name): import blocks are only allowed in a root",
                    hint: "declare the import in the root that calls the module")
                continue
            }
            if let first = seen[address], adoption.forEach == nil {
                diagnostics.error(path, "\(address) is imported twice (also at \(first))")
            } else {
                seen[address] = path
            }
            guard case .resource(let type, let resourceName)? = adoption.target,
                let steps = adoption.to.stepsAfterAddress
            else {
                diagnostics.error(
                    path, "import into \(address): only managed resources can be imported",
                    hint: "import into a resource, e.g. aws_s3_bucket.state")
                continue
            }
            let target = ReferenceTarget.resource(type: type, name: resourceName)
            guard let instancing = instancing[target] else {
                diagnostics.error(
                    path, "import into \(address), which is not defined in \(name)",
                    hint: "declare the resource in the same root as its import block")
                continue
            }
            checkImportInstance(steps: Array(steps), instancing: instancing, address: address, path: path)
            if case .string(let id) = adoption.id.node, id.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.error(path, "import into \(address) has an empty id")
            }
            if case .object(let members)? = adoption.forEach?.node {
                for member in members {
                    if case .string(let id) = member.value, id.trimmingCharacters(in: .whitespaces).isEmpty {
                        diagnostics.error(path, "import into \(address) has an empty id for key \"\(member.key)\"")
                    }
                }
            }
        }
    }

    /// The instance key must match the resource: none without `count`/`for_each`, a number with
    /// `count`, a key with `for_each`; nothing after it (an import goes to an instance, not an attribute).
    private mutating func checkImportInstance(
        steps: [Traversal.Step], instancing: InstanceCheck.Instancing, address: String, path: ComponentPath
    ) {
        let base = address.split(separator: "[").first.map(String.init) ?? address
        switch (steps.first, instancing) {
        case (nil, .single): break
        case (nil, .count), (nil, .forEach):
            diagnostics.error(
                path, "import into \(address), which has \(instancing.metaArgument): name one instance",
                hint: instancing == .count
                    ? "import into \(base)[0]" : "import into \(base)[\"key\"] or use Import(forEach:into:)")
        case (.index?, .single):
            diagnostics.error(
                path, "import into \(address): \(base) has neither count nor for_each, so it has no instance keys")
        case (.index(let key)?, .count):
            if case .string = key {
                diagnostics.error(path, "import into \(address): \(base) has count, so its instance keys are numbers")
            }
        case (.index(.int)?, .forEach), (.index(.double)?, .forEach):
            diagnostics.error(path, "import into \(address): \(base) has for_each, so its instance keys are strings")
        case (.index?, .forEach): break
        default:
            diagnostics.error(path, "import into \(address): the address must name a resource or one of its instances")
        }
        if steps.count > 1 {
            diagnostics.error(path, "import into \(address): the address must name a resource or one of its instances")
        }
    }

    mutating func checkRemoved() {
        var seen: [String: ComponentPath] = [:]
        for removal in index.removed {
            let path = removal.path ?? root
            let address = removal.from.description
            if let first = seen[address] {
                diagnostics.error(path, "\(address) is removed twice (also at \(first))")
            } else {
                seen[address] = path
            }
            switch removal.from {
            case .resource, .module:
                if index.defined.contains(removal.from) {
                    diagnostics.error(
                        path, "removed \(address), which is still declared in \(name)",
                        hint: "delete the declaration, or drop the removed block to keep managing it")
                }
            default:
                diagnostics.error(
                    path, "removed \(address): only resources and module calls can be removed",
                    hint: "name a resource (aws_s3_bucket.logs) or a module call (module.vpc)")
            }
        }
    }
}
