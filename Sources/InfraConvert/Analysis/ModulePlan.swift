// Decisions for one converted module before any Swift is written: the readable name of
// every cdktf construct (with the `moved` it needs), the Swift name and type of every
// declaration, and the order the declarations are written in — Swift needs a value declared
// before it is used, Terraform does not, so declarations follow their references.

import InfraAWSBindings
import InfraHCL

/// One declaration of a module, in the order it is written.
enum Declaration: Hashable {
    case variable(Int)
    case local(Int)
    case provider(Int)
    case data(Int)
    case resource(Int)
    case module(Int)
}

/// Names, types and order for one module.
struct ModulePlan {
    /// The configuration, with cdktf names already replaced by readable ones.
    var configuration: TerraformConfiguration
    var scope = EmitScope()
    /// `(type, old name, new name)` for every renamed managed resource.
    var renames: [(type: String, from: String, to: String)] = []
    var order: [Declaration] = []
    /// Provider (`aws`, `aws.eu`) → Swift constant.
    var providerIdentifiers: [String: String] = [:]

    init(
        configuration input: TerraformConfiguration, catalog: BindingsCatalog?, keepAddresses: Bool,
        moduleOutputs: [String: [String: SwiftType]]
    ) {
        var configuration = input
        // cdktf construct-path names → readable names, unique per type.
        var renameMap: [String: String] = [:]
        if !keepAddresses {
            for data in [false, true] {
                let list = data ? configuration.dataSources : configuration.resources
                var taken = Set(list.map { "\($0.type).\($0.name)" })
                for resource in list {
                    guard let readable = Identifiers.cdktfReadableName(name: resource.name, path: resource.cdktfPath)
                    else { continue }
                    var candidate = readable
                    var counter = 2
                    while taken.contains("\(resource.type).\(candidate)") {
                        candidate = "\(readable)_\(counter)"
                        counter += 1
                    }
                    taken.insert("\(resource.type).\(candidate)")
                    renameMap[(data ? "data." : "") + "\(resource.type).\(resource.name)"] = candidate
                    if !data { renames.append((resource.type, resource.name, candidate)) }
                }
            }
            configuration = configuration.renamingResources(renameMap)
            configuration.resources = configuration.resources.map { resource in
                var resource = resource
                resource.name = renameMap["\(resource.type).\(resource.name)"] ?? resource.name
                return resource
            }
            configuration.dataSources = configuration.dataSources.map { resource in
                var resource = resource
                resource.name = renameMap["data.\(resource.type).\(resource.name)"] ?? resource.name
                return resource
            }
            configuration.moved = configuration.moved.map { move in
                var move = move
                move.to = move.to.renamingResources(renameMap)
                return move
            }
        }
        self.configuration = configuration
        nameDeclarations(catalog: catalog, moduleOutputs: moduleOutputs)
        order = Self.orderDeclarations(configuration)
        typeLocals()
    }

    // MARK: Names

    private mutating func nameDeclarations(catalog: BindingsCatalog?, moduleOutputs: [String: [String: SwiftType]]) {
        var identifiers = IdentifierScope()
        for provider in configuration.providers {
            let key = provider.alias.map { "\(provider.name).\($0)" } ?? provider.name
            let identifier = identifiers.claim([
                Identifiers.lowerCamel(Identifiers.words(provider.name) + Identifiers.words(provider.alias ?? "")),
                Identifiers.lowerCamel(
                    Identifiers.words(provider.name) + Identifiers.words(provider.alias ?? "") + ["provider"]),
            ])
            providerIdentifiers[key] = identifier
            scope.providers[key] = identifier
        }
        for variable in configuration.variables {
            let words = Identifiers.words(variable.name)
            let identifier = identifiers.claim([
                Identifiers.lowerCamel(words), Identifiers.lowerCamel(words + ["variable"]),
            ])
            // Without a type constraint the default tells the type (a string when there is none).
            // An explicit `any` would not do: Terraform reads `TF_VAR_…` values of untyped and string
            // variables as strings, but of `any` variables as HCL expressions.
            let type =
                variable.type == nil
                ? variable.defaultValue.map(SwiftType.init(value:)) ?? .string : SwiftType(constraint: variable.type)
            scope.variables[variable.name] = (identifier, type)
        }
        for local in configuration.locals {
            let words = Identifiers.words(local.name)
            let identifier = identifiers.claim([
                Identifiers.lowerCamel(words), Identifiers.lowerCamel(words + ["local"]),
            ])
            scope.locals[local.name] = (identifier, .value)
        }
        // Resources and data sources: by name, by type when the name says nothing or clashes.
        var counts: [String: Int] = [:]
        for resource in configuration.resources + configuration.dataSources {
            counts[Identifiers.lowerCamel(Self.nameWords(resource)), default: 0] += 1
        }
        for resource in configuration.resources + configuration.dataSources {
            let nameWords = Self.nameWords(resource)
            let typeWords = Identifiers.typeWords(resource.type)
            var candidates: [String] = []
            if counts[Identifiers.lowerCamel(nameWords)] == 1, !Identifiers.generic.contains(resource.name) {
                candidates.append(Identifiers.lowerCamel(nameWords))
            }
            if Identifiers.generic.contains(resource.name) { candidates.append(Identifiers.lowerCamel(typeWords)) }
            candidates.append(Identifiers.lowerCamel(nameWords + typeWords.suffix(1)))
            candidates.append(Identifiers.lowerCamel((resource.isData ? ["data"] : []) + typeWords + nameWords))
            let identifier = identifiers.claim(candidates)
            let model = catalog?.model(resource.type, data: resource.isData)
            scope.resources[resource.address] = ResourceSymbol(
                identifier: identifier, type: resource.type, name: resource.name, isData: resource.isData, model: model,
                schema: catalog?.schema(resource.type, data: resource.isData),
                repetition: resource.count != nil ? .count : resource.forEach != nil ? .forEach : nil)
        }
        for module in configuration.modules {
            let words = Identifiers.words(module.name)
            let identifier = identifiers.claim([
                Identifiers.lowerCamel(words), Identifiers.lowerCamel(words + ["module"]),
            ])
            let outputs = ConfigurationLoader.isLocal(module.source) ? moduleOutputs[module.source] ?? [:] : [:]
            scope.modules[module.name] = ModuleSymbol(
                identifier: identifier, name: module.name, outputs: outputs,
                repeated: module.count != nil || module.forEach != nil)
        }
    }

    /// The words of a resource's name; cdktf's readable names are already plain.
    private static func nameWords(_ resource: ResourceDeclaration) -> [String] {
        Identifiers.words(resource.name)
    }

    /// Types of locals, each from its value once the locals it reads are typed.
    private mutating func typeLocals() {
        for declaration in order {
            guard case .local(let index) = declaration else { continue }
            let local = configuration.locals[index]
            let emitter = ExpressionEmitter(scope: scope)
            let type = emitter.type(of: local.value) ?? .value
            scope.locals[local.name]?.type = type
        }
    }

    // MARK: Order

    /// Declarations in source order, except that each comes after everything it references.
    static func orderDeclarations(_ configuration: TerraformConfiguration) -> [Declaration] {
        var all: [(Declaration, String, Set<String>)] = []
        func references(_ expressions: [HCLExpression]) -> Set<String> {
            var keys: Set<String> = []
            for expression in expressions {
                for reference in expression.references {
                    if let key = Self.declarationKey(reference) { keys.insert(key) }
                }
            }
            return keys
        }
        func bodyExpressions(_ body: HCLBody) -> [HCLExpression] {
            body.attributes.map(\.expression) + body.blocks.flatMap { bodyExpressions($0.body) }
        }
        for (index, variable) in configuration.variables.enumerated() {
            all.append((.variable(index), "var.\(variable.name)", []))
        }
        for (index, provider) in configuration.providers.enumerated() {
            let key = "provider." + (provider.alias.map { "\(provider.name).\($0)" } ?? provider.name)
            all.append((.provider(index), key, references(bodyExpressions(provider.body))))
        }
        for (index, local) in configuration.locals.enumerated() {
            all.append((.local(index), "local.\(local.name)", references([local.value])))
        }
        for (index, resource) in configuration.dataSources.enumerated() {
            all.append((.data(index), resource.address, resourceReferences(resource, references, bodyExpressions)))
        }
        for (index, resource) in configuration.resources.enumerated() {
            all.append((.resource(index), resource.address, resourceReferences(resource, references, bodyExpressions)))
        }
        for (index, module) in configuration.modules.enumerated() {
            var keys = references(
                module.inputs.map(\.value) + [module.count, module.forEach].compactMap { $0 } + module.dependsOn)
            for (_, outer) in module.providers { keys.insert("provider." + outer) }
            all.append((.module(index), "module.\(module.name)", keys))
        }
        let known = Set(all.map(\.1))
        var emitted: Set<String> = []
        var result: [Declaration] = []
        var remaining = all
        while !remaining.isEmpty {
            let ready = remaining.firstIndex { entry in
                entry.2.allSatisfy { $0 == entry.1 || !known.contains($0) || emitted.contains($0) }
            }
            // A reference cycle (not valid Terraform): write the rest in source order.
            let next = ready ?? 0
            let entry = remaining.remove(at: next)
            emitted.insert(entry.1)
            result.append(entry.0)
        }
        return result
    }

    private static func resourceReferences(
        _ resource: ResourceDeclaration, _ references: ([HCLExpression]) -> Set<String>,
        _ bodyExpressions: (HCLBody) -> [HCLExpression]
    ) -> Set<String> {
        var expressions = bodyExpressions(resource.body) + resource.dependsOn
        expressions += [resource.count, resource.forEach].compactMap { $0 }
        if let lifecycle = resource.lifecycle {
            expressions += lifecycle.replaceTriggeredBy
            expressions += (lifecycle.preconditions + lifecycle.postconditions).map(\.condition)
        }
        var keys = references(expressions)
        if let provider = resource.provider {
            keys.insert("provider." + (provider.alias.map { "\(provider.name).\($0)" } ?? provider.name))
        }
        return keys
    }

    /// `var.x`, `local.x`, `module.x`, `data.t.n` or `t.n` for a reference to a declaration.
    static func declarationKey(_ reference: HCLReference) -> String? {
        let names = reference.steps.prefix { if case .attribute = $0 { true } else { false } }.compactMap {
            step -> String? in
            if case .attribute(let name) = step { return name }
            return nil
        }
        switch reference.root {
        case "var", "local", "module": return names.first.map { "\(reference.root).\($0)" }
        case "data": return names.count >= 2 ? "data.\(names[0]).\(names[1])" : nil
        case "each", "count", "path", "terraform", "self": return nil
        default:
            if let name = names.first { return "\(reference.root).\(name)" }
            // `aws_subnet.private[0]` has its name before the first index.
            if case .attribute(let name)? = reference.steps.first { return "\(reference.root).\(name)" }
            return nil
        }
    }
}
