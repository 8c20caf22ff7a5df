// Reads the blocks out of Terraform JSON syntax (object and list forms both allowed) and
// merges the documents of one root module, as Terraform itself reads a folder of files.

import InfraCore

extension TerraformTemplate {
    /// Every addressable block in `json`, sorted by address.
    static func blocks(of json: Value) -> [TerraformBlock] {
        var blocks: [TerraformBlock] = []
        for (section, kind) in [("resource", TerraformBlock.Kind.resource), ("data", .data)] {
            for byType in objects(json[section]) {
                for (type, byName) in byType {
                    for names in objects(byName) {
                        for (name, body) in names {
                            blocks.append(
                                TerraformBlock(kind: kind, type: type, name: name, properties: firstObject(body)))
                        }
                    }
                }
            }
        }
        for (section, kind) in [("module", TerraformBlock.Kind.module), ("output", .output), ("variable", .variable)] {
            for byName in objects(json[section]) {
                for (name, body) in byName {
                    blocks.append(TerraformBlock(kind: kind, type: nil, name: name, properties: firstObject(body)))
                }
            }
        }
        return blocks.sorted { $0.address < $1.address }
    }

    /// Merges documents: top-level sections and their type maps are combined; a block
    /// defined twice keeps the later definition.
    static func merge(_ documents: [Value]) -> Value {
        var merged = ValueObject()
        for document in documents {
            guard case .object(let object) = document else { continue }
            for (section, content) in object {
                merged[section] = mergeObjects(
                    merged[section], content, depth: section == "resource" || section == "data" ? 2 : 1)
            }
        }
        return .object(merged)
    }

    private static func mergeObjects(_ existing: Value?, _ new: Value, depth: Int) -> Value {
        guard depth > 0, let existing else { return new }
        // A malformed section (not an object) never replaces blocks read from other files.
        guard let addition = combined(new) else { return existing }
        guard var base = combined(existing) else { return new }
        for (key, value) in addition { base[key] = mergeObjects(base[key], value, depth: depth - 1) }
        return .object(base)
    }

    /// One object from an object or a list of objects (later members win).
    private static func combined(_ value: Value) -> ValueObject? {
        let parts = objects(value)
        guard !parts.isEmpty else { return nil }
        var result = ValueObject()
        for part in parts { for (key, member) in part { result[key] = member } }
        return result
    }

    /// Terraform JSON allows a list of objects wherever an object of blocks is expected.
    private static func objects(_ value: Value?) -> [ValueObject] {
        switch value {
        case .object(let object)?: [object]
        case .array(let elements)?: elements.compactMap(\.objectValue)
        default: []
        }
    }

    private static func firstObject(_ value: Value) -> Value {
        if case .array(let elements) = value, let first = elements.first(where: { $0.objectValue != nil }) {
            return first
        }
        return value
    }
}
