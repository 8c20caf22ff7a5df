// Produces the committed input from raw `terraform providers schema -json` output: only
// the AWS provider's resource and data source schemas (no provider config, functions or
// ephemeral resources), `description_kind` dropped, the provider version recorded. For any
// other provider (`infra-codegen provider --trim-from`), the provider configuration is kept
// and the resources and data sources can be narrowed to the ones a package uses.

import Foundation
import InfraAWSBindings

/// Trims a raw provider schema to what the generator reads.
enum SchemaTrimmer {
    /// Trimmed schema JSON (sorted keys, so the committed file is stable).
    static func trim(raw: Data, providerVersion: String) throws -> Data {
        guard let root = try JSONSerialization.jsonObject(with: raw) as? [String: Any],
            let providers = root["provider_schemas"] as? [String: Any],
            let (source, value) = providers.first(where: { $0.key.hasSuffix("/aws") }).map({ ($0.key, $0.value) }),
            let provider = value as? [String: Any]
        else { throw SchemaError("no hashicorp/aws provider in schema") }
        let trimmed: [String: Any] = [
            "format_version": root["format_version"] ?? "1.0",
            "infra_codegen": ["provider_version": providerVersion],
            "provider_schemas": [
                source: [
                    "resource_schemas": strip(provider["resource_schemas"] ?? [:]),
                    "data_source_schemas": strip(provider["data_source_schemas"] ?? [:]),
                ]
            ],
        ]
        return try JSONSerialization.data(withJSONObject: trimmed, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The input for `infra-codegen provider`: one provider (`source`, or the schema's only one) with its
    /// configuration block, its resources and data sources (only `keep`, when given: `cloudflare_dns_record`,
    /// `data.cloudflare_zone`), `description_kind` dropped; sorted, indented JSON.
    static func trimProvider(raw: Data, providerVersion: String, source: String?, keep: [String]?) throws -> Data {
        guard let root = try JSONSerialization.jsonObject(with: raw) as? [String: Any],
            let providers = root["provider_schemas"] as? [String: Any]
        else { throw SchemaError("no provider_schemas in schema") }
        let key = try SchemaParser.providerKey(in: Array(providers.keys), source: source)
        guard let provider = providers[key] as? [String: Any] else { throw SchemaError("\(key): malformed provider") }
        var resources = provider["resource_schemas"] as? [String: Any] ?? [:]
        var dataSources = provider["data_source_schemas"] as? [String: Any] ?? [:]
        if let keep {
            let missing = keep.filter {
                $0.hasPrefix("data.") ? dataSources[String($0.dropFirst(5))] == nil : resources[$0] == nil
            }
            guard missing.isEmpty else { throw SchemaError("not in the schema of \(key): \(missing)") }
            resources = resources.filter { keep.contains($0.key) }
            dataSources = dataSources.filter { keep.contains("data." + $0.key) }
        }
        var trimmedProvider: [String: Any] = [
            "resource_schemas": strip(resources), "data_source_schemas": strip(dataSources),
        ]
        if let configuration = provider["provider"] { trimmedProvider["provider"] = strip(configuration) }
        let trimmed: [String: Any] = [
            "format_version": root["format_version"] ?? "1.0",
            "infra_codegen": ["provider_version": providerVersion],
            "provider_schemas": [key: trimmedProvider],
        ]
        return try JSONSerialization.data(
            withJSONObject: trimmed, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
    }

    private static func strip(_ value: Any) -> Any {
        if var object = value as? [String: Any] {
            if object["description_kind"] is String { object["description_kind"] = nil }
            for (key, child) in object { object[key] = strip(child) }
            return object
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }
}
