// Checks a custom resource against its CRD's `openAPIV3Schema` (a structural schema) before
// anything is written, as strictly as `kubectl apply` with server-side field validation: types,
// required fields, unknown fields (where the schema lists properties and does not preserve
// unknown fields), enums, string lengths and patterns, number bounds, item and property counts,
// int-or-string, nullable, and anyOf/oneOf/allOf. Not checked: CEL rules
// (`x-kubernetes-validations`), formats, list-type uniqueness, defaulting and anything only a
// controller knows.

import Foundation
import InfraCore

/// One check of a value against a structural schema, collecting every problem.
struct StructuralSchema {
    /// The object's component path.
    let path: ComponentPath
    /// What was found, in document order.
    var found: [Diagnostic] = []

    init(path: ComponentPath) { self.path = path }

    /// Checks a whole object: its fields other than `apiVersion`, `kind` and `metadata` (which the
    /// manifest's own rules check).
    mutating func checkObject(_ value: Value, schema: Value) {
        guard case .object(let object) = value else { return }
        var trimmed = ValueObject()
        for member in object.members where !["apiVersion", "kind", "metadata"].contains(member.key) {
            trimmed.appendUnique(member.key, member.value)
        }
        var rootSchema = schema.objectValue ?? ValueObject()
        if case .object(var properties)? = rootSchema["properties"] {
            for key in ["apiVersion", "kind", "metadata"] { properties[key] = nil }
            rootSchema["properties"] = .object(properties)
        }
        rootSchema["required"] = rootSchema["required"]?.arrayValue.map {
            .array($0.filter { !["apiVersion", "kind", "metadata"].contains($0.stringValue ?? "") })
        }
        check(.object(trimmed), schema: .object(rootSchema), at: [])
    }

    /// Checks `value` at `segments` (below the object) against `schema`.
    mutating func check(_ value: Value, schema: Value, at segments: [String]) {
        guard case .object(let schema) = schema else { return }
        func fail(_ message: String, hint: String? = nil) {
            found.append(.error(path.appending(ComponentPath(segments: segments)), message, hint: hint))
        }
        if case .null = value {
            if schema["nullable"] != .bool(true) { fail("null is not allowed here") }
            return
        }
        for sub in schema["allOf"]?.arrayValue ?? [] { check(value, schema: sub, at: segments) }
        if let anyOf = schema["anyOf"]?.arrayValue, !anyOf.isEmpty,
            !anyOf.contains(where: { StructuralSchema.matches(value, $0) })
        {
            fail("matches none of the schemas anyOf allows")
        }
        if let oneOf = schema["oneOf"]?.arrayValue, !oneOf.isEmpty,
            oneOf.filter({ StructuralSchema.matches(value, $0) }).count != 1
        {
            fail("must match exactly one of the schemas oneOf allows")
        }
        var type = schema["type"]?.stringValue
        if schema["x-kubernetes-int-or-string"] == .bool(true) {
            // The string checks (pattern, lengths) apply to the string form.
            switch value {
            case .int: return
            case .string: type = "string"
            default:
                fail("expected an integer or a string, found \(ValueDecoder.describe(value))")
                return
            }
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.isEmpty, !allowed.contains(value) {
            let list = allowed.map { $0.stringValue.map { "\"\($0)\"" } ?? "\($0)" }.joined(separator: ", ")
            fail("\(ValueDecoder.describe(value)) is not one of \(list)")
        }
        switch (type, value) {
        case (nil, _):
            return
        case ("object", .object(let object)):
            checkObjectMembers(object, schema: schema, at: segments)
        case ("array", .array(let elements)):
            if let minimum = schema["minItems"].flatMap(StructuralSchema.int), elements.count < minimum {
                fail("has \(elements.count) items, fewer than \(minimum)")
            }
            if let maximum = schema["maxItems"].flatMap(StructuralSchema.int), elements.count > maximum {
                fail("has \(elements.count) items, more than \(maximum)")
            }
            if let items = schema["items"] {
                let last = segments.last ?? ""
                for (offset, element) in elements.enumerated() {
                    check(element, schema: items, at: segments.dropLast() + ["\(last)[\(offset)]"])
                }
            }
        case ("string", .string(let string)):
            let length = string.unicodeScalars.count
            if let minimum = schema["minLength"].flatMap(StructuralSchema.int), length < minimum {
                fail("is \(length) characters long, shorter than \(minimum)")
            }
            if let maximum = schema["maxLength"].flatMap(StructuralSchema.int), length > maximum {
                fail("is \(length) characters long, longer than \(maximum)")
            }
            if let pattern = schema["pattern"]?.stringValue, !StructuralSchema.matches(string, pattern: pattern) {
                fail("\"\(string)\" does not match the pattern \(pattern)")
            }
        case ("integer", .int), ("number", .int), ("number", .double):
            checkBounds(value, schema: schema, fail: fail)
        case ("boolean", .bool):
            return
        case (let type?, _):
            fail("expected \(StructuralSchema.article(type)), found \(ValueDecoder.describe(value))")
        }
    }

    private mutating func checkObjectMembers(_ object: ValueObject, schema: ValueObject, at segments: [String]) {
        let here = path.appending(ComponentPath(segments: segments))
        for key in schema["required"]?.arrayValue ?? [] {
            guard let key = key.stringValue, object[key] == nil else { continue }
            found.append(.error(here, "'\(key)' is required"))
        }
        if let minimum = schema["minProperties"].flatMap(StructuralSchema.int), object.count < minimum {
            found.append(.error(here, "has \(object.count) fields, fewer than \(minimum)"))
        }
        if let maximum = schema["maxProperties"].flatMap(StructuralSchema.int), object.count > maximum {
            found.append(.error(here, "has \(object.count) fields, more than \(maximum)"))
        }
        let properties = schema["properties"]?.objectValue
        let additional = schema["additionalProperties"]
        let preserves = schema["x-kubernetes-preserve-unknown-fields"] == .bool(true)
        let embedded = schema["x-kubernetes-embedded-resource"] == .bool(true)
        for member in object.members {
            if let property = properties?[member.key] {
                check(member.value, schema: property, at: segments + [member.key])
            } else if case .object? = additional {
                check(member.value, schema: additional ?? .null, at: segments + [member.key])
            } else if embedded && ["apiVersion", "kind", "metadata"].contains(member.key) {
                continue
            } else if properties != nil && !preserves && additional != .bool(true) {
                found.append(
                    .error(
                        path.appending(ComponentPath(segments: segments + [member.key])),
                        "unknown field '\(member.key)'",
                        hint: "the CRD's schema has no such field (kubectl's strict field validation refuses it)"))
            }
        }
    }

    private func checkBounds(_ value: Value, schema: ValueObject, fail: (String, String?) -> Void) {
        let number: Double
        switch value {
        case .int(let int): number = Double(int)
        case .double(let double): number = double
        default: return
        }
        if let minimum = schema["minimum"].flatMap(StructuralSchema.double) {
            let exclusive = schema["exclusiveMinimum"] == .bool(true)
            if exclusive ? number <= minimum : number < minimum {
                fail(
                    "\(StructuralSchema.text(value)) is below the minimum \(StructuralSchema.text(schema["minimum"] ?? .null))",
                    nil)
            }
        }
        if let maximum = schema["maximum"].flatMap(StructuralSchema.double) {
            let exclusive = schema["exclusiveMaximum"] == .bool(true)
            if exclusive ? number >= maximum : number > maximum {
                fail(
                    "\(StructuralSchema.text(value)) is above the maximum \(StructuralSchema.text(schema["maximum"] ?? .null))",
                    nil)
            }
        }
    }

    /// Whether `value` passes `schema` (for anyOf/oneOf).
    static func matches(_ value: Value, _ schema: Value) -> Bool {
        var probe = StructuralSchema(path: .root)
        probe.check(value, schema: schema, at: [])
        return probe.found.isEmpty
    }

    /// Whether `string` matches the ECMA-style `pattern` (unanchored, like JSON Schema); a pattern
    /// Foundation cannot compile is not held against the value.
    static func matches(_ string: String, pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return true }
        let range = NSRange(string.startIndex..., in: string)
        return expression.firstMatch(in: string, range: range) != nil
    }

    static func int(_ value: Value) -> Int? {
        switch value {
        case .int(let int): int
        case .double(let double): Int(exactly: double)
        default: nil
        }
    }

    static func double(_ value: Value) -> Double? {
        switch value {
        case .int(let int): Double(int)
        case .double(let double): double
        default: nil
        }
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .int(let int): String(int)
        case .double(let double): String(double)
        default: "\(value)"
        }
    }

    static func article(_ type: String) -> String {
        switch type {
        case "object": "a mapping"
        case "array": "a sequence"
        case "integer": "an integer"
        default: "a \(type)"
        }
    }
}
