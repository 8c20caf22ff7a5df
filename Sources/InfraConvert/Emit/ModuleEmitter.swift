// One converted module → one Swift file: an enum named after the folder, holding the root as
// `static var stack: Stack` (or a child module as `static let module: TerraformModule`). Inside
// the builder every declaration is a `let` written before its first use, followed by the value
// itself, so the file reads like a hand-written stack; outputs come last, then the `moved`,
// `import` and `removed` blocks (StateBlocks.swift).

import InfraAWSBindings
import InfraHCL

/// Writes the Swift file of one module.
struct ModuleEmitter {
    let plan: ModulePlan
    /// The Swift enum that holds the module.
    let typeName: String
    /// `Stack` (a root) or `TerraformModule` (a called module).
    let isRoot: Bool
    /// Swift type names of converted local modules, by the `source` this module calls them with.
    let localModules: [String: (typeName: String, configuration: TerraformConfiguration)]
    var report = ConversionReport()
    /// Swift modules the file imports (`InfraAWS`, `InfraAWSAllEC2`, …).
    private(set) var imports: Set<String> = ["InfraCore", "InfraTerraform"]

    init(
        plan: ModulePlan, typeName: String, isRoot: Bool,
        localModules: [String: (typeName: String, configuration: TerraformConfiguration)]
    ) {
        self.plan = plan
        self.typeName = typeName
        self.isRoot = isRoot
        self.localModules = localModules
    }

    private var configuration: TerraformConfiguration { plan.configuration }

    /// The file's text.
    mutating func render(catalog: BindingsCatalog?) -> String {
        for resource in configuration.resources + configuration.dataSources
        where catalog?.model(resource.type, data: resource.isData) != nil {
            if let module = catalog?.module(resource.type, data: resource.isData) { imports.insert(module) }
        }
        var body = SwiftWriter()
        let files = configuration.files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        let kind = isRoot ? "root" : "module"
        body.line(
            "/// The Terraform \(kind) `\(configuration.directory)`, converted from \(files.map { "`\($0)`" }.joined(separator: ", "))."
        )
        body.block("public enum \(typeName)") { writer in
            if isRoot {
                writer.line("/// The root as a stack: `\(configuration.directory)` in the output folder.")
                writer.block("public static var stack: Stack") { writer in
                    writer.codeBlock("", stackHeader()) { writer in writeContent(&writer) }
                }
            } else {
                writer.line(
                    "/// The module, synthesized into `\(configuration.directory)` with the stacks that call it.")
                writer.line("public static let module = TerraformModule(")
                writer.line("    \(moduleName.swiftLiteral), directory: \(configuration.directory.swiftLiteral),")
                writer.line("    settings: \(settingsCode().flat)")
                writer.block(")") { writer in writeContent(&writer) }
            }
        }
        return body.text
    }

    /// The module's name (the folder's last component).
    var moduleName: String { String(configuration.directory.split(separator: "/").last ?? "module") }

    // MARK: Header

    private func stackHeader() -> SwiftCode {
        let name = configuration.cdktfStackName ?? moduleName
        var arguments: [(label: String?, value: SwiftCode)] = [
            (nil, .text(name.swiftLiteral)), ("directory", .text(configuration.directory.swiftLiteral)),
            ("settings", settingsCode()),
        ]
        if !configuration.tfvars.isEmpty {
            arguments.append(
                (
                    "tfvars",
                    .dictionary(configuration.tfvars.map { ($0.name.swiftLiteral, .text(Self.valueLiteral($0.value))) })
                ))
        }
        return .call("Stack", arguments)
    }

    private func settingsCode() -> SwiftCode {
        var arguments: [(label: String?, value: SwiftCode)] = [
            ("requiredVersion", .text(configuration.settings.requiredVersion?.swiftLiteral ?? "nil"))
        ]
        var providers = configuration.settings.requiredProviders
        // Terraform requires a provider implicitly; the library's validation wants it declared when
        // a block selects a configuration of it explicitly.
        let explicit = Set(
            (configuration.resources + configuration.dataSources).compactMap { $0.provider?.name }
                + configuration.modules.flatMap { $0.providers.map { String($0.outer.split(separator: ".")[0]) } })
        for name in explicit.sorted() where !providers.contains(where: { $0.name == name }) {
            providers.append(RequiredProviderDeclaration(name: name, source: "hashicorp/\(name)"))
        }
        arguments.append(
            (
                "requiredProviders",
                .array(
                    providers.map { provider in
                        var parts: [(label: String?, value: SwiftCode)] = [
                            (nil, .text(provider.name.swiftLiteral)),
                            ("source", .text((provider.source ?? "hashicorp/\(provider.name)").swiftLiteral)),
                        ]
                        if let version = provider.version { parts.append(("version", .text(version.swiftLiteral))) }
                        if !provider.configurationAliases.isEmpty {
                            parts.append(
                                (
                                    "configurationAliases",
                                    .array(provider.configurationAliases.map { .text($0.swiftLiteral) })
                                ))
                        }
                        return .call("RequiredProvider", parts)
                    })
            ))
        if isRoot, let backend = backendCode() { arguments.append(("backend", backend)) }
        return .call("TerraformSettings", arguments)
    }

    /// `.s3(S3Backend(…))` or `.local(path:)` when the backend's settings fit those types.
    private func backendCode() -> SwiftCode? {
        guard let backend = configuration.settings.backend else { return nil }
        let settings = Dictionary(backend.settings.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        switch backend.type {
        case "s3":
            let known: Set<String> = ["bucket", "key", "region", "dynamodb_table", "encrypt", "kms_key_id"]
            guard Set(settings.keys).isSubset(of: known), let bucket = settings["bucket"]?.stringValue,
                let key = settings["key"]?.stringValue, let region = settings["region"]?.stringValue
            else { return nil }
            var arguments: [(label: String?, value: SwiftCode)] = [
                ("bucket", .text(bucket.swiftLiteral)), ("key", .text(key.swiftLiteral)),
                ("region", .text(region.swiftLiteral)),
            ]
            if let table = settings["dynamodb_table"]?.stringValue {
                arguments.append(("dynamodbTable", .text(table.swiftLiteral)))
            }
            arguments.append(("encrypt", .text(settings["encrypt"]?.boolValue == true ? "true" : "false")))
            if let kms = settings["kms_key_id"]?.stringValue { arguments.append(("kmsKeyId", .text(kms.swiftLiteral))) }
            return .call(".s3", [(nil, .call("S3Backend", arguments))])
        case "local":
            guard Set(settings.keys).isSubset(of: ["path"]), let path = settings["path"]?.stringValue else {
                return nil
            }
            return .call(".local", [("path", .text(path.swiftLiteral))])
        default:
            return nil
        }
    }

    // MARK: Content

    private mutating func writeContent(_ writer: inout SwiftWriter) {
        if let backend = configuration.settings.backend, isRoot, backendCode() == nil {
            writer.comment([
                "convert: backend \"\(backend.type)\" has settings the library's backends do not take; left out "
                    + "(\(backend.range))"
            ])
            report.entries.append(
                ConversionReport.Entry(
                    kind: .unsupported, subject: "terraform.backend.\(backend.type)",
                    location: backend.range.description,
                    message: "only s3 (bucket, key, region, dynamodb_table, encrypt, kms_key_id) and local (path) "
                        + "backends have a Swift form; left out"))
        }
        for unsupported in configuration.unsupported {
            writer.comment([
                "convert: \(unsupported.kind) \"\(unsupported.name)\" left out: \(unsupported.reason) (\(unsupported.range))"
            ])
            report.entries.append(
                ConversionReport.Entry(
                    kind: .unsupported, subject: "\(unsupported.kind).\(unsupported.name)",
                    location: unsupported.range.description, message: "\(unsupported.reason); left out"))
        }
        for declaration in plan.order {
            switch declaration {
            case .variable(let index): writeVariable(configuration.variables[index], &writer)
            case .local(let index): writeLocal(configuration.locals[index], &writer)
            case .provider(let index): writeProvider(configuration.providers[index], &writer)
            case .data(let index): writeResource(configuration.dataSources[index], &writer)
            case .resource(let index): writeResource(configuration.resources[index], &writer)
            case .module(let index): writeModule(configuration.modules[index], &writer)
            }
        }
        for output in configuration.outputs { writeOutput(output, &writer) }
        writeStateBlocks(&writer)
    }

    /// Writes `let name = value` and the statement `name`, with the emitter's notes above.
    private mutating func declare(
        _ identifier: String, _ code: SwiftCode, _ emitter: ExpressionEmitter, _ writer: inout SwiftWriter
    ) {
        writer.comment(emitter.notes)
        report.entries += emitter.entries
        writer.code("let \(identifier) = ", code)
        writer.line(identifier)
    }

    mutating func statement(_ code: SwiftCode, _ emitter: ExpressionEmitter, _ writer: inout SwiftWriter) {
        writer.comment(emitter.notes)
        report.entries += emitter.entries
        writer.code("", code)
    }

    func emitter(_ subject: String) -> ExpressionEmitter {
        var emitter = ExpressionEmitter(scope: plan.scope)
        emitter.subject = subject
        return emitter
    }

    // MARK: Variables and locals

    private mutating func writeVariable(_ variable: VariableDeclaration, _ writer: inout SwiftWriter) {
        guard let symbol = plan.scope.variables[variable.name] else { return }
        var emitter = emitter("var.\(variable.name)")
        var arguments: [(label: String?, value: SwiftCode)] = [(nil, .text(variable.name.swiftLiteral))]
        let constraint = variable.type?.hcl ?? Self.constraint(of: symbol.type)
        if constraint != Self.constraint(of: symbol.type) { arguments.append(("type", .text(constraint.swiftLiteral))) }
        if let value = variable.defaultValue { arguments.append(("default", .text(Self.valueLiteral(value)))) }
        if let description = variable.description { arguments.append(("description", .text(description.swiftLiteral))) }
        if let sensitive = variable.sensitive { arguments.append(("sensitive", .text("\(sensitive)"))) }
        if let nullable = variable.nullable { arguments.append(("nullable", .text("\(nullable)"))) }
        if !variable.validations.isEmpty {
            arguments.append(
                (
                    "validations",
                    .array(
                        variable.validations.map { validation in
                            .call(
                                "VariableValidation",
                                [
                                    (nil, .text(emitter.typed(validation.condition, .bool))),
                                    ("errorMessage", .text(validation.errorMessage.swiftLiteral)),
                                ])
                        })
                ))
        }
        let suppliedByTFVars = configuration.tfvars.contains { $0.name == variable.name }
        if isRoot, variable.defaultValue == nil, !suppliedByTFVars {
            arguments.append(("providedAtApply", .text("true")))
        }
        declare(symbol.identifier, .call("Variable<\(symbol.type)>", arguments), emitter, &writer)
    }

    /// The type constraint the library writes for a Swift type.
    static func constraint(of type: SwiftType) -> String {
        switch type {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .value: "any"
        case .list(let element): "list(\(constraint(of: element)))"
        case .set(let element): "set(\(constraint(of: element)))"
        case .map(let element): "map(\(constraint(of: element)))"
        }
    }

    private mutating func writeLocal(_ local: LocalDeclaration, _ writer: inout SwiftWriter) {
        guard let symbol = plan.scope.locals[local.name] else { return }
        var emitter = emitter("local.\(local.name)")
        let value = emitter.typedCode(local.value, symbol.type)
        declare(
            symbol.identifier, .call("Local<\(symbol.type)>", [(nil, .text(local.name.swiftLiteral)), (nil, value)]),
            emitter, &writer)
    }

    // MARK: Providers

    private mutating func writeProvider(_ provider: ProviderDeclaration, _ writer: inout SwiftWriter) {
        let key = provider.alias.map { "\(provider.name).\($0)" } ?? provider.name
        guard let identifier = plan.providerIdentifiers[key] else { return }
        var emitter = emitter("provider.\(key)")
        let body = provider.body
        let attributeNames = Set(body.attributes.map(\.name))
        let tagsBlocks = body.blocks(ofType: "default_tags")
        let simpleTags =
            tagsBlocks.count <= 1
            && (tagsBlocks.first.map { Set($0.body.attributes.map(\.name)) == ["tags"] && $0.body.blocks.isEmpty }
                ?? true)
        if provider.name == "aws", attributeNames.isSubset(of: ["region"]), attributeNames.contains("region"),
            Set(body.blocks.map(\.type)).isSubset(of: ["default_tags"]), simpleTags
        {
            var arguments: [(label: String?, value: SwiftCode)] = []
            if let region = body[attribute: "region"] {
                arguments.append(("region", emitter.typedCode(region.expression, .string)))
            }
            if let alias = provider.alias { arguments.append(("alias", .text(alias.swiftLiteral))) }
            if let tags = tagsBlocks.first?.body[attribute: "tags"] {
                arguments.append(("defaultTags", emitter.typedCode(tags.expression, .map(.string))))
            }
            declare(identifier, .call("Provider.aws", arguments), emitter, &writer)
            return
        }
        var arguments: [(label: String?, value: SwiftCode)] = [(nil, .text(provider.name.swiftLiteral))]
        if let alias = provider.alias { arguments.append(("alias", .text(alias.swiftLiteral))) }
        let attributes = body.attributes.map { (key: $0.name.swiftLiteral, value: emitter.untypedCode($0.expression)) }
        if !attributes.isEmpty { arguments.append((nil, .dictionary(attributes))) }
        var blocks: [(key: String, value: SwiftCode)] = []
        var seen: Set<String> = []
        for block in body.blocks where seen.insert(block.type).inserted {
            let list = body.blocks(ofType: block.type).map { nested in
                SwiftCode.call(
                    "Block",
                    [
                        (
                            nil,
                            .dictionary(
                                nested.body.attributes.map {
                                    ($0.name.swiftLiteral, emitter.untypedCode($0.expression))
                                })
                        )
                    ])
            }
            blocks.append((block.type.swiftLiteral, .array(list)))
        }
        if !blocks.isEmpty { arguments.append(("blocks", .dictionary(blocks))) }
        declare(identifier, .call("Provider", arguments), emitter, &writer)
    }

    // MARK: Resources

    private mutating func writeResource(_ resource: ResourceDeclaration, _ writer: inout SwiftWriter) {
        guard let symbol = plan.scope.resources[resource.address] else { return }
        var emitter = emitter(resource.address)
        let (call, overrides) = emitter.resourceCall(resource, symbol: symbol)
        var modifiers = meta(
            count: resource.count, forEach: resource.forEach, provider: resource.provider,
            dependsOn: resource.dependsOn,
            &emitter)
        if let lifecycle = resource.lifecycle { modifiers.append(lifecycleCode(lifecycle, &emitter)) }
        modifiers += overrides
        if !resource.provisioners.isEmpty {
            for block in resource.provisioners {
                emitter.notes.append(
                    "convert: `\(block.type)` blocks have no Swift form yet; left out (\(block.range))")
                emitter.entries.append(
                    ConversionReport.Entry(
                        kind: .unsupported, subject: resource.address, location: block.range.description,
                        message: "`\(block.type)` blocks have no Swift form yet; left out"))
            }
        }
        declare(symbol.identifier, modifiers.isEmpty ? call : .chain(call, modifiers), emitter, &writer)
    }

    /// `.count(…)`, `.forEach(…)`, `.provider(…)`, `.dependsOn(…)` modifiers.
    private func meta(
        count: HCLExpression?, forEach: HCLExpression?, provider: (name: String, alias: String?)?,
        dependsOn: [HCLExpression], _ emitter: inout ExpressionEmitter
    ) -> [SwiftCode] {
        var modifiers: [SwiftCode] = []
        if let count { modifiers.append(.call("count", [(nil, .text(emitter.typed(count, .number)))])) }
        if let forEach {
            // An `Expression` value, not literal syntax: typed `forEach` overloads would make a literal ambiguous.
            var code = emitter.untypedCode(forEach)
            if ExpressionEmitter.isLiteralSyntax(forEach) {
                code = .sequence([.text("("), code, .text(" as Expression)")])
            }
            modifiers.append(.call("forEach", [(nil, code)]))
        }
        if let provider {
            modifiers.append(.call("provider", [(nil, .text(providerReference(provider.name, alias: provider.alias)))]))
        }
        let targets = dependsOn.compactMap(addressCode)
        if !targets.isEmpty { modifiers.append(.call("dependsOn", targets.map { (nil, SwiftCode.text($0)) })) }
        return modifiers
    }

    /// The Swift `ProviderReference` of a provider configuration: `awsEu.reference` when the
    /// module declares it, else spelled out.
    func providerReference(_ name: String, alias: String?) -> String {
        let key = alias.map { "\(name).\($0)" } ?? name
        return plan.providerIdentifiers[key].map { "\($0).reference" }
            ?? "ProviderReference(\(name.swiftLiteral)\(alias.map { ", alias: \($0.swiftLiteral)" } ?? ""))"
    }

    /// The Swift `ReferenceTarget` for a `depends_on` entry (`vpc.address`).
    private func addressCode(_ expression: HCLExpression) -> String? {
        guard let reference = HCLReference(expression), let key = ModulePlan.declarationKey(reference) else {
            return nil
        }
        if key.hasPrefix("module.") {
            let name = String(key.dropFirst(7))
            return plan.scope.modules[name].map { "\($0.identifier).address" } ?? ".module(\(name.swiftLiteral))"
        }
        if let symbol = plan.scope.resources[key] { return "\(symbol.identifier).address" }
        let parts = key.split(separator: ".").map(String.init)
        if parts.first == "data", parts.count == 3 {
            return ".data(type: \(parts[1].swiftLiteral), name: \(parts[2].swiftLiteral))"
        }
        if parts.count == 2, parts[0] != "var", parts[0] != "local" {
            return ".resource(type: \(parts[0].swiftLiteral), name: \(parts[1].swiftLiteral))"
        }
        return nil
    }

    private func lifecycleCode(_ lifecycle: LifecycleDeclaration, _ emitter: inout ExpressionEmitter) -> SwiftCode {
        var arguments: [(label: String?, value: SwiftCode)] = []
        if let value = lifecycle.createBeforeDestroy { arguments.append(("createBeforeDestroy", .text("\(value)"))) }
        if let value = lifecycle.preventDestroy { arguments.append(("preventDestroy", .text("\(value)"))) }
        if lifecycle.ignoreAll {
            arguments.append(("ignoreChanges", .text(".all")))
        } else if let ignore = lifecycle.ignoreChanges {
            arguments.append(
                ("ignoreChanges", .call(".attributes", [(nil, .array(ignore.map { .text($0.hcl.swiftLiteral) }))])))
        }
        if !lifecycle.replaceTriggeredBy.isEmpty {
            arguments.append(
                ("replaceTriggeredBy", .array(lifecycle.replaceTriggeredBy.map { emitter.untypedCode($0) })))
        }
        for (label, conditions) in [
            ("preconditions", lifecycle.preconditions), ("postconditions", lifecycle.postconditions),
        ]
        where !conditions.isEmpty {
            arguments.append(
                (
                    label,
                    .array(
                        conditions.map { condition in
                            let message =
                                condition.errorMessage.constantValue?.stringValue ?? condition.errorMessage.hcl
                            return .call(
                                ".init",
                                [
                                    (nil, .text(emitter.typed(condition.condition, .bool))),
                                    ("errorMessage", .text(message.swiftLiteral)),
                                ])
                        })
                ))
        }
        return .call("lifecycle", [(nil, .call("Lifecycle", arguments))])
    }

    // MARK: Modules

    private mutating func writeModule(_ module: ModuleDeclaration, _ writer: inout SwiftWriter) {
        guard let symbol = plan.scope.modules[module.name] else { return }
        var emitter = emitter("module.\(module.name)")
        var arguments: [(label: String?, value: SwiftCode)] = [(nil, .text(module.name.swiftLiteral))]
        if let local = localModules[module.source] {
            arguments.append(("module", .text("\(local.typeName).module")))
        } else {
            arguments.append(("source", .text(module.source.swiftLiteral)))
            if let version = module.version { arguments.append(("version", .text(version.swiftLiteral))) }
        }
        if !module.inputs.isEmpty {
            arguments.append(
                ("inputs", .dictionary(module.inputs.map { ($0.name.swiftLiteral, emitter.untypedCode($0.value)) })))
        }
        if !module.providers.isEmpty {
            arguments.append(
                (
                    "providers",
                    .dictionary(
                        module.providers.map { mapping in
                            let reference =
                                plan.providerIdentifiers[mapping.outer].map { "\($0).reference" }
                                ?? "ProviderReference(\(mapping.outer.split(separator: ".").map { String($0).swiftLiteral }.joined(separator: ", alias: ")))"
                            return (mapping.inner.swiftLiteral, .text(reference))
                        })
                ))
        }
        let modifiers = meta(
            count: module.count, forEach: module.forEach, provider: nil, dependsOn: module.dependsOn, &emitter)
        let call = SwiftCode.call("ModuleCall", arguments)
        declare(symbol.identifier, modifiers.isEmpty ? call : .chain(call, modifiers), emitter, &writer)
    }

    // MARK: Outputs

    private mutating func writeOutput(_ output: OutputDeclaration, _ writer: inout SwiftWriter) {
        var emitter = emitter("output.\(output.name)")
        var arguments: [(label: String?, value: SwiftCode)] = [(nil, .text(output.name.swiftLiteral))]
        if Self.isTypedNatural(output.value) {
            let natural = emitter.natural(output.value)
            arguments.append(natural.form == .typed ? (nil, .text(natural.code)) : ("expression", .text(natural.code)))
        } else {
            arguments.append(("expression", emitter.untypedCode(output.value)))
        }
        if let description = output.description { arguments.append(("description", .text(description.swiftLiteral))) }
        if let sensitive = output.sensitive { arguments.append(("sensitive", .text("\(sensitive)"))) }
        let targets = output.dependsOn.compactMap(addressCode)
        if !targets.isEmpty { arguments.append(("dependsOn", .array(targets.map(SwiftCode.text)))) }
        if output.hasPreconditions {
            emitter.notes.append("convert: the output's precondition blocks have no Swift form yet; left out")
            emitter.entries.append(
                ConversionReport.Entry(
                    kind: .unsupported, subject: "output.\(output.name)", location: output.range.description,
                    message: "output preconditions have no Swift form yet; left out"))
        }
        statement(.call("Output", arguments), emitter, &writer)
    }

    /// Whether an output's value is a reference or call whose typed form reads best.
    private static func isTypedNatural(_ expression: HCLExpression) -> Bool {
        switch expression.kind {
        case .variable, .getAttribute, .index, .call: true
        case .templateWrap(let inner), .parenthesized(let inner): isTypedNatural(inner)
        default: false
        }
    }

    // MARK: Values

    /// A constant as a Swift `Value` literal.
    static func valueLiteral(_ value: HCLValue) -> String {
        switch value {
        case .null: ".null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): ExpressionEmitter.swiftNumber(text)
        case .string(let text): text.swiftLiteral
        case .tuple(let values): "[" + values.map(valueLiteral).joined(separator: ", ") + "]"
        case .object(let members):
            members.isEmpty
                ? "[:]"
                : "[" + members.map { "\($0.key.swiftLiteral): \(valueLiteral($0.value))" }.joined(separator: ", ")
                    + "]"
        }
    }
}
