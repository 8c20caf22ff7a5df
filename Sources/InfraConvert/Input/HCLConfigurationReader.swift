// Reads the blocks of `.tf` files (HCL native syntax) into the configuration model: the
// top-level block types Terraform knows, with meta-arguments taken out of resource bodies.
// Anything malformed for Terraform (a resource without two labels, a non-literal backend
// setting) becomes a diagnostic with its file, line and column.

import InfraHCL

/// Reads HCL bodies into a ``TerraformConfiguration``.
struct HCLConfigurationReader {
    var configuration: TerraformConfiguration
    var diagnostics: [HCLDiagnostic] = []

    mutating func read(_ body: HCLBody) {
        for attribute in body.attributes {
            error(
                "Unexpected argument", "An argument named \"\(attribute.name)\" is not expected here.",
                attribute.nameRange)
        }
        for block in body.blocks {
            switch block.type {
            case "terraform": readSettings(block)
            case "provider": readProvider(block)
            case "variable": readVariable(block)
            case "locals":
                for attribute in block.body.attributes {
                    configuration.locals.append(
                        LocalDeclaration(name: attribute.name, value: attribute.expression, range: attribute.range))
                }
            case "output": readOutput(block)
            case "resource", "data": readResource(block)
            case "module": readModule(block)
            case "moved":
                guard let from = block.body[attribute: "from"], let to = block.body[attribute: "to"] else {
                    error("Invalid moved block", "A moved block needs both \"from\" and \"to\".", block.headerRange)
                    continue
                }
                configuration.moved.append(
                    MovedDeclaration(from: from.expression, to: to.expression, range: block.range))
            case "import":
                guard let to = block.body[attribute: "to"] else {
                    error("Invalid import block", "An import block needs \"to\".", block.headerRange)
                    continue
                }
                var declaration = ImportDeclaration(
                    to: to.expression, id: block.body[attribute: "id"]?.expression, range: block.range,
                    forEach: block.body[attribute: "for_each"]?.expression)
                if let provider = block.body[attribute: "provider"] {
                    guard let reference = HCLReference(provider.expression), reference.steps.count <= 1 else {
                        error(
                            "Invalid provider reference", "Expected a provider such as aws.eu.",
                            provider.expression.range)
                        continue
                    }
                    var alias: String?
                    if case .attribute(let name)? = reference.steps.first { alias = name }
                    declaration.provider = (reference.root, alias)
                }
                declaration.otherArguments =
                    block.body.attributes.map(\.name).filter { !["to", "id", "for_each", "provider"].contains($0) }
                    + block.body.blocks.map(\.type)
                configuration.imports.append(declaration)
            case "removed":
                guard let from = block.body[attribute: "from"] else {
                    error("Invalid removed block", "A removed block needs \"from\".", block.headerRange)
                    continue
                }
                if HCLReference(from.expression)?.steps.contains(where: { if case .index = $0 { true } else { false } })
                    == true
                {
                    error(Self.instanceKeysInRemoved.summary, Self.instanceKeysInRemoved.detail, from.expression.range)
                    continue
                }
                let destroy = block.body.blocks(ofType: "lifecycle").first?.body[attribute: "destroy"]?.expression
                    .constantValue
                configuration.removed.append(
                    RemovedDeclaration(from: from.expression, destroy: destroy?.boolValue, range: block.range))
            case "check", "ephemeral":
                configuration.unsupported.append(
                    UnsupportedDeclaration(
                        kind: block.type, name: block.labels.joined(separator: "."),
                        reason: "the library has no \(block.type) blocks yet", range: block.headerRange))
            default:
                error(
                    "Unsupported block type", "Blocks of type \"\(block.type)\" are not expected here.",
                    block.headerRange)
            }
        }
    }

    /// Terraform's own error for `removed { from = aws_x.y[0] }`: a removal forgets every instance.
    static let instanceKeysInRemoved = (
        summary: "Resource instance keys not allowed",
        detail: "Resource address must be a resource (e.g. \"test_instance.foo\"), not a resource instance "
            + "(e.g. \"test_instance.foo[1]\")."
    )

    private mutating func error(_ summary: String, _ detail: String, _ range: SourceRange) {
        diagnostics.append(HCLDiagnostic(summary: summary, detail: detail, range: range))
    }

    private func labels(_ block: HCLBlock, _ count: Int) -> [String]? {
        block.labels.count == count ? block.labels : nil
    }

    private mutating func requireLabels(_ block: HCLBlock, _ count: Int, _ names: String) -> [String]? {
        guard let labels = labels(block, count) else {
            error(
                "Missing name for \(block.type)",
                "A \(block.type) block needs \(count) label\(count == 1 ? "" : "s"): \(names).", block.headerRange)
            return nil
        }
        return labels
    }

    // MARK: terraform, provider

    private mutating func readSettings(_ block: HCLBlock) {
        configuration.settings.present = true
        if let version = block.body[attribute: "required_version"]?.expression.constantValue?.stringValue {
            configuration.settings.requiredVersion = version
        }
        for providers in block.body.blocks(ofType: "required_providers") {
            for attribute in providers.body.attributes {
                var entry = RequiredProviderDeclaration(name: attribute.name)
                switch attribute.expression.kind {
                case .object(let items):
                    for item in items {
                        let key = Self.keyName(item.key)
                        switch key {
                        case "source": entry.source = item.value.constantValue?.stringValue
                        case "version": entry.version = item.value.constantValue?.stringValue
                        case "configuration_aliases":
                            if case .tuple(let aliases) = item.value.kind {
                                entry.configurationAliases = aliases.compactMap { alias in
                                    HCLReference(alias).flatMap { reference in
                                        if case .attribute(let name)? = reference.steps.first { return name }
                                        return nil
                                    }
                                }
                            }
                        default: break
                        }
                    }
                default:
                    entry.version = attribute.expression.constantValue?.stringValue
                }
                configuration.settings.requiredProviders.append(entry)
            }
        }
        for backend in block.body.blocks(ofType: "backend") {
            guard let type = backend.labels.first else { continue }
            var settings: [(String, HCLValue)] = []
            for attribute in backend.body.attributes {
                guard let value = attribute.expression.constantValue else {
                    error(
                        "Variables not allowed", "Backend settings must be literal values.", attribute.expression.range)
                    continue
                }
                settings.append((attribute.name, value))
            }
            configuration.settings.backend = BackendDeclaration(type: type, settings: settings, range: backend.range)
        }
        for cloud in block.body.blocks(ofType: "cloud") {
            configuration.unsupported.append(
                UnsupportedDeclaration(
                    kind: "cloud", name: "terraform.cloud", reason: "HCP Terraform settings have no Swift form yet",
                    range: cloud.headerRange))
        }
    }

    static func keyName(_ key: HCLObjectItem.Key) -> String? {
        switch key {
        case .identifier(let name): name
        case .expression(let expression): expression.constantValue?.stringValue
        }
    }

    private mutating func readProvider(_ block: HCLBlock) {
        guard let name = requireLabels(block, 1, "the provider name")?.first else { return }
        var body = block.body
        let alias = body[attribute: "alias"]?.expression.constantValue?.stringValue
        body.attributes.removeAll { $0.name == "alias" || $0.name == "version" }
        configuration.providers.append(ProviderDeclaration(name: name, alias: alias, body: body, range: block.range))
    }

    // MARK: variable, output

    private mutating func readVariable(_ block: HCLBlock) {
        guard let name = requireLabels(block, 1, "the variable name")?.first else { return }
        var variable = VariableDeclaration(name: name, range: block.range)
        let body = block.body
        variable.type = body[attribute: "type"]?.expression
        if let value = body[attribute: "default"] {
            if let constant = value.expression.constantValue {
                variable.defaultValue = constant
            } else {
                error("Variables not allowed", "A variable default must be a literal value.", value.expression.range)
            }
        }
        variable.description = body[attribute: "description"]?.expression.constantValue?.stringValue
        variable.sensitive = body[attribute: "sensitive"]?.expression.constantValue?.boolValue
        variable.nullable = body[attribute: "nullable"]?.expression.constantValue?.boolValue
        for validation in body.blocks(ofType: "validation") {
            guard let condition = validation.body[attribute: "condition"]?.expression else { continue }
            let message = validation.body[attribute: "error_message"]?.expression.constantValue?.stringValue ?? ""
            variable.validations.append((condition, message))
        }
        configuration.variables.append(variable)
    }

    private mutating func readOutput(_ block: HCLBlock) {
        guard let name = requireLabels(block, 1, "the output name")?.first else { return }
        guard let value = block.body[attribute: "value"] else {
            error("Missing required argument", "The argument \"value\" is required.", block.headerRange)
            return
        }
        var output = OutputDeclaration(name: name, value: value.expression, range: block.range)
        output.description = block.body[attribute: "description"]?.expression.constantValue?.stringValue
        output.sensitive = block.body[attribute: "sensitive"]?.expression.constantValue?.boolValue
        output.dependsOn = Self.list(block.body[attribute: "depends_on"]?.expression)
        output.hasPreconditions = !block.body.blocks(ofType: "precondition").isEmpty
        configuration.outputs.append(output)
    }

    static func list(_ expression: HCLExpression?) -> [HCLExpression] {
        guard let expression else { return [] }
        if case .tuple(let elements) = expression.kind { return elements }
        return [expression]
    }

    // MARK: resource, data, module

    private mutating func readResource(_ block: HCLBlock) {
        guard let labels = requireLabels(block, 2, "the type and the name") else { return }
        var resource = ResourceDeclaration(
            type: labels[0], name: labels[1], isData: block.type == "data", body: block.body, range: block.range)
        var body = block.body
        var arguments: [HCLAttribute] = []
        for attribute in body.attributes {
            switch attribute.name {
            case "count": resource.count = attribute.expression
            case "for_each": resource.forEach = attribute.expression
            case "depends_on": resource.dependsOn = Self.list(attribute.expression)
            case "provider":
                if let reference = HCLReference(attribute.expression) {
                    var alias: String?
                    if case .attribute(let name)? = reference.steps.first { alias = name }
                    resource.provider = (reference.root, alias)
                } else {
                    error(
                        "Invalid provider reference", "Expected a provider such as aws.eu.", attribute.expression.range)
                }
            default: arguments.append(attribute)
            }
        }
        var blocks: [HCLBlock] = []
        for nested in body.blocks {
            switch nested.type {
            case "lifecycle": resource.lifecycle = Self.lifecycle(nested)
            case "provisioner", "connection": resource.provisioners.append(nested)
            default: blocks.append(nested)
            }
        }
        body.attributes = arguments
        body.blocks = blocks
        resource.body = body
        if resource.isData {
            configuration.dataSources.append(resource)
        } else {
            configuration.resources.append(resource)
        }
    }

    static func lifecycle(_ block: HCLBlock) -> LifecycleDeclaration {
        var lifecycle = LifecycleDeclaration(range: block.range)
        let body = block.body
        lifecycle.createBeforeDestroy = body[attribute: "create_before_destroy"]?.expression.constantValue?.boolValue
        lifecycle.preventDestroy = body[attribute: "prevent_destroy"]?.expression.constantValue?.boolValue
        if let ignore = body[attribute: "ignore_changes"]?.expression {
            if case .variable("all") = ignore.kind {
                lifecycle.ignoreAll = true
                lifecycle.ignoreChanges = []
            } else {
                lifecycle.ignoreChanges = list(ignore)
            }
        }
        lifecycle.replaceTriggeredBy = list(body[attribute: "replace_triggered_by"]?.expression)
        for (type, keyPath) in [
            ("precondition", \LifecycleDeclaration.preconditions), ("postcondition", \.postconditions),
        ] {
            for condition in body.blocks(ofType: type) {
                guard let test = condition.body[attribute: "condition"]?.expression,
                    let message = condition.body[attribute: "error_message"]?.expression
                else { continue }
                lifecycle[keyPath: keyPath].append((test, message))
            }
        }
        return lifecycle
    }

    private mutating func readModule(_ block: HCLBlock) {
        guard let name = requireLabels(block, 1, "the module name")?.first else { return }
        guard let source = block.body[attribute: "source"]?.expression.constantValue?.stringValue else {
            error("Missing module source", "A module block needs a literal \"source\".", block.headerRange)
            return
        }
        var module = ModuleDeclaration(name: name, source: source, range: block.range)
        for attribute in block.body.attributes {
            switch attribute.name {
            case "source": continue
            case "version": module.version = attribute.expression.constantValue?.stringValue
            case "count": module.count = attribute.expression
            case "for_each": module.forEach = attribute.expression
            case "depends_on": module.dependsOn = Self.list(attribute.expression)
            case "providers":
                if case .object(let items) = attribute.expression.kind {
                    for item in items {
                        let inner: String? =
                            switch item.key {
                            case .identifier(let key): key
                            case .expression(let key): HCLReference(key)?.description
                            }
                        if let inner { module.providers.append((inner, item.value.hcl)) }
                    }
                }
            default: module.inputs.append((attribute.name, attribute.expression))
            }
        }
        configuration.modules.append(module)
    }
}

extension HCLValue {
    /// The string, when the value is one.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The boolean, when the value is one (or the string `true`/`false`, as Terraform converts).
    var boolValue: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }
}
