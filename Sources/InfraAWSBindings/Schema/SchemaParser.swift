// Reads `terraform providers schema -json` output (plain or gzip-compressed) into the
// schema model. This is the parse stage of the generator: no naming or Swift here.

import Foundation

/// Parses provider schema JSON.
package struct SchemaParser {
    /// The parsed provider: resources and data sources, sorted by type name.
    package struct Provider {
        package var source: String
        /// The provider's own configuration block (`provider "x" { … }`), when the schema has it.
        package var configuration: SchemaBlock?
        /// The provider version recorded in a trimmed schema (`infra_codegen.provider_version`).
        package var version: String?
        package var resources: [SchemaEntry]
        package var dataSources: [SchemaEntry]
    }

    /// Loads a schema file; `.gz` files are decompressed with the system `gzip`.
    package static func load(path: String, source: String? = nil) throws -> Provider {
        let data = try SchemaFile.read(path: path)
        return try parse(data: data, source: source)
    }

    /// Parses schema JSON bytes. `source` (`cloudflare/cloudflare`) picks the provider; without it the
    /// schema's only provider is read, or `hashicorp/aws` when it has several.
    package static func parse(data: Data, source: String? = nil) throws -> Provider {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let providers = root["provider_schemas"] as? [String: Any]
        else { throw SchemaError("no provider_schemas in schema") }
        let key = try providerKey(in: Array(providers.keys), source: source)
        guard let provider = providers[key] as? [String: Any] else { throw SchemaError("\(key): malformed provider") }
        let configuration = try ((provider["provider"] as? [String: Any])?["block"] as? [String: Any]).map(parseBlock)
        return Provider(
            source: key, configuration: configuration,
            version: (root["infra_codegen"] as? [String: Any])?["provider_version"] as? String,
            resources: try entries(provider["resource_schemas"], dataSources: false),
            dataSources: try entries(provider["data_source_schemas"], dataSources: true))
    }

    /// The `provider_schemas` key of the provider to read (`registry.terraform.io/cloudflare/cloudflare`).
    package static func providerKey(in keys: [String], source: String?) throws -> String {
        let sorted = keys.sorted()
        if let source {
            guard let key = sorted.first(where: { $0 == source || $0.hasSuffix("/" + source) }) else {
                throw SchemaError("no provider \(source) in schema (it has \(sorted.joined(separator: ", ")))")
            }
            return key
        }
        if sorted.count == 1, let only = sorted.first { return only }
        guard let aws = sorted.first(where: { $0.hasSuffix("/aws") }) else {
            throw SchemaError("the schema has several providers (\(sorted.joined(separator: ", "))): choose one")
        }
        return aws
    }

    private static func entries(_ json: Any?, dataSources: Bool) throws -> [SchemaEntry] {
        guard let map = json as? [String: Any] else { return [] }
        var result: [SchemaEntry] = []
        for (type, value) in map {
            guard let schema = value as? [String: Any], let block = schema["block"] as? [String: Any] else {
                throw SchemaError("\(type): missing block")
            }
            do {
                result.append(SchemaEntry(type: type, isDataSource: dataSources, block: try parseBlock(block)))
            } catch let error as SchemaError {
                throw SchemaError("\(type): \(error.description)")
            }
        }
        return result.sorted { $0.type < $1.type }
    }

    private static func parseBlock(_ json: [String: Any]) throws -> SchemaBlock {
        let attributes = try parseAttributes(json["attributes"])
        var blockTypes: [SchemaBlockType] = []
        for (name, value) in (json["block_types"] as? [String: Any]) ?? [:] {
            guard let b = value as? [String: Any], let inner = b["block"] as? [String: Any],
                let mode = (b["nesting_mode"] as? String).flatMap(NestingMode.init(rawValue:))
            else { throw SchemaError("block \(name) malformed") }
            blockTypes.append(
                SchemaBlockType(
                    name: name, nesting: mode, minItems: b["min_items"] as? Int ?? 0, maxItems: b["max_items"] as? Int,
                    block: try parseBlock(inner)))
        }
        return SchemaBlock(
            attributes: attributes,
            blockTypes: blockTypes.sorted { $0.name < $1.name },
            description: json["description"] as? String, deprecated: json["deprecated"] as? Bool ?? false)
    }

    /// Attributes, sorted by name; `nested_type` attributes are read recursively.
    private static func parseAttributes(_ json: Any?) throws -> [SchemaAttribute] {
        var attributes: [SchemaAttribute] = []
        for (name, value) in (json as? [String: Any]) ?? [:] {
            guard let a = value as? [String: Any] else { throw SchemaError("attribute \(name) malformed") }
            let type: SchemaType = try a["type"].map { try SchemaType(json: $0) } ?? .dynamic
            var nested: SchemaNestedType?
            if let n = a["nested_type"] as? [String: Any] {
                guard let mode = (n["nesting_mode"] as? String).flatMap(NestingMode.init(rawValue:)), mode != .group
                else { throw SchemaError("attribute \(name): malformed nested_type") }
                nested = SchemaNestedType(nesting: mode, attributes: try parseAttributes(n["attributes"]))
            }
            attributes.append(
                SchemaAttribute(
                    name: name, type: type, description: a["description"] as? String,
                    required: a["required"] as? Bool ?? false, optional: a["optional"] as? Bool ?? false,
                    computed: a["computed"] as? Bool ?? false, deprecated: a["deprecated"] as? Bool ?? false,
                    sensitive: a["sensitive"] as? Bool ?? false, nested: nested))
        }
        return attributes.sorted { $0.name < $1.name }
    }
}
