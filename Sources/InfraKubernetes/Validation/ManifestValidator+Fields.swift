// Field-level checks over a whole object, by reflection so the generated types need no
// extra code: every `Quantity` must parse (requests, limits, storage sizes, quotas, CRD
// fields), and fields that some supported Kubernetes version (1.28–1.31) lacks are flagged,
// because strict validation for that version would reject the file.

import InfraCore

extension ManifestValidator {
    func fieldDiagnostics(_ object: any KubernetesObject, path: ComponentPath) -> [Diagnostic] {
        var found: [Diagnostic] = []
        ManifestValidator.visitFields(in: object, segments: []) { segments, owner, value in
            let here = path.appending(ComponentPath(segments: ManifestValidator.collapsePodSpec(segments)))
            if let quantity = value as? Quantity, let problem = quantity.problem {
                found.append(.error(here, "invalid quantity: \(problem)"))
            }
            if let field = segments.last, let versions = fieldsMissingInSomeVersions[owner]?[field] {
                found.append(
                    .warning(
                        here,
                        "\(owner).\(field) does not exist in Kubernetes \(versions.joined(separator: ", ")); strict validation for it fails",
                        hint: "leave it unset while \(versions.joined(separator: ", ")) is supported"))
            }
        }
        return found
    }

    /// Calls `visit` for every set field reachable from `value`, with its path, the name of
    /// the struct that holds it, and its value.
    static func visitFields(
        in value: Any, segments: [String], owner: String = "", _ visit: ([String], String, Any) -> Void
    ) {
        if value is String || value is Int || value is Bool || value is Double || value is Value
            || value is IntOrString || value is Quantity
        {
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first {
                visitFields(in: child.value, segments: segments, owner: owner, visit)
            }
        case .collection:
            for (offset, child) in mirror.children.enumerated() {
                var here = segments
                let last = here.popLast() ?? ""
                here.append("\(last)[\(offset)]")
                visit(here, "", child.value)
                visitFields(in: child.value, segments: here, owner: owner, visit)
            }
        case .dictionary:
            for child in mirror.children {
                let pair = Array(Mirror(reflecting: child.value).children)
                guard pair.count == 2 else { continue }
                let here = segments + ["\(pair[0].value)"]
                visit(here, "", pair[1].value)
                visitFields(in: pair[1].value, segments: here, visit)
            }
        case .struct:
            let name = String(describing: mirror.subjectType)
            for child in mirror.children {
                guard let label = child.label, !isNil(child.value) else { continue }
                let here = segments + [label]
                visit(here, name, unwrapped(child.value))
                visitFields(in: child.value, segments: here, owner: name, visit)
            }
        default:
            return
        }
    }

    /// Whether `value` is an `Optional.none`.
    private static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    /// The wrapped value of an `Optional.some`, or the value itself.
    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional, let child = mirror.children.first { return child.value }
        return value
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
