// The Terraform JSON syntax of a configuration, written from its resolved blocks only: each
// block goes to its file, under its section (`resource.<type>.<name>`, `variable.<name>`, …).
// Keys are sorted, so the bytes do not depend on the order blocks were declared in.

import InfraCore

/// The `.tf.json` files of one configuration, from its resolved blocks.
///
/// ```swift
/// let blocks = stack.synthesize().model.nodes.compactMap { $0 as? ResolvedBlock }
/// for (file, document) in TerraformJSONFiles.documents(of: blocks) { print(file, document["resource"] ?? nil) }
/// ```
public enum TerraformJSONFiles {
    /// The JSON document of each configuration file the blocks go to, in file order
    /// (`backend.tf.json`, `main.tf.json`, …). The variable values (`terraform.tfvars.json`) are
    /// not configuration and are left out.
    public static func documents(of blocks: [ResolvedBlock]) -> [(file: String, document: Value)] {
        var sections: [String: Sections] = [:]
        var files: [String] = []
        for block in blocks {
            if case .variableValues = block.content { continue }
            if sections[block.file] == nil { files.append(block.file) }
            sections[block.file, default: Sections()].add(block)
        }
        return files.sorted(by: precedes).map { ($0, sections[$0]?.document ?? .object(ValueObject())) }
    }

    /// The files: one `.tf.json` per file the blocks go to (`main.tf.json` always, empty when no
    /// block goes there), then `terraform.tfvars.json` when a root has variable values.
    static func artifacts(of blocks: [ResolvedBlock], directory: String) -> [Artifact] {
        let writer = JSONWriter(sortKeys: true)
        var documents = documents(of: blocks)
        let main = directory + "/main.tf.json"
        if !documents.contains(where: { $0.file == main }) {
            documents.append((main, .object(ValueObject())))
            documents.sort { precedes($0.file, $1.file) }
        }
        var artifacts = documents.map { Artifact(path: $0.file, bytes: writer.write($0.document)) }
        for block in blocks {
            if case .variableValues = block.content {
                artifacts.append(Artifact(path: block.file, bytes: writer.write(block.document())))
            }
        }
        return artifacts
    }

    /// File order: by path without the extension (`main` before `main-extra`, as file names sort).
    static func precedes(_ a: String, _ b: String) -> Bool {
        func stem(_ path: String) -> Substring {
            for suffix in [".tf.json", ".tf"] where path.hasSuffix(suffix) { return path.dropLast(suffix.count) }
            return path[...]
        }
        return stem(a) < stem(b)
    }

    /// The sections of one file, filled block by block.
    private struct Sections {
        var resources: [ResolvedBlock] = []
        var dataSources: [ResolvedBlock] = []
        var locals: [(String, Value)] = []
        var modules: [(String, Value)] = []
        var providers: [String: [(alias: String, value: Value)]] = [:]
        var moved: [Value] = []
        var settings: Value?
        var variables: [(String, Value)] = []
        var outputs: [(String, Value)] = []

        mutating func add(_ block: ResolvedBlock) {
            switch block.content {
            case .resource: resources.append(block)
            case .data: dataSources.append(block)
            case .local(let local): locals.append((local.name, block.document()))
            case .module(let call, _): modules.append((call.name, block.document()))
            case .provider(let provider):
                providers[provider.name, default: []].append((provider.alias ?? "", block.document()))
            case .moved: moved.append(block.document())
            case .settings: settings = block.document()
            case .variable(let variable): variables.append((variable.name, block.document()))
            case .output(let output): outputs.append((output.name, block.document()))
            case .variableValues: break
            }
        }

        /// `{"resource": …, "data": …, "locals": …, …}` with the sections that have blocks.
        var document: Value {
            var file = ValueObject()
            if !resources.isEmpty { file.appendUnique("resource", Self.byTypeAndName(resources)) }
            if !dataSources.isEmpty { file.appendUnique("data", Self.byTypeAndName(dataSources)) }
            if !locals.isEmpty { file.appendUnique("locals", .object(ValueObject(locals).sortedByKey())) }
            if !modules.isEmpty { file.appendUnique("module", .object(ValueObject(modules).sortedByKey())) }
            if !providers.isEmpty {
                let members = providers.keys.sorted().map { name in
                    let list = (providers[name] ?? []).sorted { $0.alias < $1.alias }
                    return ValueObject.Member(
                        key: name, value: list.count == 1 ? list[0].value : .array(list.map(\.value)))
                }
                file.appendUnique("provider", .object(ValueObject(uniqueMembers: members)))
            }
            if !moved.isEmpty { file.appendUnique("moved", .array(moved)) }
            if let settings { file.appendUnique("terraform", settings) }
            if !variables.isEmpty { file.appendUnique("variable", .object(ValueObject(variables).sortedByKey())) }
            if !outputs.isEmpty { file.appendUnique("output", .object(ValueObject(outputs).sortedByKey())) }
            return .object(file)
        }

        /// `{type: {name: body}}` with both levels sorted; built without per-insert lookups so
        /// it stays linear in the number of blocks.
        private static func byTypeAndName(_ blocks: [ResolvedBlock]) -> Value {
            var byType: [String: [(name: String, block: ResolvedBlock)]] = [:]
            for block in blocks {
                switch block.content {
                case .resource(let declaration), .data(let declaration):
                    byType[declaration.type, default: []].append((declaration.name, block))
                default: continue
                }
            }
            var typeMembers: [ValueObject.Member] = []
            typeMembers.reserveCapacity(byType.count)
            for type in byType.keys.sorted() {
                let list = (byType[type] ?? []).sorted { $0.name < $1.name }
                let members = list.map { ValueObject.Member(key: $0.name, value: $0.block.document()) }
                typeMembers.append(.init(key: type, value: .object(ValueObject(uniqueMembers: members))))
            }
            return .object(ValueObject(uniqueMembers: typeMembers))
        }
    }
}
