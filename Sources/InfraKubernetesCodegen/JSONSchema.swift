// Reads the committed JSON inputs into plain dictionaries (Foundation's JSONSerialization),
// with small accessors for the JSON Schema keywords the generator understands.

import Foundation

/// A JSON Schema node as parsed by `JSONSerialization`.
package struct Schema {
    package var raw: [String: Any]

    package init(_ raw: [String: Any]) { self.raw = raw }

    var description: String? { raw["description"] as? String }
    var ref: String? { (raw["$ref"] as? String).map { String($0.split(separator: "/").last ?? "") } }
    var properties: [String: Schema] {
        (raw["properties"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? [String: Any]).map(Schema.init) }
    }
    var required: Set<String> { Set(raw["required"] as? [String] ?? []) }
    var items: Schema? { (raw["items"] as? [String: Any]).map(Schema.init) }
    var additionalProperties: Schema? { (raw["additionalProperties"] as? [String: Any]).map(Schema.init) }
    var format: String? { raw["format"] as? String }
    var anyOf: [Schema]? { (raw["anyOf"] as? [[String: Any]])?.map(Schema.init) }

    /// The `type`, ignoring `null` in a type list.
    var type: String? {
        if let single = raw["type"] as? String { return single }
        return (raw["type"] as? [String])?.first { $0 != "null" }
    }

    /// A canonical text of the schema without descriptions, to find identical inline schemas.
    var structuralKey: String {
        let stripped = Schema.strip(raw)
        let data = (try? JSONSerialization.data(withJSONObject: stripped, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func strip(_ node: Any) -> Any {
        if let object = node as? [String: Any] {
            var copy: [String: Any] = [:]
            for (key, value) in object where key != "description" { copy[key] = strip(value) }
            return copy
        }
        if let array = node as? [Any] { return array.map(strip) }
        return node
    }
}

/// Loads a JSON object from a file.
package func loadJSONObject(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw GeneratorError("\(path): not a JSON object")
    }
    return object
}

/// A generator failure with a readable message.
package struct GeneratorError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
