// Translates CRD JSON Schemas (cert-manager, VPA, any CRD given to `import-crd`) into Swift type models. CRD schemas
// nest their objects inline, so each inline object becomes a named struct: `<Kind><Property>`,
// or `<Parent><Property>` when that name is taken; structurally identical schemas share one type.

import Foundation

/// Names inline CRD objects and remembers which schema got which name.
package struct CRDTranslator {
    /// Swift names already used (generated Kubernetes types included).
    var usedNames: Set<String>
    /// Structural key → type name, so identical inline schemas become one type.
    var byStructure: [String: String] = [:]
    /// The models produced so far.
    package var models: [TypeModel] = []

    package init(reserved: Set<String>) { usedNames = reserved }

    /// The generated file for a CRD group, e.g. `cert-manager.io` + `v1` → `CertManagerV1`.
    package static func file(group: String, version: String) -> String {
        let known = ["cert-manager.io": "CertManager", "autoscaling.k8s.io": "AutoscalingK8sIO"]
        let base =
            known[group]
            ?? group.split(whereSeparator: { $0 == "." || $0 == "-" }).map {
                $0.prefix(1).uppercased() + $0.dropFirst()
            }
            .joined()
        return base + version.prefix(1).uppercased() + version.dropFirst()
    }

    /// Translates one CRD schema (a top-level object with `apiVersion`/`kind` constants).
    package mutating func translate(_ raw: [String: Any]) throws {
        let root = Schema(raw)
        let properties = root.properties
        guard let apiVersion = properties["apiVersion"]?.raw["const"] as? String,
            let kind = properties["kind"]?.raw["const"] as? String
        else { throw GeneratorError("CRD schema without apiVersion/kind constants") }
        translate(root, apiVersion: apiVersion, kind: kind, typeName: kind)
    }

    /// Translates the schema of one version of a kind; `typeName` names the struct (the kind, or
    /// the kind with its version for older versions) and prefixes the names of its inline objects.
    /// `clusterScoped` is written into the kind when known; `status` is left out when
    /// `skipStatus` (the server fills it in).
    package mutating func translate(
        _ root: Schema, apiVersion: String, kind: String, typeName: String, clusterScoped: Bool? = nil,
        skipStatus: Bool = false
    ) {
        let properties = root.properties
        let parts = apiVersion.split(separator: "/").map(String.init)
        let file = CRDTranslator.file(group: parts.first ?? "", version: parts.last ?? "")
        usedNames.insert(typeName)
        // Breadth-first, so shallow objects get the short names.
        var queue: [(schema: Schema, name: String)] = []
        var fields: [FieldModel] = [
            FieldModel(
                jsonName: "metadata", type: .named("ObjectMeta"), required: true,
                documentation: "Standard object's metadata.")
        ]
        let skipped: Set<String> =
            skipStatus ? ["apiVersion", "kind", "metadata", "status"] : ["apiVersion", "kind", "metadata"]
        for key in conventionalOrder(Array(properties.keys)) where !skipped.contains(key) {
            guard let property = properties[key] else { continue }
            let type = fieldType(property, property: key, kind: typeName, parent: typeName, queue: &queue)
            fields.append(
                FieldModel(
                    jsonName: key, type: type, required: root.required.contains(key),
                    documentation: shortDocumentation(property.description)))
        }
        models.append(
            TypeModel(
                name: typeName, file: file, documentation: shortDocumentation(root.description),
                fields: CRDTranslator.uniqueSwiftNames(fields),
                kind: KindModel(apiVersion: apiVersion, kind: kind, clusterScoped: clusterScoped)))
        var index = 0
        while index < queue.count {
            let (schema, name) = queue[index]
            index += 1
            var fields: [FieldModel] = []
            let properties = schema.properties
            for key in conventionalOrder(Array(properties.keys)) {
                guard let property = properties[key] else { continue }
                let type = fieldType(property, property: key, kind: typeName, parent: name, queue: &queue)
                fields.append(
                    FieldModel(
                        jsonName: key, type: type, required: schema.required.contains(key),
                        documentation: shortDocumentation(property.description)))
            }
            models.append(
                TypeModel(
                    name: name, file: file, documentation: shortDocumentation(schema.description),
                    fields: CRDTranslator.uniqueSwiftNames(fields), kind: nil))
        }
    }

    /// The fields with Swift names made unique (`foo-bar` and `fooBar` → `fooBar`, `fooBar2`).
    static func uniqueSwiftNames(_ fields: [FieldModel]) -> [FieldModel] {
        var used: Set<String> = []
        return fields.map { field in
            var field = field
            var name = field.swiftName
            var number = 2
            while used.contains(name) {
                name = "\(field.swiftName)\(number)"
                number += 1
            }
            used.insert(name)
            field.swiftName = name
            return field
        }
    }

    /// The Swift type of an inline property schema; new inline objects are named and queued.
    mutating func fieldType(
        _ schema: Schema, property: String, kind: String, parent: String,
        queue: inout [(schema: Schema, name: String)]
    ) -> FieldType {
        if let anyOf = schema.anyOf {
            let types = Set(anyOf.compactMap(\.type))
            if types == ["integer", "string"] { return schema.raw["pattern"] == nil ? .intOrString : .quantity }
            return .value
        }
        if schema.raw["x-kubernetes-int-or-string"] as? Bool == true { return .intOrString }
        switch schema.type {
        case "string": return .string
        case "integer": return .int
        case "number": return .double
        case "boolean": return .bool
        case "array":
            guard let items = schema.items else { return .array(.value) }
            return .array(fieldType(items, property: singular(property), kind: kind, parent: parent, queue: &queue))
        case "object":
            if let element = schema.additionalProperties {
                return .map(fieldType(element, property: property, kind: kind, parent: parent, queue: &queue))
            }
            // Unknown fields are kept only by a free-form value (a struct would drop them).
            if schema.properties.isEmpty || schema.raw["x-kubernetes-preserve-unknown-fields"] as? Bool == true {
                return .value
            }
            let key = schema.structuralKey
            if let existing = byStructure[key] { return .named(existing) }
            let name = freshName(kind: kind, parent: parent, property: property)
            byStructure[key] = name
            queue.append((schema, name))
            return .named(name)
        default: return .value
        }
    }

    /// `<Kind><Property>`, else `<Parent><Property>`, else a numbered variant.
    mutating func freshName(kind: String, parent: String, property: String) -> String {
        // Affinity terms: `preferredDuringSchedulingIgnoredDuringExecution` → `Preferred`.
        let short = property.replacingOccurrences(of: "DuringSchedulingIgnoredDuringExecution", with: "")
        let suffix = short.prefix(1).uppercased() + short.dropFirst()
        var candidates = [kind + suffix, parent + suffix]
        if parent.hasPrefix(kind) { candidates.append(kind + String(parent.dropFirst(kind.count)) + suffix) }
        for candidate in candidates where !usedNames.contains(candidate) {
            usedNames.insert(candidate)
            return candidate
        }
        var number = 2
        while usedNames.contains("\(kind)\(suffix)\(number)") { number += 1 }
        usedNames.insert("\(kind)\(suffix)\(number)")
        return "\(kind)\(suffix)\(number)"
    }

    /// A plural property name's singular, for the element type of a list (`solvers` → `solver`).
    func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 { return String(word.dropLast()) }
        return word
    }
}
