// Finds every `Quantity` inside an object (requests, limits, storage sizes, quotas, CRD
// fields) by reflection, so the generated types need no extra code, and reports the ones
// that do not parse with the path of the field.

import InfraCore

extension ManifestValidator {
    func quantityDiagnostics(_ object: any KubernetesObject, path: ComponentPath) -> [Diagnostic] {
        var found: [Diagnostic] = []
        ManifestValidator.visitQuantities(in: object, segments: []) { segments, quantity in
            if let problem = quantity.problem {
                let field = ManifestValidator.collapsePodSpec(segments)
                found.append(
                    .error(path.appending(ComponentPath(segments: field)), "invalid quantity: \(problem)"))
            }
        }
        return found
    }

    /// Calls `visit` with the field path of every ``Quantity`` reachable from `value`.
    static func visitQuantities(in value: Any, segments: [String], _ visit: ([String], Quantity) -> Void) {
        if let quantity = value as? Quantity {
            visit(segments, quantity)
            return
        }
        if value is String || value is Int || value is Bool || value is Double || value is Value
            || value is IntOrString
        {
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first { visitQuantities(in: child.value, segments: segments, visit) }
        case .collection:
            for (offset, child) in mirror.children.enumerated() {
                var here = segments
                let last = here.popLast() ?? ""
                here.append("\(last)[\(offset)]")
                visitQuantities(in: child.value, segments: here, visit)
            }
        case .dictionary:
            for child in mirror.children {
                let pair = Array(Mirror(reflecting: child.value).children)
                guard pair.count == 2 else { continue }
                visitQuantities(in: pair[1].value, segments: segments + ["\(pair[0].value)"], visit)
            }
        case .struct:
            for child in mirror.children {
                guard let label = child.label else { continue }
                visitQuantities(in: child.value, segments: segments + [label], visit)
            }
        default:
            return
        }
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
