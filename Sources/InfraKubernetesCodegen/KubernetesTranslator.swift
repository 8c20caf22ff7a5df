// Translates the trimmed Kubernetes OpenAPI definitions (`$defs` keyed by
// `io.k8s.api.<group>.<version>.<Name>`) into Swift type models.

/// Definitions that map to hand-written or built-in Swift types instead of generated structs.
package let specialDefinitions: [String: FieldType] = [
    "io.k8s.apimachinery.pkg.api.resource.Quantity": .quantity,
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": .intOrString,
    "io.k8s.apimachinery.pkg.apis.meta.v1.Time": .string,
    "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": .string,
    "io.k8s.apimachinery.pkg.runtime.RawExtension": .value,
    "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": .value,
]

/// The generated file for a definition name, e.g. `io.k8s.api.apps.v1.Deployment` → `AppsV1`.
package func kubernetesFile(for definition: String) -> String {
    let parts = definition.split(separator: ".").map(String.init)
    guard parts.count >= 3 else { return "Misc" }
    let version = parts[parts.count - 2]
    let group = parts[parts.count - 3]
    let groupName = group == "rbac" ? "RBAC" : group.prefix(1).uppercased() + group.dropFirst()
    return groupName + version.prefix(1).uppercased() + version.dropFirst()
}

/// Builds the models of every definition in the trimmed Kubernetes input.
package func translateKubernetes(_ root: [String: Any]) throws -> [TypeModel] {
    guard let defs = root["$defs"] as? [String: Any] else { throw GeneratorError("input has no $defs") }
    var models: [TypeModel] = []
    for name in defs.keys.sorted() where specialDefinitions[name] == nil {
        guard let raw = defs[name] as? [String: Any] else { continue }
        let schema = Schema(raw)
        var kind: KindModel?
        if let gvks = raw["x-kubernetes-group-version-kind"] as? [[String: Any]], gvks.count == 1,
            let group = gvks[0]["group"] as? String, let version = gvks[0]["version"] as? String,
            let kindName = gvks[0]["kind"] as? String
        {
            kind = KindModel(apiVersion: group.isEmpty ? version : "\(group)/\(version)", kind: kindName)
        }
        let properties = schema.properties
        var fields: [FieldModel] = []
        for key in conventionalOrder(Array(properties.keys)) {
            guard let property = properties[key] else { continue }
            if kind != nil && (key == "apiVersion" || key == "kind") { continue }
            let missingIn = property.raw["x-missing-in"] as? [String] ?? []
            var documentation = shortDocumentation(property.description)
            if !missingIn.isEmpty {
                documentation +=
                    " Not in Kubernetes \(missingIn.joined(separator: ", ")): strict validation for it fails."
            }
            fields.append(
                FieldModel(
                    jsonName: key, type: kubernetesFieldType(property),
                    required: schema.required.contains(key) || (kind != nil && key == "metadata"),
                    documentation: documentation, missingIn: missingIn))
        }
        let kindMissingIn = kind == nil ? [] : raw["x-missing-in"] as? [String] ?? []
        var documentation = shortDocumentation(schema.description)
        if !kindMissingIn.isEmpty {
            documentation +=
                " Not served by Kubernetes \(kindMissingIn.joined(separator: ", ")): strict validation for it fails."
        }
        models.append(
            TypeModel(
                name: String(name.split(separator: ".").last ?? ""), file: kubernetesFile(for: name),
                documentation: documentation, fields: fields, kind: kind, missingIn: kindMissingIn))
    }
    return models
}

/// The Swift type of a property schema in the Kubernetes definitions.
package func kubernetesFieldType(_ schema: Schema) -> FieldType {
    if let ref = schema.ref {
        return specialDefinitions[ref] ?? .named(String(ref.split(separator: ".").last ?? ""))
    }
    switch schema.type {
    case "string": return .string
    case "integer": return .int
    case "number": return .double
    case "boolean": return .bool
    case "array": return .array(schema.items.map(kubernetesFieldType) ?? .value)
    case "object":
        if let element = schema.additionalProperties { return .map(kubernetesFieldType(element)) }
        return .value
    default: return .value
    }
}
