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
    /// Pod templates by namespace, built once: selections look here instead of re-reading
    /// every object for every Service (which made large manifests quadratic).
    let podTemplates: [String: [(offset: Int, pods: PodTemplateInfo)]]
    /// Offsets of pod templates by namespace and `key=value` label, to narrow selections.
    let podsByLabel: [String: [String: [Int]]]

    init(manifest: Manifest, objects: [any KubernetesObject]) {
        self.manifest = manifest
        self.objects = objects
        self.paths = objects.map(manifest.address(of:))
        var index: [ObjectKey: Int] = [:]
        var podTemplates: [String: [(offset: Int, pods: PodTemplateInfo)]] = [:]
        var podsByLabel: [String: [String: [Int]]] = [:]
        for (offset, object) in objects.enumerated() {
            let key = ManifestValidator.key(object)
            if index[key] == nil { index[key] = offset }
            if let pods = PodTemplateInfo(object) {
                let namespace = object.metadata.namespace ?? ""
                podTemplates[namespace, default: []].append((offset, pods))
                for (label, value) in pods.labels {
                    podsByLabel[namespace, default: [:]]["\(label)=\(value)", default: []].append(offset)
                }
            }
        }
        self.index = index
        self.podTemplates = podTemplates
        self.podsByLabel = podsByLabel
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
    ///
    /// `requiredLabels` are labels every match must carry (a Service selector, a PDB's
    /// `matchLabels`); they narrow the candidates through the label index first.
    func selectedPods(
        namespace: String?, requiredLabels: [String: String] = [:], where matches: ([String: String]) -> Bool
    ) -> [(offset: Int, pods: PodTemplateInfo)] {
        let inNamespace = podTemplates[namespace ?? ""] ?? []
        var candidates = inNamespace
        if !requiredLabels.isEmpty {
            let labelIndex = podsByLabel[namespace ?? ""] ?? [:]
            let narrowest =
                requiredLabels.map { labelIndex["\($0.key)=\($0.value)"] ?? [] }.min { $0.count < $1.count } ?? []
            let allowed = Set(narrowest)
            candidates = inNamespace.filter { allowed.contains($0.offset) }
        }
        return candidates.filter { matches($0.pods.labels) }
    }
}
