// The input: `terraform metadata functions -json`, decoded. Types are cty type expressions,
// `"string"` or `["list", "string"]`; `dynamic` means "any type" (decided by the arguments).

import Foundation

/// The document `terraform metadata functions -json` prints.
struct FunctionMetadata: Decodable, Equatable {
    var formatVersion: String
    var functionSignatures: [String: Signature]

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case functionSignatures = "function_signatures"
    }

    /// One function.
    struct Signature: Decodable, Equatable {
        var description: String?
        var returnType: CtyType
        var parameters: [Parameter]
        var variadicParameter: Parameter?

        enum CodingKeys: String, CodingKey {
            case description
            case returnType = "return_type"
            case parameters
            case variadicParameter = "variadic_parameter"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            description = try c.decodeIfPresent(String.self, forKey: .description)
            returnType = try c.decode(CtyType.self, forKey: .returnType)
            parameters = try c.decodeIfPresent([Parameter].self, forKey: .parameters) ?? []
            variadicParameter = try c.decodeIfPresent(Parameter.self, forKey: .variadicParameter)
        }
    }

    /// One parameter.
    struct Parameter: Decodable, Equatable {
        var name: String
        var type: CtyType
        var description: String?
        var isNullable: Bool?

        enum CodingKeys: String, CodingKey {
            case name, type, description
            case isNullable = "is_nullable"
        }
    }

    /// Loads and decodes a file.
    static func load(path: String) throws -> FunctionMetadata {
        try JSONDecoder().decode(FunctionMetadata.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The built-in functions by their plain names; the `core::` aliases Terraform also lists
    /// (the same functions under their namespaced names) are left out.
    var builtins: [(name: String, signature: Signature)] {
        functionSignatures.keys.sorted().filter { !$0.contains("::") }.compactMap { name in
            functionSignatures[name].map { (name, $0) }
        }
    }
}

/// A cty type expression.
indirect enum CtyType: Decodable, Equatable, CustomStringConvertible {
    case string, number, bool, dynamic
    case list(CtyType), set(CtyType), map(CtyType)
    case object([String: CtyType]), tuple([CtyType])

    init(from decoder: any Decoder) throws {
        if let primitive = try? decoder.singleValueContainer().decode(String.self) {
            switch primitive {
            case "string": self = .string
            case "number": self = .number
            case "bool": self = .bool
            case "dynamic": self = .dynamic
            default: throw CodegenError("unknown cty type \"\(primitive)\"")
            }
            return
        }
        var c = try decoder.unkeyedContainer()
        let kind = try c.decode(String.self)
        switch kind {
        case "list": self = .list(try c.decode(CtyType.self))
        case "set": self = .set(try c.decode(CtyType.self))
        case "map": self = .map(try c.decode(CtyType.self))
        case "object": self = .object(try c.decode([String: CtyType].self))
        case "tuple": self = .tuple(try c.decode([CtyType].self))
        default: throw CodegenError("unknown cty type kind \"\(kind)\"")
        }
    }

    /// Terraform's spelling: `list(string)`.
    var description: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .dynamic: "any"
        case .list(let e): "list(\(e))"
        case .set(let e): "set(\(e))"
        case .map(let e): "map(\(e))"
        case .object: "object"
        case .tuple: "tuple"
        }
    }
}

/// A generator error with a message.
struct CodegenError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
