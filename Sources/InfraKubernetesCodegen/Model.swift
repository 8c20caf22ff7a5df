// The generator's intermediate layer: Swift types described independently of the
// JSON Schema they came from (parse → translate → render, like a compiler). `package` access:
// `infra-k8s-codegen` and `infra-manifest import-crd` share it; it is not a user API.

/// The Swift type of one stored property.
package indirect enum FieldType: Hashable, Sendable {
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
    package var swift: String {
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
package struct FieldModel: Hashable, Sendable {
    /// The JSON key.
    package var jsonName: String
    /// The Swift type, without optionality.
    package var type: FieldType
    /// Whether the schema requires it (then it is a non-optional init parameter).
    package var required: Bool
    /// The shortened schema description.
    package var documentation: String
    /// Supported Kubernetes versions whose schema lacks this field (e.g. `["1.32"]`).
    package var missingIn: [String] = []
    /// The Swift property name: the JSON key, unless the key is no Swift identifier
    /// (`x-kubernetes-foo`, `3scale` in an imported CRD: see ``swiftIdentifier(for:)``).
    package var swiftName: String

    package init(
        jsonName: String, type: FieldType, required: Bool, documentation: String, missingIn: [String] = [],
        swiftName: String? = nil
    ) {
        self.jsonName = jsonName
        self.type = type
        self.required = required
        self.documentation = documentation
        self.missingIn = missingIn
        self.swiftName = swiftName ?? swiftIdentifier(for: jsonName)
    }
}

/// The `apiVersion`/`kind` of a top-level object.
package struct KindModel: Hashable, Sendable {
    package var apiVersion: String
    package var kind: String
    /// Whether the kind is cluster-scoped: known for imported CRDs (`spec.scope`), `nil` for
    /// the built-in kinds, whose scope InfraKubernetes' `ManifestLayout` lists.
    package var clusterScoped: Bool? = nil

    package init(apiVersion: String, kind: String, clusterScoped: Bool? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.clusterScoped = clusterScoped
    }
}

/// One generated struct.
package struct TypeModel: Hashable, Sendable {
    /// The Swift type name.
    package var name: String
    /// The output file (API group/version) it goes to, e.g. `AppsV1`.
    package var file: String
    /// The shortened schema description.
    package var documentation: String
    /// Stored properties, in the conventional order (see ``conventionalOrder(_:)``).
    package var fields: [FieldModel]
    /// Set for top-level objects.
    package var kind: KindModel?
    /// Supported Kubernetes versions that do not serve this kind (top-level objects only).
    package var missingIn: [String] = []

    package init(
        name: String, file: String, documentation: String, fields: [FieldModel], kind: KindModel?,
        missingIn: [String] = []
    ) {
        self.name = name
        self.file = file
        self.documentation = documentation
        self.fields = fields
        self.kind = kind
        self.missingIn = missingIn
    }
}

/// Keys that come first, in this order; all other keys follow alphabetically.
package let priorityKeys = ["apiVersion", "kind", "metadata", "spec", "name", "namespace", "labels", "annotations"]

/// Orders JSON keys conventionally: `apiVersion, kind, metadata, spec, name, namespace, labels,
/// annotations`, then the rest in Unicode order.
package func conventionalOrder(_ keys: [String]) -> [String] {
    keys.sorted { lhs, rhs in
        let l = priorityKeys.firstIndex(of: lhs) ?? priorityKeys.count
        let r = priorityKeys.firstIndex(of: rhs) ?? priorityKeys.count
        if l != r { return l < r }
        return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}

/// Shortens a schema description to its first sentence (two when the first is very short),
/// on one line, at most about 300 characters.
package func shortDocumentation(_ text: String?) -> String {
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
