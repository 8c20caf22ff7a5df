// The Secret rule: no secret value is written into a manifest. A Secret (typed or
// unstructured) with literal `data` or `stringData` is an error unless it carries the
// `allowLiteralSecret(reason:)` opt-in with a reason (the opt-in on another kind is a warning,
// found with the other annotation checks in ManifestValidator+Metadata.swift).

import InfraCore

extension ManifestValidator {
    /// Problems with literal secret data in the object at `offset` (a Secret of the core group).
    func secretDiagnostics(_ object: any KubernetesObject, offset: Int, path: ComponentPath) -> [Diagnostic] {
        guard object.kind == "Secret", object.apiGroup.isEmpty else { return [] }
        let annotation = object.metadata.annotations?[Secret.allowLiteralSecretAnnotation]
        if let annotation {
            if annotation.allSatisfy(\.isWhitespace) {
                return [
                    .error(
                        path.appending("annotations"), "allowLiteralSecret(reason:) needs a reason",
                        hint: "say why this Secret may carry literal data (e.g. a test fixture)")
                ]
            }
            return []
        }
        let fields = Self.literalSecretFields(of: object)
        guard !fields.isEmpty else { return [] }
        let file = ManifestLayout.fileName(clusterScoped: false, namespace: namespaces[offset])
        return [
            .error(
                path,
                "Secret '\(object.name)' has literal values (\(fields.joined(separator: ", "))), which would be "
                    + "written to \(file)",
                hint: "create it outside the manifests (External Secrets Operator, Secrets Store CSI driver, "
                    + "kubectl create secret) and refer to it by name; only a test fixture may opt in with "
                    + ".allowLiteralSecret(reason:)")
        ]
    }

    /// The keys of `data` and `stringData` as `data.a`, `stringData.b`; empty when there are none.
    static func literalSecretFields(of object: any KubernetesObject) -> [String] {
        var fields: [String] = []
        switch object {
        case let secret as Secret:
            fields += (secret.data ?? [:]).keys.sorted().map { "data.\($0)" }
            fields += (secret.stringData ?? [:]).keys.sorted().map { "stringData.\($0)" }
        default:
            // Unstructured (or user-defined) Secrets: read the rendered document.
            let document = object.renderValue()
            for field in ["data", "stringData"] {
                fields += (document[field]?.objectValue?.members.map(\.key) ?? []).sorted().map { "\(field).\($0)" }
            }
        }
        return fields
    }
}
