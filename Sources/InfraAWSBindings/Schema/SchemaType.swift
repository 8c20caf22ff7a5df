// A Terraform (cty) type as written in `terraform providers schema -json`: either a
// primitive name ("string") or a JSON array such as ["list","string"] / ["object",{...}].

/// One cty type from the provider schema.
package indirect enum SchemaType: Equatable, Sendable {
    case string
    case number
    case bool
    case dynamic
    case list(SchemaType)
    case set(SchemaType)
    case map(SchemaType)
    case object([String: SchemaType])
    case tuple([SchemaType])

    /// Parses the JSON form (`"string"`, `["list","number"]`, `["object",{"a":"bool"}]`).
    package init(json: Any) throws(SchemaError) {
        if let name = json as? String {
            switch name {
            case "string": self = .string
            case "number": self = .number
            case "bool": self = .bool
            case "dynamic": self = .dynamic
            default: throw SchemaError("unknown primitive type \(name)")
            }
            return
        }
        guard let parts = json as? [Any], parts.count == 2, let kind = parts[0] as? String else {
            throw SchemaError("malformed type \(json)")
        }
        switch kind {
        case "list": self = .list(try SchemaType(json: parts[1]))
        case "set": self = .set(try SchemaType(json: parts[1]))
        case "map": self = .map(try SchemaType(json: parts[1]))
        case "object":
            guard let members = parts[1] as? [String: Any] else { throw SchemaError("malformed object type") }
            var result: [String: SchemaType] = [:]
            for (key, value) in members { result[key] = try SchemaType(json: value) }
            self = .object(result)
        case "tuple":
            guard let members = parts[1] as? [Any] else { throw SchemaError("malformed tuple type") }
            var result: [SchemaType] = []
            for value in members { result.append(try SchemaType(json: value)) }
            self = .tuple(result)
        default: throw SchemaError("unknown type constructor \(kind)")
        }
    }
}

/// A problem reading the schema.
package struct SchemaError: Error, CustomStringConvertible {
    /// What went wrong.
    package var description: String

    package init(_ description: String) { self.description = description }
}
