// Reads Terraform's JSON syntax (`*.tf.json`, including cdktf's `cdk.tf.json`) into the
// configuration model. The rules are Terraform's: strings are templates (`"${aws_vpc.main.id}"`),
// object keys of attribute values are templates too, `//` members are comments (cdktf keeps its
// construct paths there), `depends_on`/`provider`/`ignore_changes`/`moved` take bare references,
// variable defaults and backend settings are literal, and whether a member of a resource is an
// attribute or a nested block is decided by the provider schema.

import InfraAWSBindings
import InfraHCL

/// Reads one `.tf.json` document into a ``TerraformConfiguration``.
struct TerraformJSONReader {
    var configuration: TerraformConfiguration
    let catalog: BindingsCatalog?
    let file: String
    var diagnostics: [HCLDiagnostic] = []

    mutating func read(_ root: JSONNode) {
        guard let members = root.members else {
            error("Invalid JSON configuration", "The document must be a JSON object.", root.position)
            return
        }
        if let metadata = root["//"]?["metadata"], let stack = metadata["stackName"]?.string {
            configuration.cdktfStackName = stack
        }
        for (key, _, value) in members {
            for node in value.asList {
                switch key {
                case "//": continue
                case "terraform": readSettings(node)
                case "provider": readProviders(node)
                case "variable": readNamed(node) { reader, name, body in reader.readVariable(name, body) }
                case "locals":
                    for (name, position, value) in node.members ?? [] where name != "//" {
                        configuration.locals.append(
                            LocalDeclaration(name: name, value: expression(value), range: range(position)))
                    }
                case "output": readNamed(node) { reader, name, body in reader.readOutput(name, body) }
                case "resource", "data": readResources(node, data: key == "data")
                case "module": readNamed(node) { reader, name, body in reader.readModule(name, body) }
                case "moved":
                    guard let from = node["from"].flatMap(traversal), let to = node["to"].flatMap(traversal) else {
                        error("Invalid moved block", "A moved block needs both \"from\" and \"to\".", node.position)
                        continue
                    }
                    configuration.moved.append(MovedDeclaration(from: from, to: to, range: range(node.position)))
                case "import":
                    guard let to = node["to"].flatMap(traversal) else {
                        error("Invalid import block", "An import block needs \"to\".", node.position)
                        continue
                    }
                    var declaration = ImportDeclaration(
                        to: to, id: node["id"].map(expression), range: range(node.position),
                        forEach: node["for_each"].map(expression))
                    if let provider = node["provider"]?.string {
                        let parts = provider.split(separator: ".", maxSplits: 1).map(String.init)
                        declaration.provider = (parts.first ?? provider, parts.count > 1 ? parts[1] : nil)
                    }
                    declaration.otherArguments = (node.members ?? []).map(\.key)
                        .filter { !["to", "id", "for_each", "provider", "//"].contains($0) }
                    configuration.imports.append(declaration)
                case "removed":
                    guard let from = node["from"].flatMap(traversal) else {
                        error("Invalid removed block", "A removed block needs \"from\".", node.position)
                        continue
                    }
                    if HCLReference(from)?.steps.contains(where: { if case .index = $0 { true } else { false } })
                        == true
                    {
                        let problem = HCLConfigurationReader.instanceKeysInRemoved
                        error(problem.summary, problem.detail, node["from"]?.position ?? node.position)
                        continue
                    }
                    let destroy = node["lifecycle"]?["destroy"].flatMap(literal)?.boolValue
                    configuration.removed.append(
                        RemovedDeclaration(from: from, destroy: destroy, range: range(node.position)))
                case "check", "ephemeral":
                    for (name, position, _) in node.members ?? [] {
                        configuration.unsupported.append(
                            UnsupportedDeclaration(
                                kind: key, name: name, reason: "the library has no \(key) blocks yet",
                                range: range(position)))
                    }
                default:
                    error("Unsupported block type", "Blocks of type \"\(key)\" are not expected here.", value.position)
                }
            }
        }
    }

    // MARK: Positions and diagnostics

    func range(_ position: SourcePosition) -> SourceRange { SourceRange(file: file, start: position, end: position) }

    mutating func error(_ summary: String, _ detail: String, _ position: SourcePosition) {
        diagnostics.append(HCLDiagnostic(summary: summary, detail: detail, range: range(position)))
    }

    /// Calls `read` for each `name: body` member of `node` (either `{name: {…}}` or `{name: [{…}]}`).
    private mutating func readNamed(_ node: JSONNode, _ read: (inout TerraformJSONReader, String, JSONNode) -> Void) {
        for (name, _, value) in node.members ?? [] where name != "//" {
            for body in value.asList { read(&self, name, body) }
        }
    }

    // MARK: Values

    /// A JSON value as the expression Terraform reads: strings are templates, and so are keys.
    func expression(_ node: JSONNode) -> HCLExpression {
        let here = range(node.position)
        switch node.kind {
        case .null: return HCLExpression(.null, range: here)
        case .bool(let flag): return HCLExpression(.bool(flag), range: here)
        case .number(let text): return HCLExpression(.number(text), range: here)
        case .string(let text): return template(text, at: node.position)
        case .array(let elements): return HCLExpression(.tuple(elements.map(expression)), range: here)
        case .object(let members):
            let items = members.filter { $0.key != "//" }.map { member in
                HCLObjectItem(
                    key: .expression(template(member.key, at: member.keyPosition)), keyRange: range(member.keyPosition),
                    value: expression(member.value))
            }
            return HCLExpression(.object(items), range: here)
        }
    }

    func template(_ text: String, at position: SourcePosition) -> HCLExpression {
        let start = SourcePosition(line: position.line, column: position.column + 1, offset: position.offset + 1)
        let parsed = HCLParser.parseTemplate(text, file: file, start: start)
        return parsed.expression ?? HCLExpression(.invalid, range: range(position))
    }

    /// A literal value (variable defaults, backend settings): strings are not templates.
    func literal(_ node: JSONNode) -> HCLValue? {
        switch node.kind {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        case .array(let elements): .tuple(elements.compactMap(literal))
        case .object(let members): .object(members.compactMap { m in literal(m.value).map { (m.key, $0) } })
        }
    }

    /// A bare reference string (`"aws_vpc.main"`, also accepted wrapped as `"${…}"`).
    func traversal(_ node: JSONNode) -> HCLExpression? {
        guard var text = node.string else { return nil }
        if text.hasPrefix("${"), text.hasSuffix("}") { text = String(text.dropFirst(2).dropLast()) }
        return HCLParser.parseExpression(text, file: file).expression
    }

    // MARK: terraform, provider

    private mutating func readSettings(_ node: JSONNode) {
        configuration.settings.present = true
        if let version = node["required_version"]?.string { configuration.settings.requiredVersion = version }
        for providers in node["required_providers"]?.asList ?? [] {
            for (name, _, value) in providers.members ?? [] where name != "//" {
                var entry = RequiredProviderDeclaration(name: name)
                if let version = value.string {
                    entry.version = version
                } else {
                    entry.source = value["source"]?.string
                    entry.version = value["version"]?.string
                    entry.configurationAliases = (value["configuration_aliases"]?.asList ?? []).compactMap { alias in
                        alias.string.flatMap { $0.split(separator: ".").dropFirst().first.map(String.init) }
                    }
                }
                configuration.settings.requiredProviders.append(entry)
            }
        }
        for backend in node["backend"]?.asList ?? [] {
            for (type, position, settings) in backend.members ?? [] where type != "//" {
                let values = (settings.members ?? []).filter { $0.key != "//" }.compactMap { member in
                    literal(member.value).map { (member.key, $0) }
                }
                configuration.settings.backend = BackendDeclaration(
                    type: type, settings: values, range: range(position))
            }
        }
        if let cloud = node["cloud"] {
            configuration.unsupported.append(
                UnsupportedDeclaration(
                    kind: "cloud", name: "terraform.cloud", reason: "HCP Terraform settings have no Swift form yet",
                    range: range(cloud.position)))
        }
    }

    private mutating func readProviders(_ node: JSONNode) {
        for (name, _, value) in node.members ?? [] where name != "//" {
            for body in value.asList {
                let alias = body["alias"]?.string
                var attributes: [HCLAttribute] = []
                var blocks: [HCLBlock] = []
                for (key, position, member) in body.members ?? [] where !["alias", "version", "//"].contains(key) {
                    // Provider configuration blocks (default_tags, assume_role, …) are objects or lists of objects.
                    if Self.providerBlocks.contains(key) {
                        for element in member.asList {
                            blocks.append(
                                HCLBlock(
                                    type: key, labels: [], body: untypedBody(element), headerRange: range(position),
                                    range: range(position)))
                        }
                    } else {
                        attributes.append(attribute(key, member, position))
                    }
                }
                configuration.providers.append(
                    ProviderDeclaration(
                        name: name, alias: alias,
                        body: HCLBody(attributes: attributes, blocks: blocks, range: range(body.position)),
                        range: range(body.position)))
            }
        }
    }

    /// Nested blocks of the AWS provider configuration (its schema is not in the trimmed file).
    static let providerBlocks: Set<String> = [
        "default_tags", "assume_role", "assume_role_with_web_identity", "endpoints", "ignore_tags",
    ]

    func attribute(_ name: String, _ node: JSONNode, _ position: SourcePosition) -> HCLAttribute {
        let value = expression(node)
        return HCLAttribute(name: name, nameRange: range(position), expression: value, range: range(position))
    }

    /// A body whose members are all attributes, except `//` comments.
    func untypedBody(_ node: JSONNode) -> HCLBody {
        let attributes = (node.members ?? []).filter { $0.key != "//" }.map {
            attribute($0.key, $0.value, $0.keyPosition)
        }
        return HCLBody(attributes: attributes, blocks: [], range: range(node.position))
    }

    // MARK: variable, output, module

    private mutating func readVariable(_ name: String, _ body: JSONNode) {
        var variable = VariableDeclaration(name: name, range: range(body.position))
        if let type = body["type"]?.string {
            var text = type
            if text.hasPrefix("${"), text.hasSuffix("}") { text = String(text.dropFirst(2).dropLast()) }
            variable.type = HCLParser.parseExpression(text, file: file).expression
        }
        variable.defaultValue = body["default"].flatMap(literal)
        variable.description = body["description"]?.string
        variable.sensitive = body["sensitive"].flatMap(literal)?.boolValue
        variable.nullable = body["nullable"].flatMap(literal)?.boolValue
        for validation in body["validation"]?.asList ?? [] {
            guard let condition = validation["condition"] else { continue }
            variable.validations.append((expression(condition), validation["error_message"]?.string ?? ""))
        }
        configuration.variables.append(variable)
    }

    private mutating func readOutput(_ name: String, _ body: JSONNode) {
        guard let value = body["value"] else {
            error("Missing required argument", "The argument \"value\" is required.", body.position)
            return
        }
        var output = OutputDeclaration(name: name, value: expression(value), range: range(body.position))
        output.description = body["description"]?.string
        output.sensitive = body["sensitive"].flatMap(literal)?.boolValue
        output.dependsOn = (body["depends_on"]?.asList ?? []).compactMap(traversal)
        output.hasPreconditions = body["precondition"] != nil
        configuration.outputs.append(output)
    }

    private mutating func readModule(_ name: String, _ body: JSONNode) {
        guard let source = body["source"]?.string else {
            error("Missing module source", "A module block needs a literal \"source\".", body.position)
            return
        }
        var module = ModuleDeclaration(name: name, source: source, range: range(body.position))
        for (key, _, value) in body.members ?? [] {
            switch key {
            case "source", "//": continue
            case "version": module.version = value.string
            case "count": module.count = expression(value)
            case "for_each": module.forEach = expression(value)
            case "depends_on": module.dependsOn = value.asList.compactMap(traversal)
            case "providers":
                for (inner, _, outer) in value.members ?? [] {
                    if let outer = outer.string { module.providers.append((inner, outer)) }
                }
            default: module.inputs.append((key, expression(value)))
            }
        }
        configuration.modules.append(module)
    }

    // MARK: resource, data

    private mutating func readResources(_ node: JSONNode, data: Bool) {
        for (type, _, named) in node.members ?? [] where type != "//" {
            for group in named.asList {
                for (name, position, value) in group.members ?? [] where name != "//" {
                    for body in value.asList {
                        readResource(type: type, name: name, body: body, data: data, at: position)
                    }
                }
            }
        }
    }

    private mutating func readResource(
        type: String, name: String, body: JSONNode, data: Bool, at position: SourcePosition
    ) {
        var resource = ResourceDeclaration(
            type: type, name: name, isData: data, body: HCLBody(attributes: [], blocks: [], range: range(position)),
            range: range(position))
        resource.cdktfPath = body["//"]?["metadata"]?["path"]?.string
        var rest: [(key: String, keyPosition: SourcePosition, value: JSONNode)] = []
        for member in body.members ?? [] {
            switch member.key {
            case "//": continue
            case "count": resource.count = expression(member.value)
            case "for_each": resource.forEach = expression(member.value)
            case "depends_on": resource.dependsOn = member.value.asList.compactMap(traversal)
            case "provider":
                if let text = member.value.string {
                    let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
                    resource.provider = (parts[0], parts.count > 1 ? parts[1] : nil)
                }
            case "lifecycle": resource.lifecycle = lifecycle(member.value)
            case "provisioner", "connection":
                resource.provisioners.append(
                    HCLBlock(
                        type: member.key, labels: [], body: untypedBody(member.value),
                        headerRange: range(member.keyPosition), range: range(member.keyPosition)))
            default: rest.append(member)
            }
        }
        resource.body = typedBody(rest, schema: catalog?.schema(type, data: data), at: position)
        if data {
            configuration.dataSources.append(resource)
        } else {
            configuration.resources.append(resource)
        }
    }

    /// Members as arguments and nested blocks, by the schema (`dynamic` blocks included).
    func typedBody(
        _ members: [(key: String, keyPosition: SourcePosition, value: JSONNode)], schema: SchemaBlock?,
        at position: SourcePosition
    ) -> HCLBody {
        var attributes: [HCLAttribute] = []
        var blocks: [HCLBlock] = []
        for (key, keyPosition, value) in members where key != "//" {
            if key == "dynamic" {
                for group in value.asList {
                    for (blockType, blockPosition, spec) in group.members ?? [] where blockType != "//" {
                        for element in spec.asList {
                            blocks.append(dynamicBlock(blockType, element, schema: schema, at: blockPosition))
                        }
                    }
                }
                continue
            }
            if let blockType = schema?.blockTypes.first(where: { $0.name == key }),
                value.members != nil || isArrayOfObjects(value)
            {
                for element in value.asList {
                    let body = typedBody(element.members ?? [], schema: blockType.block, at: element.position)
                    blocks.append(
                        HCLBlock(
                            type: key, labels: [], body: body, headerRange: range(keyPosition),
                            range: range(element.position)))
                }
                continue
            }
            attributes.append(attribute(key, value, keyPosition))
        }
        return HCLBody(attributes: attributes, blocks: blocks, range: range(position))
    }

    private func isArrayOfObjects(_ node: JSONNode) -> Bool {
        if case .array(let elements) = node.kind { return elements.allSatisfy { $0.members != nil } }
        return false
    }

    /// `"dynamic": {"ingress": {"for_each": …, "iterator": …, "content": {…}}}` as an HCL `dynamic` block.
    private func dynamicBlock(
        _ type: String, _ spec: JSONNode, schema: SchemaBlock?, at position: SourcePosition
    )
        -> HCLBlock
    {
        var attributes: [HCLAttribute] = []
        var blocks: [HCLBlock] = []
        for (key, keyPosition, value) in spec.members ?? [] {
            switch key {
            case "for_each", "labels": attributes.append(attribute(key, value, keyPosition))
            case "iterator":
                if let name = value.string {
                    attributes.append(
                        HCLAttribute(
                            name: key, nameRange: range(keyPosition),
                            expression: HCLExpression(.variable(name), range: range(value.position)),
                            range: range(keyPosition)))
                }
            case "content":
                let nested = schema?.blockTypes.first { $0.name == type }?.block
                blocks.append(
                    HCLBlock(
                        type: "content", labels: [],
                        body: typedBody(value.members ?? [], schema: nested, at: value.position),
                        headerRange: range(keyPosition), range: range(keyPosition)))
            default: continue
            }
        }
        return HCLBlock(
            type: "dynamic", labels: [type],
            body: HCLBody(attributes: attributes, blocks: blocks, range: range(position)),
            headerRange: range(position), range: range(position))
    }

    private func lifecycle(_ node: JSONNode) -> LifecycleDeclaration {
        var lifecycle = LifecycleDeclaration(range: range(node.position))
        lifecycle.createBeforeDestroy = node["create_before_destroy"].flatMap(literal)?.boolValue
        lifecycle.preventDestroy = node["prevent_destroy"].flatMap(literal)?.boolValue
        if let ignore = node["ignore_changes"] {
            if ignore.string == "all" {
                lifecycle.ignoreAll = true
                lifecycle.ignoreChanges = []
            } else {
                lifecycle.ignoreChanges = ignore.asList.compactMap(traversal)
            }
        }
        lifecycle.replaceTriggeredBy = (node["replace_triggered_by"]?.asList ?? []).compactMap(traversal)
        for condition in node["precondition"]?.asList ?? [] {
            if let test = condition["condition"], let message = condition["error_message"] {
                lifecycle.preconditions.append((expression(test), expression(message)))
            }
        }
        for condition in node["postcondition"]?.asList ?? [] {
            if let test = condition["condition"], let message = condition["error_message"] {
                lifecycle.postconditions.append((expression(test), expression(message)))
            }
        }
        return lifecycle
    }
}
