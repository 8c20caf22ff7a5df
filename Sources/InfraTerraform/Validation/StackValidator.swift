// Checks a configuration before it is written: identifiers, duplicate addresses,
// references to undefined blocks, module inputs and outputs, provider aliases,
// required variables without values, secrets (StackValidator+Secrets.swift). Every
// problem is collected with its path.

import InfraCore

/// Validates one root or module.
struct StackValidator {
    let kind: TerraformSynthesizer.Kind
    let name: String
    let settings: TerraformSettings
    let tfvars: [String: Value]
    let index: ConfigurationIndex
    /// How many instances each resource, data source and module call has, by address.
    let instancing: [ReferenceTarget: InstanceCheck.Instancing]
    var diagnostics = Diagnostics()

    init(
        kind: TerraformSynthesizer.Kind, name: String, settings: TerraformSettings, tfvars: [String: Value],
        index: ConfigurationIndex
    ) {
        self.kind = kind
        self.name = name
        self.settings = settings
        self.tfvars = tfvars
        self.index = index
        self.instancing = InstanceCheck.instancing(of: index)
    }

    var root: ComponentPath {
        kind == .root ? ComponentPath(segments: [name]) : ComponentPath(segments: ["modules", name])
    }

    mutating func validate() -> Diagnostics {
        diagnostics.append(contentsOf: index.constructDiagnostics)
        checkIdentifiersAndDuplicates()
        checkDynamicBlocks()
        checkReferences()
        checkVariables()
        checkModuleCalls()
        checkProviders()
        checkMoved()
        checkImports()
        checkRemoved()
        checkRootRequirements()
        checkSecrets()
        return diagnostics
    }

    // MARK: Names

    private mutating func checkIdentifiersAndDuplicates() {
        var seen: [String: ComponentPath] = [:]
        func claim(_ address: String, _ path: ComponentPath) {
            if let first = seen[address] {
                diagnostics.error(
                    path, "duplicate address \(address) (also defined at \(first))",
                    hint: "give each block a unique name")
            } else {
                seen[address] = path
            }
        }
        for block in index.resources {
            if !TerraformIdentifier.isValidType(block.type) {
                diagnostics.error(block.path, "\"\(block.type)\" is not a valid resource type")
            }
            checkName(block.name, "resource name", block.path)
            claim("\(block.type).\(block.name)", block.path)
        }
        for block in index.dataSources {
            if !TerraformIdentifier.isValidType(block.type) {
                diagnostics.error(block.path, "\"\(block.type)\" is not a valid data source type")
            }
            checkName(block.name, "data source name", block.path)
            claim("data.\(block.type).\(block.name)", block.path)
        }
        for variable in index.variables {
            let path = variable.path ?? root
            checkName(variable.name, "variable name", path)
            if TerraformIdentifier.reservedVariableNames.contains(variable.name) {
                diagnostics.error(path, "\"\(variable.name)\" is reserved and cannot name a variable")
            }
            claim("var.\(variable.name)", path)
        }
        for output in index.outputs {
            let path = output.path ?? root
            checkName(output.name, "output name", path)
            claim("output.\(output.name)", path)
        }
        for local in index.locals {
            let path = local.path ?? root
            checkName(local.name, "local name", path)
            claim("local.\(local.name)", path)
        }
        for call in index.modules {
            checkName(call.name, "module name", call.path)
            claim("module.\(call.name)", call.path)
        }
        for provider in index.providers {
            let path = provider.path ?? root
            if let alias = provider.alias { checkName(alias, "provider alias", path) }
            claim("provider.\(ProviderReference(provider.name, alias: provider.alias))", path)
        }
    }

    private mutating func checkName(_ name: String, _ what: String, _ path: ComponentPath) {
        if !TerraformIdentifier.isValid(name) {
            diagnostics.error(
                path, "\"\(name)\" is not a valid \(what)",
                hint:
                    "use letters, digits, _ and -, starting with a letter or _ (e.g. \(TerraformIdentifier.sanitize(name)))"
            )
        }
    }

    // MARK: References

    private mutating func checkReferences() {
        for block in index.resources {
            checkTraversals(block.traversals, from: block.path, meta: block.meta)
            checkDependsOn(block.meta.dependsOn, from: block.path)
        }
        for block in index.dataSources {
            checkTraversals(block.traversals, from: block.path, meta: block.meta)
            checkDependsOn(block.meta.dependsOn, from: block.path)
        }
        for output in index.outputs {
            let path = output.path ?? root
            checkTraversals(output.value.node.traversals, from: path, meta: nil)
            checkDependsOn(output.dependsOn, from: path)
        }
        for local in index.locals {
            checkTraversals(local.value.node.traversals, from: local.path ?? root, meta: nil)
        }
        for call in index.modules {
            checkTraversals(call.traversals, from: call.path, meta: call.meta)
            checkDependsOn(call.meta.dependsOn, from: call.path)
        }
        for variable in index.variables {
            for validation in variable.validations {
                for traversal in validation.condition.expression.node.traversals
                where traversal.target != .variable(variable.name) {
                    if case .contextual = traversal.target { continue }
                    diagnostics.error(
                        variable.path ?? root,
                        "validation of var.\(variable.name) refers to \(traversal.target?.description ?? traversal.root); a validation may only refer to its own variable"
                    )
                }
            }
        }
        for provider in index.providers {
            for traversal in provider.body.traversals {
                if let target = traversal.target, case .variable = target, !index.defined.contains(target) {
                    diagnostics.error(provider.path ?? root, "refers to \(target), which is not declared in \(name)")
                }
            }
        }
    }

    private mutating func checkTraversals(_ traversals: [Traversal], from path: ComponentPath, meta: MetaArguments?) {
        var reported: Set<String> = []
        for traversal in traversals {
            guard let target = traversal.target else {
                report(&reported, path, "incomplete reference \"\(traversal.root)\"")
                continue
            }
            switch target {
            case .contextual(let root):
                if root == "each", meta?.forEach == nil {
                    report(&reported, path, "uses each.\(traversal.leadingAttributes.first ?? "") but has no for_each")
                } else if root == "count", meta?.count == nil {
                    report(&reported, path, "uses count.index but has no count")
                }
            case .module(let moduleName):
                guard let call = index.modulesByName[moduleName] else {
                    report(&reported, path, "refers to \(target), which is not defined in \(name)")
                    continue
                }
                checkInstances(traversal, target, from: path, reported: &reported)
                if case .local(let module) = call.source, let output = InstanceCheck.moduleOutput(traversal),
                    !module.outputs.contains(where: { $0.name == output })
                {
                    report(
                        &reported, path,
                        "refers to module.\(moduleName).\(output), but module \(module.name) has no output \"\(output)\""
                    )
                }
            default:
                if !index.defined.contains(target) {
                    report(
                        &reported, path, "refers to \(target), which is not defined in \(name)",
                        hint: "add it to the stack or module, or fix the name")
                } else {
                    checkInstances(traversal, target, from: path, reported: &reported)
                }
            }
        }
    }

    /// An instance key on a block with one instance, a missing key on one with several, a key
    /// of the wrong kind, or a splat over `for_each` instances (a map).
    private mutating func checkInstances(
        _ traversal: Traversal, _ target: ReferenceTarget, from path: ComponentPath, reported: inout Set<String>
    ) {
        guard let instancing = instancing[target],
            let problem = InstanceCheck.problem(traversal, target: target, instancing: instancing)
        else { return }
        report(&reported, path, problem.message, hint: problem.hint)
    }

    /// Every dynamic block needs a valid block type (a key path the probe could not place
    /// leaves it empty).
    private mutating func checkDynamicBlocks() {
        func check(_ block: Block, _ path: ComponentPath) {
            for dynamic in block.dynamicBlocks {
                if dynamic.type.isEmpty {
                    diagnostics.error(
                        path, "a dynamic block's type could not be found from its key path",
                        hint: "name the block type: .dynamic(\"type\", forEach: …)")
                } else if !TerraformIdentifier.isValid(dynamic.type) {
                    diagnostics.error(path, "\"\(dynamic.type)\" is not a valid dynamic block type")
                }
                if let iterator = dynamic.iterator, !TerraformIdentifier.isValid(iterator) {
                    diagnostics.error(
                        path, "\"\(iterator)\" is not a valid iterator name of dynamic \"\(dynamic.type)\"")
                }
                check(dynamic.content, path)
            }
            for list in block.blocks.values { for nested in list { check(nested, path) } }
        }
        for block in index.resources + index.dataSources { check(block.body, block.path) }
    }

    private mutating func report(
        _ reported: inout Set<String>, _ path: ComponentPath, _ message: String, hint: String? = nil
    ) {
        if reported.insert(message).inserted { diagnostics.error(path, message, hint: hint) }
    }

    private mutating func checkDependsOn(_ targets: [ReferenceTarget], from path: ComponentPath) {
        for target in targets where !index.defined.contains(target) {
            diagnostics.error(path, "depends_on names \(target), which is not defined in \(name)")
        }
    }

    // MARK: Variables

    private mutating func checkVariables() {
        guard kind == .root else { return }
        let declared = Set(index.variables.map(\.name))
        for variable in index.variables
        where variable.isRequired && !variable.providedAtApply && tfvars[variable.name] == nil {
            let hint =
                variable.sensitive == true
                ? "a sensitive value is passed at apply time: mark it providedAtApply and set TF_VAR_\(variable.name)"
                : "give it a default, a value in tfvars, or mark it providedAtApply"
            diagnostics.error(
                variable.path ?? root, "required variable \"\(variable.name)\" has no value", hint: hint)
        }
        for key in tfvars.keys.sorted() where !declared.contains(key) {
            diagnostics.warning(root, "tfvars sets \"\(key)\", which is not a declared variable")
        }
    }

    // MARK: Modules

    private mutating func checkModuleCalls() {
        for call in index.modules {
            guard case .local(let module) = call.source else { continue }
            let variables = Dictionary(module.variables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for key in call.inputs.keys.sorted() where variables[key] == nil {
                diagnostics.error(call.path, "module \(module.name) has no variable \"\(key)\"")
            }
            for variable in module.variables.sorted(by: { $0.name < $1.name })
            where variable.isRequired && call.inputs[variable.name] == nil {
                diagnostics.error(call.path, "module \(module.name) requires \"\(variable.name)\", which is not passed")
            }
            let accepted = Set(
                module.settings.requiredProviders.flatMap { p in
                    [p.name] + p.configurationAliases.map { "\(p.name).\($0)" }
                })
            for key in call.providers.keys.sorted() where !accepted.contains(key) {
                diagnostics.error(
                    call.path, "module \(module.name) does not accept provider \"\(key)\"",
                    hint: "declare it in the module's required_providers configuration_aliases")
            }
            for alias in module.settings.requiredProviders.flatMap({ p in
                p.configurationAliases.map { "\(p.name).\($0)" }
            })
            where call.providers[alias] == nil {
                diagnostics.error(call.path, "module \(module.name) expects provider \(alias) to be passed")
            }
        }
    }

    // MARK: Providers

    private mutating func checkProviders() {
        var available = Set(index.providers.map { ProviderReference($0.name, alias: $0.alias) })
        if kind == .module {
            for p in settings.requiredProviders {
                available.insert(ProviderReference(p.name))
                for alias in p.configurationAliases { available.insert(ProviderReference(p.name, alias: alias)) }
            }
        }
        let required = Set(settings.requiredProviders.map(\.name))
        func check(_ reference: ProviderReference?, _ path: ComponentPath) {
            guard let reference else { return }
            if reference.alias != nil, !available.contains(reference) {
                diagnostics.error(path, "uses provider \(reference), which is not configured in \(name)")
            }
            if !required.contains(reference.name) {
                diagnostics.error(path, "uses provider \(reference.name), which is not in required_providers")
            }
        }
        for block in index.resources { check(block.meta.provider, block.path) }
        for block in index.dataSources { check(block.meta.provider, block.path) }
        for call in index.modules { call.providers.values.forEach { check($0, call.path) } }
    }

    private mutating func checkMoved() {
        for move in index.moved {
            let path = move.path ?? root
            // One instance may move within a block that is still declared (count → for_each);
            // whether that instance still exists is for the plan to tell.
            if move.fromKey == nil, index.defined.contains(move.from) {
                diagnostics.error(path, "moved from \(move.from), which still exists")
            }
            if !index.defined.contains(move.to) {
                diagnostics.error(path, "moved to \(move.toAddress), which is not defined in \(name)")
            }
            if let key = move.toKey, let instancing = instancing[move.to] {
                checkMovedKey(key, of: move.toAddress, instancing: instancing, path: path)
            }
        }
    }

    /// The instance a move ends at must be one the block can have: a number with `count`, a
    /// string with `for_each`, none without either.
    private mutating func checkMovedKey(
        _ key: InstanceKey, of address: InstanceAddress, instancing: InstanceCheck.Instancing, path: ComponentPath
    ) {
        switch (key, instancing) {
        case (_, .single):
            diagnostics.error(
                path,
                "moved to \(address): \(address.target) has neither count nor for_each, so it has no instance keys",
                hint: "move to \(address.target)")
        case (.key, .count):
            diagnostics.error(
                path, "moved to \(address): \(address.target) has count, so its instance keys are numbers")
        case (.index, .forEach):
            diagnostics.error(
                path, "moved to \(address): \(address.target) has for_each, so its instance keys are strings")
        default: break
        }
    }
}
