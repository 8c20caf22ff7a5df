// Stack or module → files. Runs like a compiler: validate the collected blocks (all
// diagnostics at once), then render the document model, then bytes. Nothing is
// rendered when validation found errors.

import InfraCore

/// Synthesizes the blocks of a root or module into `.tf.json` files.
struct TerraformSynthesizer: Sendable {
    enum Kind { case root, module }

    let kind: Kind
    let name: String
    let directory: String
    let settings: TerraformSettings
    let tfvars: [String: Value]
    let elements: [StackElement]

    func synthesize(format: SynthesisOptions.TerraformFormat = .json) -> SynthesisResult {
        let index = ConfigurationIndex(elements: elements)
        // Checking and rendering read the same index and nothing else: run them side by
        // side and drop the rendered files when the checks found an error.
        var (result, artifacts) = Parallel.pair(
            { check(index) }, { format == .json ? render(index) : renderHCL(index) })
        if !result.diagnostics.hasErrors { result.artifacts = artifacts }
        return result
    }

    /// Diagnostics, inventory and dependency edges of the configuration.
    private func check(_ index: ConfigurationIndex) -> SynthesisResult {
        var validator = StackValidator(kind: kind, name: name, settings: settings, tfvars: tfvars, index: index)
        let diagnostics = validator.validate()
        let graph = DependencyAnalysis(index: index)
        var result = SynthesisResult(
            diagnostics: diagnostics, inventory: inventory(index), edges: graph.edges(prefix: directory))
        result.diagnostics.append(contentsOf: graph.cycleDiagnostics())
        return result
    }

    /// The same files as ``render(_:)`` in HCL native syntax (`.tf`); tfvars stay JSON.
    private func renderHCL(_ index: ConfigurationIndex) -> [Artifact] {
        var hcl = HCLRenderer()
        let settingsFile = (kind == .root && settings.backend != nil) ? "backend" : "main"
        if kind == .root || !settings.requiredProviders.isEmpty || settings.requiredVersion != nil {
            hcl.add(settingsFile, HCLRenderer.settings(settings))
        }
        let providers = index.providers.sorted { ($0.name, $0.alias ?? "") < ($1.name, $1.alias ?? "") }
        for provider in providers { hcl.add("main", HCLRenderer.provider(provider)) }
        if !index.locals.isEmpty { hcl.add("main", HCLRenderer.locals(index.locals)) }
        for block in index.dataSources.sorted(by: { ($0.type, $0.name) < ($1.type, $1.name) }) {
            hcl.add(block.meta.file ?? "main", HCLRenderer.resource(block, data: true))
        }
        for block in index.resources.sorted(by: { ($0.type, $0.name) < ($1.type, $1.name) }) {
            hcl.add(block.meta.file ?? "main", HCLRenderer.resource(block, data: false))
        }
        for call in index.modules.sorted(by: { $0.name < $1.name }) {
            hcl.add(call.meta.file ?? "main", HCLRenderer.module(call, source: sourcePath(for: call)))
        }
        for move in index.moved { hcl.add("main", HCLRenderer.moved(move)) }
        for variable in index.variables.sorted(by: { $0.name < $1.name }) {
            hcl.add("variables", HCLRenderer.variable(variable))
        }
        for output in index.outputs.sorted(by: { $0.name < $1.name }) { hcl.add("outputs", HCLRenderer.output(output)) }
        if hcl.files["main"] == nil { hcl.add("main", "") }
        var artifacts = hcl.artifacts(directory: directory)
        if kind == .root, !tfvars.isEmpty {
            let document = Value.sortedObject(tfvars)
            artifacts.append(
                Artifact(
                    path: "\(directory)/terraform.tfvars.json", bytes: JSONWriter().write(document),
                    documents: [document]))
        }
        return artifacts
    }

    // MARK: Rendering

    private func render(_ index: ConfigurationIndex) -> [Artifact] {
        let writer = JSONWriter(sortKeys: true)
        var files: [String: ValueObject] = [:]

        func add(_ file: String, _ key: String, _ value: Value) {
            files[file, default: ValueObject()][key] = value
        }

        // Resources and data sources, grouped by file, then type, then name.
        for (kind, key) in [(false, "resource"), (true, "data")] {
            let blocks = kind ? index.dataSources : index.resources
            var byFile: [String: [ResourceBlock]] = [:]
            for block in blocks { byFile[block.meta.file ?? "main", default: []].append(block) }
            for (file, list) in byFile {
                add(file, key, TerraformSynthesizer.groupByType(list))
            }
        }
        if !index.locals.isEmpty {
            add(
                "main", "locals", .object(ValueObject(index.locals.map { ($0.name, $0.value.jsonValue) }).sortedByKey())
            )
        }
        if !index.modules.isEmpty {
            var modulesByFile: [String: [ModuleCallBlock]] = [:]
            for call in index.modules { modulesByFile[call.meta.file ?? "main", default: []].append(call) }
            for (file, calls) in modulesByFile {
                add(
                    file, "module",
                    .object(
                        ValueObject(
                            calls.map { call in
                                (call.name, call.jsonValue(sourcePath: sourcePath(for: call)))
                            }
                        ).sortedByKey()))
            }
        }
        if !index.providers.isEmpty {
            var byName: [String: [ProviderBlock]] = [:]
            for provider in index.providers { byName[provider.name, default: []].append(provider) }
            add(
                "main", "provider",
                .object(
                    ValueObject(
                        byName.keys.sorted().map { name in
                            let list = (byName[name] ?? []).sorted { ($0.alias ?? "") < ($1.alias ?? "") }
                            return (name, list.count == 1 ? list[0].jsonValue : .array(list.map(\.jsonValue)))
                        })))
        }
        if !index.moved.isEmpty {
            add("main", "moved", .array(index.moved.map(\.jsonValue)))
        }
        let settingsFile = (kind == .root && settings.backend != nil) ? "backend" : "main"
        if kind == .root || !settings.requiredProviders.isEmpty || settings.requiredVersion != nil {
            add(settingsFile, "terraform", settings.jsonValue)
        }
        if !index.variables.isEmpty {
            add(
                "variables", "variable",
                .object(ValueObject(index.variables.map { ($0.name, $0.jsonValue) }).sortedByKey()))
        }
        if !index.outputs.isEmpty {
            add("outputs", "output", .object(ValueObject(index.outputs.map { ($0.name, $0.jsonValue) }).sortedByKey()))
        }
        if files["main"] == nil { files["main"] = ValueObject() }

        var artifacts = files.keys.sorted().map { file in
            let document = Value.object(files[file] ?? ValueObject())
            return Artifact(path: "\(directory)/\(file).tf.json", bytes: writer.write(document), documents: [document])
        }
        if kind == .root, !tfvars.isEmpty {
            let document = Value.sortedObject(tfvars)
            artifacts.append(
                Artifact(
                    path: "\(directory)/terraform.tfvars.json", bytes: writer.write(document), documents: [document]))
        }
        return artifacts
    }

    /// `{type: {name: body}}` with both levels sorted; built without per-insert lookups so
    /// it stays linear in the number of blocks.
    static func groupByType(_ blocks: [ResourceBlock]) -> Value {
        var byType: [String: [ResourceBlock]] = [:]
        for block in blocks { byType[block.type, default: []].append(block) }
        var typeMembers: [ValueObject.Member] = []
        typeMembers.reserveCapacity(byType.count)
        for type in byType.keys.sorted() {
            let list = (byType[type] ?? []).sorted { $0.name < $1.name }
            let members = list.map { ValueObject.Member(key: $0.name, value: $0.jsonValue) }
            typeMembers.append(.init(key: type, value: .object(ValueObject(uniqueMembers: members))))
        }
        return .object(ValueObject(uniqueMembers: typeMembers))
    }

    /// The relative path from this configuration's folder to a local module's folder.
    func sourcePath(for call: ModuleCallBlock) -> String? {
        guard case .local(let module) = call.source else { return nil }
        return TerraformSynthesizer.relativePath(from: directory, to: module.outputDirectory)
    }

    /// `relativePath(from: "terraform/environments/dev", to: "terraform/modules/vpc")` is `../../modules/vpc`.
    static func relativePath(from: String, to: String) -> String {
        let a = from.split(separator: "/")
        let b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: a.count - common)
        let rest = b[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : (ups.isEmpty ? "./" : "") + parts.joined(separator: "/")
    }

    // MARK: Inventory

    private func inventory(_ index: ConfigurationIndex) -> [InventoryEntry] {
        // Thousands of blocks share a handful of files: build each file path once.
        var filePaths: [String: String] = [:]
        func filePath(_ meta: MetaArguments) -> String {
            let file = meta.file ?? "main"
            if let path = filePaths[file] { return path }
            let path = directory + "/" + file + ".tf.json"
            filePaths[file] = path
            return path
        }
        var entries: [InventoryEntry] = []
        entries.reserveCapacity(index.resources.count + index.dataSources.count + index.modules.count)
        for block in index.resources {
            entries.append(
                InventoryEntry(
                    kind: block.type, address: block.type + "." + block.name, path: block.path,
                    file: filePath(block.meta)))
        }
        for block in index.dataSources {
            entries.append(
                InventoryEntry(
                    kind: "data." + block.type, address: "data." + block.type + "." + block.name, path: block.path,
                    file: filePath(block.meta)))
        }
        for call in index.modules {
            entries.append(
                InventoryEntry(
                    kind: "module", address: "module." + call.name, path: call.path, file: filePath(call.meta)))
        }
        return entries.sorted { $0.file != $1.file ? $0.file < $1.file : $0.address < $1.address }
    }

    /// The local modules called by `elements`, each once.
    static func localModules(in elements: [StackElement]) -> [any SynthesisUnit] {
        var seen: Set<String> = []
        var result: [any SynthesisUnit] = []
        for case .module(let call) in elements {
            if case .local(let module) = call.source, seen.insert(module.outputDirectory).inserted {
                result.append(module)
            }
        }
        return result
    }
}
