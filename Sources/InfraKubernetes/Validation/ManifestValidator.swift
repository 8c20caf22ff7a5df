// Validation of a manifest before anything is rendered: every rule runs over every object
// and all problems are collected with the object's path (`prod/Deployment/account/containers[0]`).
// The rules themselves live in the `ManifestValidator+*.swift` files next to this one.

import InfraCore

/// Identifies an object for duplicate and reference checks: group, kind, namespace, name.
struct ObjectKey: Hashable {
    var group: String
    var kind: String
    var namespace: String
    var name: String
}

/// Runs the manifest rules over a fixed list of objects.
struct ManifestValidator {
    /// The manifest (for paths and the default namespace).
    let manifest: Manifest
    /// The objects, default namespace applied, in content order.
    let objects: [any KubernetesObject]
    /// Each object's component path, parallel to ``objects``.
    let paths: [ComponentPath]
    /// Objects by key (the first one when there are duplicates).
    let index: [ObjectKey: Int]

    init(manifest: Manifest, objects: [any KubernetesObject]) {
        self.manifest = manifest
        self.objects = objects
        self.paths = objects.map(manifest.address(of:))
        var index: [ObjectKey: Int] = [:]
        for (offset, object) in objects.enumerated() where index[ManifestValidator.key(object)] == nil {
            index[ManifestValidator.key(object)] = offset
        }
        self.index = index
    }

    /// The key of an object; cluster-scoped objects have an empty namespace.
    static func key(_ object: any KubernetesObject) -> ObjectKey {
        ObjectKey(
            group: object.apiGroup, kind: object.kind,
            namespace: object.isClusterScoped ? "" : (object.metadata.namespace ?? ""), name: object.name)
    }

    /// Every diagnostic, in object order.
    func diagnostics() -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: Set<ObjectKey> = []
        for (offset, object) in objects.enumerated() {
            let path = paths[offset]
            found += metadataDiagnostics(object, path: path)
            let key = ManifestValidator.key(object)
            if !key.name.isEmpty && !seen.insert(key).inserted {
                let place = key.namespace.isEmpty ? "" : " in namespace '\(key.namespace)'"
                found.append(
                    .error(
                        path, "duplicate \(object.kind) '\(key.name)'\(place): each kind/namespace/name must be unique",
                        hint: "rename one of them"))
            }
            if let pods = PodTemplateInfo(object) { found += podDiagnostics(pods, path: path) }
            found += kindDiagnostics(object, path: path)
            found += fieldDiagnostics(object, path: path)
            found += referenceDiagnostics(object, path: path)
        }
        return found
    }

    /// Checks of specific kinds (Service ports, HPA bounds, PDB budgets).
    func kindDiagnostics(_ object: any KubernetesObject, path: ComponentPath) -> [Diagnostic] {
        switch object {
        case let service as Service: serviceDiagnostics(service, path: path)
        case let hpa as HorizontalPodAutoscaler: autoscalerDiagnostics(hpa, path: path)
        case let pdb as PodDisruptionBudget: disruptionBudgetDiagnostics(pdb, path: path)
        default: []
        }
    }

    /// The pod templates (with paths) of manifest objects whose template labels satisfy `matches`.
    func selectedPods(
        namespace: String?, where matches: ([String: String]) -> Bool
    ) -> [(offset: Int, pods: PodTemplateInfo)] {
        objects.enumerated().compactMap { offset, object in
            guard object.metadata.namespace == namespace, let pods = PodTemplateInfo(object),
                matches(pods.labels)
            else { return nil }
            return (offset, pods)
        }
    }
}
