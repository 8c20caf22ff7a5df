// Metadata rules: names per kind (DNS-1123 subdomain/label, DNS-1035 for Services, path
// segments for RBAC), namespaces, label keys and values, annotation keys and size.

import InfraCore

extension ManifestValidator {
    /// The largest total size of all annotations of one object (the API server's limit).
    static let annotationSizeLimit = 256 * 1024

    func metadataDiagnostics(_ object: any KubernetesObject, offset: Int, path: ComponentPath) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let metadata = object.metadata
        if let name = metadata.name, !name.isEmpty {
            let rule = NameRules.nameKind(for: object.kind)
            if let problem = NameRules.check(name, rule) {
                found.append(.error(path, "\(object.kind) name '\(name)' is invalid: \(problem)"))
            } else if object.kind == "CronJob" && name.count > 52 {
                found.append(.error(path, "CronJob name '\(name)' must be no more than 52 characters"))
            }
        } else {
            found.append(.error(path, "\(object.kind) has no metadata.name", hint: "set ObjectMeta(name:)"))
        }
        if let namespace = namespaces[offset] {
            if clusterScoped[offset] {
                found.append(
                    .error(
                        path, "\(object.kind) is cluster-scoped but sets namespace '\(namespace)'",
                        hint: "remove metadata.namespace"))
            } else if let problem = NameRules.dns1123Label(namespace) {
                found.append(.error(path, "namespace '\(namespace)' is invalid: \(problem)"))
            }
        } else if !clusterScoped[offset] {
            found.append(
                .warning(
                    path, "\(object.kind) has no namespace; kubectl puts it in the context's namespace",
                    hint: "set metadata.namespace or Manifest(namespace:)"))
        }
        found += labelDiagnostics(metadata.labels, path: path.appending("labels"))
        found += annotationDiagnostics(metadata.annotations, path: path.appending("annotations"))
        if metadata.annotations?[Secret.allowLiteralSecretAnnotation] != nil, object.kind != "Secret" {
            found.append(
                .warning(
                    path.appending("annotations"),
                    "allowLiteralSecret(reason:) on a \(object.kind) has no effect; it only applies to Secrets",
                    hint: "remove it"))
        }
        return found
    }

    /// Checks label keys (qualified names) and values.
    ///
    /// `path` is only built when there is something to report (most labels are valid).
    func labelDiagnostics(_ labels: [String: String]?, path: @autoclosure () -> ComponentPath) -> [Diagnostic] {
        guard let labels, !labels.isEmpty else { return [] }
        let valid = labels.allSatisfy { key, value in
            NameRules.qualifiedName(key) == nil && NameRules.labelValue(value) == nil
        }
        if valid { return [] }
        let path = path()
        var found: [Diagnostic] = []
        for key in labels.keys.sorted() {
            if let problem = NameRules.qualifiedName(key) {
                found.append(.error(path, "label key '\(key)' is invalid: \(problem)"))
            }
            if let value = labels[key], let problem = NameRules.labelValue(value) {
                found.append(.error(path, "label value '\(value)' of '\(key)' is invalid: \(problem)"))
            }
        }
        return found
    }

    /// Checks annotation keys (qualified names) and the total size.
    func annotationDiagnostics(
        _ annotations: [String: String]?, path: @autoclosure () -> ComponentPath
    ) -> [Diagnostic] {
        guard let annotations, !annotations.isEmpty else { return [] }
        var size = 0
        var keysValid = true
        for (key, value) in annotations {
            size += key.utf8.count + value.utf8.count
            if keysValid && NameRules.qualifiedName(key) != nil { keysValid = false }
        }
        if keysValid && size <= ManifestValidator.annotationSizeLimit { return [] }
        let path = path()
        var found: [Diagnostic] = []
        for key in annotations.keys.sorted() {
            if let problem = NameRules.qualifiedName(key) {
                found.append(.error(path, "annotation key '\(key)' is invalid: \(problem)"))
            }
        }
        if size > ManifestValidator.annotationSizeLimit {
            found.append(.error(path, "annotations total \(size) bytes, more than the limit of 256 KiB"))
        }
        return found
    }

    /// Checks the keys and values of a label selector.
    func selectorDiagnostics(_ selector: LabelSelector, path: @autoclosure () -> ComponentPath) -> [Diagnostic] {
        var found = labelDiagnostics(selector.matchLabels, path: path())
        for (offset, requirement) in (selector.matchExpressions ?? []).enumerated() {
            func here() -> ComponentPath { path().appending("matchExpressions", index: offset) }
            if let problem = NameRules.qualifiedName(requirement.key) {
                found.append(.error(here(), "label key '\(requirement.key)' is invalid: \(problem)"))
            }
            let values = requirement.values ?? []
            switch requirement.operator {
            case "In", "NotIn":
                if values.isEmpty { found.append(.error(here(), "operator \(requirement.operator) needs values")) }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    found.append(.error(here(), "operator \(requirement.operator) must not have values"))
                }
            default:
                found.append(
                    .error(
                        here(), "unknown operator '\(requirement.operator)'",
                        hint: "use In, NotIn, Exists or DoesNotExist"))
            }
        }
        return found
    }
}
