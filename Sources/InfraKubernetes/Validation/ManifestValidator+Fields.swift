// Field-level checks over a whole object: every `Quantity` must parse (requests, limits,
// storage sizes, quotas, CRD fields), and fields (and kinds) that some supported Kubernetes
// version (`KubernetesVersionWindow.supported`) lacks are flagged, because strict validation
// for that version would reject the file. The walk follows the generated `walkCheckedFields`
// of each type (Generated/CheckedFields.swift), so it only visits the few fields that can lead
// to such a field.

import InfraCore

extension ManifestValidator {
    /// The quantity errors and version warnings of `object`.
    func fieldDiagnostics(_ object: any KubernetesObject, path: ComponentPath) -> [Diagnostic] {
        guard let walkObject = checkedKinds[ObjectIdentifier(type(of: object))] else { return [] }
        var walk = FieldWalk(path: path)
        walkObject(object, &walk)
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

/// A value that field validation looks into: a generated type with checked fields, a
/// `Quantity`, or an array or map of them.
protocol FieldCheckable {
    /// Reports a problem with the value itself (a quantity that does not parse).
    func checkItself(_ walk: inout FieldWalk)
    /// Visits the checked fields (or elements) inside the value.
    func walkCheckedFields(_ walk: inout FieldWalk)
}

extension FieldCheckable {
    /// Most values have nothing to check about themselves, only inside.
    func checkItself(_ walk: inout FieldWalk) {}
}

extension Quantity: FieldCheckable {
    func checkItself(_ walk: inout FieldWalk) {
        if let problem { walk.found.append(.error(walk.here, "invalid quantity: \(problem)")) }
    }

    func walkCheckedFields(_ walk: inout FieldWalk) {}
}

extension Array: FieldCheckable where Element: FieldCheckable {
    /// Each element, at `<field>[<offset>]`.
    func walkCheckedFields(_ walk: inout FieldWalk) {
        let last = walk.segments.popLast() ?? ""
        for (offset, element) in enumerated() {
            walk.segments.append("\(last)[\(offset)]")
            element.checkItself(&walk)
            element.walkCheckedFields(&walk)
            walk.segments.removeLast()
        }
        walk.segments.append(last)
    }
}

extension Dictionary: FieldCheckable where Key == String, Value: FieldCheckable {
    /// Each value under its key, keys in the rendered (Unicode scalar) order.
    func walkCheckedFields(_ walk: inout FieldWalk) {
        for key in keysInRenderOrder {
            guard let value = self[key] else { continue }
            walk.segments.append(key)
            value.checkItself(&walk)
            value.walkCheckedFields(&walk)
            walk.segments.removeLast()
        }
    }
}

/// One walk through a typed object along its checked fields, collecting diagnostics.
struct FieldWalk {
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

    /// Visits the field `name` when it is set: its own check, the version warning, then inside.
    mutating func field(
        _ name: String, _ value: (some FieldCheckable)?, of typeName: String = "", missingIn: [String] = []
    ) {
        guard let value else { return }
        segments.append(name)
        value.checkItself(&self)
        if !missingIn.isEmpty { versionWarning(name, of: typeName, missingIn: missingIn) }
        value.walkCheckedFields(&self)
        segments.removeLast()
    }

    /// Warns about the field `name` when it is set (a field nothing else is checked in).
    mutating func field(_ name: String, isSet: Bool, of typeName: String, missingIn: [String]) {
        guard isSet else { return }
        segments.append(name)
        versionWarning(name, of: typeName, missingIn: missingIn)
        segments.removeLast()
    }

    /// Warns that the object's kind is not served by some supported versions (a kind newer than the oldest).
    mutating func kind(_ apiVersion: String, _ kind: String, missingIn: [String]) {
        let versions = missingIn.joined(separator: ", ")
        found.append(
            .warning(
                path, "\(kind) (\(apiVersion)) is not served by Kubernetes \(versions); strict validation for it fails",
                hint: "leave it out while \(versions) is supported, or apply it only to newer clusters"))
    }

    private mutating func versionWarning(_ name: String, of typeName: String, missingIn: [String]) {
        let versions = missingIn.joined(separator: ", ")
        found.append(
            .warning(
                here,
                "\(typeName).\(name) does not exist in Kubernetes \(versions); strict validation for it fails",
                hint: "leave it unset while \(versions) is supported"))
    }
}
