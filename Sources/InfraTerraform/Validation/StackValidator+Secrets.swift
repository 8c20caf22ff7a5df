// The secret rules: no secret is written to a file. A sensitive attribute (the provider
// schema's, or a provider credential) takes its value from a reference or a variable
// given at apply time; a sensitive variable has no default and no tfvars value; a module
// input that ends up in a sensitive attribute is not a literal; a root output that refers
// to a sensitive value is marked sensitive (terraform plan fails otherwise).

import InfraCore

extension StackValidator {
    /// Where secrets must come from, in one place for the documentation and every message.
    static let secretSourcesHint =
        "take it from a reference (manage_master_user_password, a Secrets Manager secret, random_password) "
        + "or from a variable without a default, passed at apply time (TF_VAR_…)"

    mutating func checkSecrets() {
        let analysis = SecretAnalysis(kind: kind, index: index, tfvars: tfvars)
        var unmarkedVariables: [String: String] = [:]
        for sensitive in analysis.sensitiveBlocks {
            checkSensitiveAttributes(of: sensitive, analysis, feeding: &unmarkedVariables)
        }
        checkProviderCredentials(analysis)
        checkSensitiveVariables()
        checkModuleSecretInputs(analysis)
        checkSensitiveOutputs(analysis)
        for (name, attribute) in unmarkedVariables.sorted(by: { $0.key < $1.key }) {
            guard let variable = index.variables.first(where: { $0.name == name }) else { continue }
            diagnostics.warning(
                variable.path ?? root,
                "var.\(name) is set into the sensitive attribute \(attribute) but is not marked sensitive",
                hint: "declare it with sensitive: true so plans never show its value")
        }
    }

    // MARK: Sensitive attributes

    private mutating func checkSensitiveAttributes(
        of sensitive: SecretAnalysis.SensitiveBlock, _ analysis: SecretAnalysis,
        feeding unmarked: inout [String: String]
    ) {
        let block = sensitive.block
        let address = sensitive.address
        for path in sensitive.paths {
            let attribute = path.joined(separator: ".")
            for (place, node) in Self.values(at: path[...], in: block.body, under: block.path) {
                let origin = analysis.origin(node, forEach: block.meta.forEach)
                if let leak = origin.leak {
                    diagnostics.error(
                        place, "sensitive attribute \(attribute) of \(address) \(leak.explanation)",
                        hint: Self.secretSourcesHint)
                }
                for name in analysis.variablesRead(by: node, forEach: block.meta.forEach)
                where index.variables.contains(where: { $0.name == name && $0.sensitive != true }) {
                    unmarked[name] = unmarked[name] ?? "\(address).\(attribute)"
                }
            }
            for override in block.meta.overrides {
                guard let value = override.value else { continue }
                let names = override.path.split(separator: ".").filter { Int($0) == nil }.map(String.init)
                guard path.starts(with: names) else { continue }
                let place = block.path.appending(path.joined(separator: "/"))
                for (_, node) in Self.values(at: path.dropFirst(names.count), in: value.node, under: place) {
                    if let leak = analysis.origin(node, forEach: block.meta.forEach).leak {
                        diagnostics.error(
                            place,
                            "sensitive attribute \(attribute) of \(address), set by override(\"\(override.path)\"), "
                                + leak.explanation,
                            hint: Self.secretSourcesHint)
                    }
                }
            }
        }
    }

    /// The values at `path` in a block body: through nested blocks (several of a type get an
    /// index in the diagnostic path) and into attributes holding typed JSON (blocks past the
    /// generator's depth limit).
    static func values(
        at path: ArraySlice<String>, in body: Block, under place: ComponentPath
    ) -> [(ComponentPath, Expression.Node)] {
        guard let head = path.first else { return [] }
        var found: [(ComponentPath, Expression.Node)] = []
        if let expression = body.attributes[head] {
            found += values(at: path.dropFirst(), in: expression.node, under: place.appending(head))
        }
        if path.count > 1, let blocks = body.blocks[head] {
            for (offset, nested) in blocks.enumerated() {
                let here = blocks.count == 1 ? place.appending(head) : place.appending(head, index: offset)
                found += values(at: path.dropFirst(), in: nested, under: here)
            }
        }
        return found
    }

    /// The values at `path` inside an expression: object members by key, list elements by
    /// index; anything else (a reference, a function) is the value as a whole.
    static func values(
        at path: ArraySlice<String>, in node: Expression.Node, under place: ComponentPath
    ) -> [(ComponentPath, Expression.Node)] {
        guard let head = path.first else { return [(place, node)] }
        switch node {
        case .object(let members):
            return members.filter { $0.key == head }.flatMap {
                values(at: path.dropFirst(), in: $0.value, under: place.appending(head))
            }
        case .list(let elements):
            return elements.enumerated().flatMap { offset, element in
                let indexed = ComponentPath(segments: place.segments.dropLast() + ["\(place.last)[\(offset)]"])
                return values(at: path, in: element, under: indexed)
            }
        case .null: return []
        default: return [(place, node)]
        }
    }

    private mutating func checkProviderCredentials(_ analysis: SecretAnalysis) {
        for provider in index.providers {
            for argument in SensitiveAttributes.providerArguments[provider.name] ?? [] {
                guard let value = provider.body.attributes[argument],
                    let leak = analysis.origin(value.node).leak
                else { continue }
                diagnostics.error(
                    (provider.path ?? root).appending(argument),
                    "provider \(provider.name) credential \(argument) \(leak.explanation)",
                    hint: "leave credentials to the environment (AWS_PROFILE, SSO, an instance or container role)")
            }
        }
    }

    // MARK: Variables and module inputs

    private mutating func checkSensitiveVariables() {
        for variable in index.variables where variable.sensitive == true {
            let path = variable.path ?? root
            if let value = variable.defaultValue, value != .null {
                diagnostics.error(
                    path,
                    "sensitive variable var.\(variable.name) has a default, which is written to variables.tf.json",
                    hint:
                        "remove the default and pass the value at apply time (TF_VAR_\(variable.name), providedAtApply)"
                )
            }
            if kind == .root, tfvars[variable.name] != nil {
                diagnostics.error(
                    path,
                    "sensitive variable var.\(variable.name) has a value in tfvars, which is written to "
                        + "terraform.tfvars.json",
                    hint: "remove it from tfvars and pass it at apply time (TF_VAR_\(variable.name), providedAtApply)")
            }
        }
    }

    /// A local module's inputs that end up somewhere secret, with where: declared sensitive,
    /// set into a sensitive attribute, or passed on to such an input of a module it calls.
    static func secretInputs(of module: TerraformModule, visiting: Set<String> = []) -> [String: String] {
        let index = ConfigurationIndex(elements: module.elements)
        let analysis = SecretAnalysis(kind: .module, index: index, tfvars: [:])
        var sinks: [String: String] = [:]
        for variable in index.variables where variable.sensitive == true {
            sinks[variable.name] = "a sensitive variable of module \(module.name)"
        }
        for sensitive in analysis.sensitiveBlocks {
            for path in sensitive.paths {
                for (_, node) in values(at: path[...], in: sensitive.block.body, under: .root) {
                    for name in analysis.variablesRead(by: node, forEach: sensitive.block.meta.forEach)
                    where sinks[name] == nil {
                        sinks[name] = "\(sensitive.address).\(path.joined(separator: ".")) in module \(module.name)"
                    }
                }
            }
        }
        for call in index.modules {
            guard case .local(let callee) = call.source, !visiting.contains(callee.name) else { continue }
            for (input, place) in secretInputs(of: callee, visiting: visiting.union([module.name])) {
                guard let value = call.inputs[input] else { continue }
                for name in analysis.variablesRead(by: value.node, forEach: call.meta.forEach) where sinks[name] == nil
                {
                    sinks[name] = place
                }
            }
        }
        return sinks
    }

    private mutating func checkModuleSecretInputs(_ analysis: SecretAnalysis) {
        var sinksByModule: [String: [String: String]] = [:]  // a module called many times is analysed once
        for call in index.modules {
            guard case .local(let module) = call.source else { continue }
            let sinks = sinksByModule[module.name] ?? Self.secretInputs(of: module)
            sinksByModule[module.name] = sinks
            for input in call.inputs.keys.sorted() {
                guard let place = sinks[input], let value = call.inputs[input],
                    let leak = analysis.origin(value.node, forEach: call.meta.forEach).leak
                else { continue }
                diagnostics.error(
                    call.path.appending(input), "module input \(input) \(leak.explanation); it becomes \(place)",
                    hint: Self.secretSourcesHint)
            }
        }
    }

    // MARK: Outputs

    /// Terraform's rule (`Output refers to sensitive values`, at plan): a root module output whose
    /// value contains a sensitive value must be declared sensitive. Module outputs pass the
    /// sensitivity on to the caller instead, so only roots are checked.
    private mutating func checkSensitiveOutputs(_ analysis: SecretAnalysis) {
        guard kind == .root else { return }
        for output in index.outputs where output.sensitive != true {
            guard let reason = analysis.sensitivity(output.value.node) else { continue }
            diagnostics.error(
                output.path ?? root,
                "output \"\(output.name)\" refers to a sensitive value (\(reason)) "
                    + "but is not marked sensitive; terraform plan fails with \"Output refers to sensitive values\"",
                hint: "declare it with sensitive: true, or leave the secret out of the output")
        }
    }
}
