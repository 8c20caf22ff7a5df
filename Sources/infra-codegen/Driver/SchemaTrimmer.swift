// Produces the committed input from raw `terraform providers schema -json` output: only
// the AWS provider's resource and data source schemas (no provider config, functions or
// ephemeral resources), `description_kind` dropped, the provider version recorded.

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
