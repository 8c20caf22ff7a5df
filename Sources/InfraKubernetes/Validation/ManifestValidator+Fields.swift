// Field-level checks over a whole object: every `Quantity` must parse (requests, limits,
// storage sizes, quotas, CRD fields), and fields that some supported Kubernetes version
// (1.28–1.31) lacks are flagged, because strict validation for that version would reject
// the file. The walk follows the generated `checkedFields` table through the rendered object,
// so it only visits the few keys that can lead to such a field.

import InfraCore

extension ManifestValidator {
    /// The quantity errors and version warnings of `object`, whose rendering is `rendered`.
    func fieldDiagnostics(_ object: any KubernetesObject, rendered: Value, path: ComponentPath) -> [Diagnostic] {
        guard let typeName = checkedKinds[ObjectIdentifier(type(of: object))] else { return [] }
        var walk = FieldWalk(path: path)
        walk.object(rendered, typeName)
        return walk.found
    }

    /// Drops the `spec/template/spec` (or CronJob `spec/jobTemplate/spec/template/spec`, Pod
    /// `spec`) prefix so pod fields read `containers[0]/resources/limits/memory`.
    static func collapsePodSpec(_ segments: [String]) -> [String] {
        let prefixes = [
            ["spec", "jobTemplate", "spec", "template", "spec"], ["spec", "template", "spec"],
        ]
        for prefix in prefixes where segments.starts(with: prefix) { return Array(segments.dropFirst(prefix.count)) }
        return segments
    }
}

/// One walk through a rendered object along ``checkedFields``, collecting diagnostics.
private struct FieldWalk {
    /// The object's component path.
    let path: ComponentPath
    /// The path segments below the object of the value being visited (`containers[0]`, `resources`).
    var segments: [String] = []
    /// What the walk found, in field order.
    var found: [Diagnostic] = []

    init(path: ComponentPath) { self.path = path }

    /// The diagnostic path of the value being visited.
    var here: ComponentPath {
        path.appending(ComponentPath(segments: ManifestValidator.collapsePodSpec(segments)))
    }

    /// Visits the checked fields of an object of generated type `typeName`.
    mutating func object(_ value: Value, _ typeName: String) {
        guard case .object(let members) = value, let fields = checkedFields[typeName] else { return }
        for field in fields {
            guard let child = members[field.name] else { continue }
            segments.append(field.name)
            check(child, field.shape)
            if !field.missingIn.isEmpty {
                let versions = field.missingIn.joined(separator: ", ")
                found.append(
                    .warning(
                        here,
                        "\(typeName).\(field.name) does not exist in Kubernetes \(versions); strict validation for it fails",
                        hint: "leave it unset while \(versions) is supported"))
            }
            descend(child, field.shape)
            segments.removeLast()
        }
    }

    /// Reports a quantity that does not parse.
    mutating func check(_ value: Value, _ shape: CheckedShape) {
        if case .quantity = shape, case .string(let text) = value, let problem = Quantity(text).problem {
            found.append(.error(here, "invalid quantity: \(problem)"))
        }
    }

    /// Visits what is inside `value`: the fields of an object, the elements of an array or map.
    mutating func descend(_ value: Value, _ shape: CheckedShape) {
        switch (shape, value) {
        case (.object(let typeName), _):
            object(value, typeName)
        case (.array(let element), .array(let items)):
            let last = segments.popLast() ?? ""
            for (offset, item) in items.enumerated() {
                segments.append("\(last)[\(offset)]")
                check(item, element)
                descend(item, element)
                segments.removeLast()
            }
            segments.append(last)
        case (.map(let element), .object(let members)):
            for member in members.members {
                segments.append(member.key)
                check(member.value, element)
                descend(member.value, element)
                segments.removeLast()
            }
        default:
            return
        }
    }
}
