// The generator's intermediate layer: Swift types described independently of the
// JSON Schema they came from (parse → translate → render, like a compiler).

/// The Swift type of one stored property.
indirect enum FieldType: Hashable, Sendable {
    case string
    case int
    case double
    case bool
    case intOrString
    case quantity
    /// Any JSON (`Value`): free-form objects such as `RawExtension` or CRD fields that preserve unknown keys.
    case value
    case named(String)
    case array(FieldType)
    case map(FieldType)

    /// The Swift spelling of the type.
    var swift: String {
        switch self {
        case .string: "String"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .intOrString: "IntOrString"
        case .quantity: "Quantity"
        case .value: "Value"
        case .named(let name): name
        case .array(let element): "[\(element.swift)]"
        case .map(let element): "[String: \(element.swift)]"
        }
    }
}

/// One stored property of a generated struct.
struct FieldModel: Hashable, Sendable {
    /// The JSON key.
    var jsonName: String
    /// The Swift type, without optionality.
    var type: FieldType
    /// Whether the schema requires it (then it is a non-optional init parameter).
    var required: Bool
    /// The shortened schema description.
    var documentation: String
    /// Supported Kubernetes versions whose schema lacks this field (e.g. `["1.32"]`).
    var missingIn: [String] = []
}

/// The `apiVersion`/`kind` of a top-level object.
struct KindModel: Hashable, Sendable {
    var apiVersion: String
    var kind: String
}

/// One generated struct.
struct TypeModel: Hashable, Sendable {
    /// The Swift type name.
    var name: String
    /// The output file (API group/version) it goes to, e.g. `AppsV1`.
    var file: String
    /// The shortened schema description.
    var documentation: String
    /// Stored properties, in the conventional order (see ``conventionalOrder(_:)``).
    var fields: [FieldModel]
    /// Set for top-level objects.
    var kind: KindModel?
    /// Supported Kubernetes versions that do not serve this kind (top-level objects only).
    var missingIn: [String] = []
}

/// Keys that come first, in this order; all other keys follow alphabetically.
let priorityKeys = ["apiVersion", "kind", "metadata", "spec", "name", "namespace", "labels", "annotations"]

/// Orders JSON keys conventionally: `apiVersion, kind, metadata, spec, name, namespace, labels,
/// annotations`, then the rest in Unicode order.
func conventionalOrder(_ keys: [String]) -> [String] {
    keys.sorted { lhs, rhs in
        let l = priorityKeys.firstIndex(of: lhs) ?? priorityKeys.count
        let r = priorityKeys.firstIndex(of: rhs) ?? priorityKeys.count
        if l != r { return l < r }
        return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}

/// Shortens a schema description to its first sentence (two when the first is very short),
/// on one line, at most about 300 characters.
func shortDocumentation(_ text: String?) -> String {
    guard let text, !text.isEmpty else { return "" }
    let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    let words = flat.split(separator: " ", omittingEmptySubsequences: true)
    var result = ""
    var sentences = 0
    for word in words {
        if !result.isEmpty { result += " " }
        result += word
        if word.hasSuffix(".") && !word.hasSuffix("e.g.") && !word.hasSuffix("i.e.") && !word.hasSuffix("etc.") {
            sentences += 1
            if sentences >= 2 || result.count >= 60 { break }
        }
        if result.count > 300 {
            result += "…"
            break
        }
    }
    return result
}
