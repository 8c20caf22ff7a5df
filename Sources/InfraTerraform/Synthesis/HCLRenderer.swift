// Renders a configuration as HCL native syntax (`.tf`) for review: the readable form
// reviewers ask for in pull requests. Output is in `terraform fmt` style — two-space
// indentation, `=` aligned across consecutive attribute lines, every value on one line —
// so `terraform fmt -check` accepts it unchanged.

import InfraCore

/// Writes HCL text for one configuration's resolved blocks.
struct HCLRenderer {
    /// Text for each file path, built block by block.
    private(set) var files: [String: [String]] = [:]

    mutating func add(_ file: String, _ text: String) {
        files[file, default: []].append(text)
    }

    /// The `.tf` files of `blocks` (`main.tf` always), then `terraform.tfvars.json` (JSON: the
    /// variable values are read as JSON by Terraform either way). Within a file: settings,
    /// providers, locals, data sources, resources, module calls, moves, imports and removals (in
    /// declaration order), variables, outputs.
    static func artifacts(of blocks: [ResolvedBlock], directory: String) -> [Artifact] {
        var hcl = HCLRenderer()
        var providers: [(ProviderBlock, String)] = []
        var locals: [LocalBlock] = []
        var localsFile = directory + "/main.tf"
        var dataSources: [(ResourceBlock, String)] = []
        var resources: [(ResourceBlock, String)] = []
        var modules: [(ModuleCallBlock, String?, String)] = []
        var variables: [(VariableBlock, String)] = []
        var outputs: [(OutputBlock, String)] = []
        var variableValues: [Artifact] = []
        for block in blocks {
            switch block.content {
            case .settings(let settings): hcl.add(block.file, HCLRenderer.settings(settings))
            case .provider(let provider): providers.append((provider, block.file))
            case .local(let local):
                locals.append(local)
                localsFile = block.file
            case .data(let declaration): dataSources.append((declaration, block.file))
            case .resource(let declaration): resources.append((declaration, block.file))
            case .module(let call, let source): modules.append((call, source, block.file))
            case .moved, .importBlock, .removed: break
            case .variable(let variable): variables.append((variable, block.file))
            case .output(let output): outputs.append((output, block.file))
            case .variableValues:
                variableValues.append(Artifact(path: block.file, bytes: JSONWriter().write(block.document())))
            }
        }
        for (provider, file) in providers.sorted(by: { ($0.0.name, $0.0.alias ?? "") < ($1.0.name, $1.0.alias ?? "") })
        {
            hcl.add(file, HCLRenderer.provider(provider))
        }
        if !locals.isEmpty { hcl.add(localsFile, HCLRenderer.locals(locals)) }
        for (block, file) in dataSources.sorted(by: { ($0.0.type, $0.0.name) < ($1.0.type, $1.0.name) }) {
            hcl.add(file, HCLRenderer.resource(block, data: true))
        }
        for (block, file) in resources.sorted(by: { ($0.0.type, $0.0.name) < ($1.0.type, $1.0.name) }) {
            hcl.add(file, HCLRenderer.resource(block, data: false))
        }
        for (call, source, file) in modules.sorted(by: { $0.0.name < $1.0.name }) {
            hcl.add(file, HCLRenderer.module(call, source: source))
        }
        for block in blocks {
            switch block.content {
            case .moved(let move): hcl.add(block.file, HCLRenderer.moved(move))
            case .importBlock(let adoption): hcl.add(block.file, HCLRenderer.importBlock(adoption))
            case .removed(let removal): hcl.add(block.file, HCLRenderer.removed(removal))
            default: break
            }
        }
        for (variable, file) in variables.sorted(by: { $0.0.name < $1.0.name }) {
            hcl.add(file, HCLRenderer.variable(variable))
        }
        for (output, file) in outputs.sorted(by: { $0.0.name < $1.0.name }) {
            hcl.add(file, HCLRenderer.output(output))
        }
        if hcl.files[directory + "/main.tf"] == nil { hcl.add(directory + "/main.tf", "") }
        return hcl.artifacts() + variableValues
    }

    /// The files joined with blank lines between blocks, in file order.
    func artifacts() -> [Artifact] {
        files.keys.sorted(by: TerraformJSONFiles.precedes).map { file in
            let text = (files[file] ?? []).joined(separator: "\n")
            return Artifact(path: file, bytes: Array(text.utf8))
        }
    }

    // MARK: Blocks

    static func resource(_ block: ResourceBlock, data: Bool) -> String {
        var body = HCLBody()
        let meta = block.meta
        if let count = meta.count { body.attribute("count", count.hcl) }
        if let forEach = meta.forEach { body.attribute("for_each", forEach.hcl) }
        if let provider = meta.provider { body.attribute("provider", provider.description) }
        if !meta.dependsOn.isEmpty { body.attribute("depends_on", list(meta.dependsOn.map(\.description))) }
        body.separate()
        var content = block.body
        for override in meta.overrides { apply(override, to: &content) }
        body.append(content)
        if let lifecycle = meta.lifecycle, !lifecycle.isEmpty { body.block("lifecycle", lifecycleBody(lifecycle)) }
        let keyword = data ? "data" : "resource"
        return body.render(header: "\(keyword) \(quoted(block.type)) \(quoted(block.name))")
    }

    static func variable(_ v: VariableBlock) -> String {
        var body = HCLBody()
        body.attribute("type", v.type)
        if let d = v.defaultValue { body.attribute("default", Expression(literal: d).hcl) }
        if let description = v.description { body.attribute("description", quoted(description)) }
        if let sensitive = v.sensitive { body.attribute("sensitive", String(sensitive)) }
        if let nullable = v.nullable { body.attribute("nullable", String(nullable)) }
        for validation in v.validations {
            var rule = HCLBody()
            rule.attribute("condition", validation.condition.expression.hcl)
            rule.attribute("error_message", quoted(validation.errorMessage))
            body.block("validation", rule)
        }
        return body.render(header: "variable \(quoted(v.name))")
    }

    static func output(_ o: OutputBlock) -> String {
        var body = HCLBody()
        body.attribute("value", o.value.hcl)
        if let description = o.description { body.attribute("description", quoted(description)) }
        if let sensitive = o.sensitive { body.attribute("sensitive", String(sensitive)) }
        if !o.dependsOn.isEmpty { body.attribute("depends_on", list(o.dependsOn.map(\.description))) }
        return body.render(header: "output \(quoted(o.name))")
    }

    static func locals(_ locals: [LocalBlock]) -> String {
        var body = HCLBody()
        for local in locals.sorted(by: { $0.name < $1.name }) { body.attribute(local.name, local.value.hcl) }
        return body.render(header: "locals")
    }

    static func module(_ call: ModuleCallBlock, source: String?) -> String {
        var body = HCLBody()
        switch call.source {
        case .local: body.attribute("source", quoted(source ?? ""))
        case .remote(let address, let version):
            body.attribute("source", quoted(address))
            if let version { body.attribute("version", quoted(version)) }
        }
        if let count = call.meta.count { body.attribute("count", count.hcl) }
        if let forEach = call.meta.forEach { body.attribute("for_each", forEach.hcl) }
        if !call.providers.isEmpty {
            let pairs = call.providers.keys.sorted().map { "\($0) = \(call.providers[$0]?.description ?? "")" }
            body.attribute("providers", "{ " + pairs.joined(separator: ", ") + " }")
        }
        if !call.meta.dependsOn.isEmpty { body.attribute("depends_on", list(call.meta.dependsOn.map(\.description))) }
        body.separate()
        for key in call.inputs.keys.sorted() { body.attribute(key, call.inputs[key]?.hcl ?? "null") }
        return body.render(header: "module \(quoted(call.name))")
    }

    static func provider(_ p: ProviderBlock) -> String {
        var body = HCLBody()
        if let alias = p.alias { body.attribute("alias", quoted(alias)) }
        body.append(p.body)
        return body.render(header: "provider \(quoted(p.name))")
    }

    static func moved(_ m: MovedBlock) -> String {
        var body = HCLBody()
        body.attribute("from", m.fromAddress.description)
        body.attribute("to", m.toAddress.description)
        return body.render(header: "moved")
    }

    static func importBlock(_ i: ImportBlock) -> String {
        var body = HCLBody()
        if let forEach = i.forEach { body.attribute("for_each", forEach.hcl) }
        body.attribute("to", i.toAddress)
        body.attribute("id", i.id.hcl)
        if let provider = i.provider { body.attribute("provider", provider.description) }
        return body.render(header: "import")
    }

    static func removed(_ r: RemovedBlock) -> String {
        var body = HCLBody()
        body.attribute("from", r.from.description)
        var lifecycle = HCLBody()
        lifecycle.attribute("destroy", String(r.destroy))
        body.block("lifecycle", lifecycle)
        return body.render(header: "removed")
    }

    static func settings(_ s: TerraformSettings) -> String {
        var body = HCLBody()
        if let version = s.requiredVersion { body.attribute("required_version", quoted(version)) }
        if !s.requiredProviders.isEmpty {
            var providers = HCLBody()
            for p in s.requiredProviders {
                var fields = ["source = \(quoted(p.source))"]
                if let version = p.version { fields.append("version = \(quoted(version))") }
                if !p.configurationAliases.isEmpty {
                    fields.append("configuration_aliases = " + list(p.configurationAliases.map { "\(p.name).\($0)" }))
                }
                providers.attribute(p.name, "{ " + fields.joined(separator: ", ") + " }")
            }
            body.block("required_providers", providers)
        }
        if let backend = s.backend, case .object(let config) = backend.jsonValue {
            var b = HCLBody()
            for member in config.members { b.attribute(member.key, Expression(literal: member.value).hcl) }
            body.block("backend \(quoted(backend.type))", b)
        }
        return body.render(header: "terraform")
    }

    // MARK: Pieces

    private static func lifecycleBody(_ l: Lifecycle) -> HCLBody {
        var body = HCLBody()
        if let c = l.createBeforeDestroy { body.attribute("create_before_destroy", String(c)) }
        if let p = l.preventDestroy { body.attribute("prevent_destroy", String(p)) }
        switch l.ignoreChanges {
        case .all: body.attribute("ignore_changes", "all")
        case .attributes(let names): body.attribute("ignore_changes", list(names))
        case nil: break
        }
        if !l.replaceTriggeredBy.isEmpty {
            body.attribute("replace_triggered_by", list(l.replaceTriggeredBy.map(\.hcl)))
        }
        for (name, conditions) in [("precondition", l.preconditions), ("postcondition", l.postconditions)] {
            for condition in conditions {
                var c = HCLBody()
                c.attribute("condition", condition.condition.expression.hcl)
                c.attribute("error_message", quoted(condition.errorMessage))
                body.block(name, c)
            }
        }
        return body
    }

    /// Applies a raw override to the block model: attributes by name, nested blocks by
    /// type (and index), values inside object expressions by key.
    static func apply(_ override: RawOverride, to block: inout Block) {
        let segments = override.path.split(separator: ".").map(String.init)
        apply(segments[...], override.value, to: &block)
    }

    private static func apply(_ segments: ArraySlice<String>, _ value: Expression?, to block: inout Block) {
        guard let head = segments.first else { return }
        let rest = segments.dropFirst()
        if rest.isEmpty {
            block.blocks[head] = nil
            block.attributes[head] = nil
            if let value { assign(head, value.node, to: &block) }
            return
        }
        if var nested = block.blocks[head], !nested.isEmpty {
            var index = 0
            var remaining = rest
            if let i = rest.first.flatMap(Int.init), nested.indices.contains(i) {
                index = i
                remaining = rest.dropFirst()
            }
            apply(remaining, value, to: &nested[index])
            block.blocks[head] = nested
            return
        }
        var node = block.attributes[head]?.node ?? .object([])
        setInObject(&node, rest, value?.node)
        block.attributes[head] = Expression(node)
    }

    /// Map arguments that overrides commonly set: they stay attributes even though their value
    /// is an object (every other object-valued override sets a nested block).
    private static let mapArguments: Set<String> = [
        "tags", "tags_all", "tags_to_add", "labels", "parameters", "variables", "environment",
    ]

    /// Sets `name` from an override value. Terraform JSON writes a nested block as an object
    /// (or a list of objects) and `dynamic "x"` blocks as `"dynamic": {"x": {…}}`; HCL needs
    /// block syntax for both, so such values become nested blocks.
    private static func assign(_ name: String, _ node: Expression.Node, to block: inout Block) {
        if name == "dynamic", case .object(let generators) = node {
            for generator in generators {
                block.blocks["dynamic " + quoted(generator.key), default: []] +=
                    blocks(from: generator.value)
                    ?? [Block()]
            }
        } else if !mapArguments.contains(name), let nested = blocks(from: node) {
            block.blocks[name, default: []] += nested
        } else {
            block.attributes[name] = Expression(node)
        }
    }

    /// The nested blocks an object (one block) or a non-empty list of objects (several) stands for.
    private static func blocks(from node: Expression.Node) -> [Block]? {
        switch node {
        case .object(let members):
            var result = Block()
            for member in members { assign(member.key, member.value, to: &result) }
            return [result]
        case .list(let items) where !items.isEmpty:
            var result: [Block] = []
            for item in items {
                guard case .object = item, let converted = blocks(from: item) else { return nil }
                result += converted
            }
            return result
        default:
            return nil
        }
    }

    private static func setInObject(
        _ node: inout Expression.Node, _ path: ArraySlice<String>, _ value: Expression.Node?
    ) {
        guard let key = path.first else { return }
        var members: [Expression.ObjectMember] = []
        if case .object(let existing) = node { members = existing }
        let index = members.firstIndex { $0.key == key }
        if path.count == 1 {
            if let value {
                if let index { members[index].value = value } else { members.append(.init(key: key, value: value)) }
            } else if let index {
                members.remove(at: index)
            }
        } else {
            var child = index.map { members[$0].value } ?? .object([])
            setInObject(&child, path.dropFirst(), value)
            if let index { members[index].value = child } else { members.append(.init(key: key, value: child)) }
        }
        node = .object(members)
    }

    static func quoted(_ s: String) -> String { Expression.string(s).hcl }

    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}

/// A block body under construction: attribute lines and nested blocks, rendered with
/// `terraform fmt`'s alignment of `=` across consecutive attribute lines.
struct HCLBody {
    private enum Item {
        case attribute(String, String)
        case block(String, HCLBody)
        case separator
    }

    private var items: [Item] = []

    mutating func attribute(_ name: String, _ value: String) { items.append(.attribute(name, value)) }
    mutating func block(_ header: String, _ body: HCLBody) { items.append(.block(header, body)) }

    /// A blank line: ends the current alignment group (only if something came before).
    mutating func separate() {
        if let last = items.last, case .separator = last { return }
        if !items.isEmpty { items.append(.separator) }
    }

    /// Adds a model block's attributes (sorted) and nested blocks (by type, in order).
    mutating func append(_ block: Block) {
        for name in block.attributes.keys.sorted() {
            attribute(HCLBody.attributeName(name), block.attributes[name]?.hcl ?? "null")
        }
        for type in block.blocks.keys.sorted() {
            for nested in block.blocks[type] ?? [] {
                var body = HCLBody()
                body.append(nested)
                self.block(type, body)
            }
        }
        // By type, declaration order within a type (as the JSON form groups them).
        let ordered = block.dynamicBlocks.enumerated().sorted {
            ($0.element.type, $0.offset) < ($1.element.type, $1.offset)
        }
        for dynamic in ordered.map(\.element) {
            var body = HCLBody()
            body.attribute("for_each", dynamic.forEach.hcl)
            if let iterator = dynamic.iterator { body.attribute("iterator", iterator) }
            var content = HCLBody()
            content.append(dynamic.content)
            body.block("content", content)
            self.block("dynamic \(HCLRenderer.quoted(dynamic.type))", body)
        }
    }

    /// Attribute names that are not identifiers must be quoted (rare; e.g. in provider blocks).
    static func attributeName(_ name: String) -> String {
        TerraformIdentifier.isValid(name) ? name : HCLRenderer.quoted(name)
    }

    func render(header: String, indent: Int = 0) -> String {
        var out = String(repeating: "  ", count: indent) + header + " {\n"
        out += renderBody(indent: indent + 1)
        out += String(repeating: "  ", count: indent) + "}\n"
        return out
    }

    private func renderBody(indent: Int) -> String {
        var trimmed = items
        while let last = trimmed.last, case .separator = last { trimmed.removeLast() }
        var out = ""
        var i = 0
        let pad = String(repeating: "  ", count: indent)
        while i < trimmed.count {
            switch trimmed[i] {
            case .attribute:
                // A run of consecutive attributes shares one `=` column.
                var j = i
                var width = 0
                while j < trimmed.count, case .attribute(let name, _) = trimmed[j] {
                    width = max(width, name.count)
                    j += 1
                }
                for k in i..<j {
                    if case .attribute(let name, let value) = trimmed[k] {
                        out += pad + name + String(repeating: " ", count: width - name.count) + " = " + value + "\n"
                    }
                }
                i = j
            case .block(let header, let body):
                if i > 0, case .attribute = trimmed[i - 1] { out += "\n" }
                out += body.render(header: header, indent: indent)
                if i + 1 < trimmed.count, case .attribute = trimmed[i + 1] { out += "\n" }
                i += 1
            case .separator:
                out += "\n"
                i += 1
            }
        }
        return out
    }
}
