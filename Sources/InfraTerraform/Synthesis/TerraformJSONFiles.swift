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
        // The model groups blocks by file: each file is usually one run of them, looked up once.
        var files: [(file: String, sections: Sections)] = []
        var fileNumber: [String: Int] = [:]
        var current = -1
        for block in blocks where block.section != .variableValues {
            if current < 0 || files[current].file != block.file {
                if let known = fileNumber[block.file] {
                    current = known
                } else {
                    current = files.count
                    fileNumber[block.file] = current
                    files.append((block.file, Sections()))
                }
            }
            files[current].sections.add(block)
        }
        return files.sorted { precedes($0.file, $1.file) }.map { ($0.file, $0.sections.document) }
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
        for block in blocks where block.section == .variableValues {
            artifacts.append(Artifact(path: block.file, bytes: writer.write(block.document())))
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
        var imports: [Value] = []
        var removed: [Value] = []
        var settings: Value?
        var variables: [(String, Value)] = []
        var outputs: [(String, Value)] = []

        mutating func add(_ block: ResolvedBlock) {
            switch block.section {
            case .resource: resources.append(block)
            case .data: dataSources.append(block)
            case .local: locals.append((block.name, block.document()))
            case .module: modules.append((block.name, block.document()))
            case .provider:
                guard case .provider(let provider) = block.content else { return }
                providers[provider.name, default: []].append((provider.alias ?? "", block.document()))
            case .moved: moved.append(block.document())
            case .importBlock: imports.append(block.document())
            case .removed: removed.append(block.document())
            case .settings: settings = block.document()
            case .variable: variables.append((block.name, block.document()))
            case .output: outputs.append((block.name, block.document()))
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
            if !imports.isEmpty { file.appendUnique("import", .array(imports)) }
            if !removed.isEmpty { file.appendUnique("removed", .array(removed)) }
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
                guard let type = block.type else { continue }
                byType[type, default: []].append((block.name, block))
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
