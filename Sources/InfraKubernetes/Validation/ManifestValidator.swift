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
    /// The field diagnostics of each workload, found with its pod template (`nil` for other
    /// objects), parallel to ``objects``.
    let workloadFieldDiagnostics: [[Diagnostic]?]
    /// Each object's pod template (`nil` for objects that run no pods), parallel to ``objects``.
    let podTemplateOfObject: [PodTemplateInfo?]
    /// What each object refers to by name, parallel to ``objects`` (computed once for
    /// diagnostics and edges).
    private(set) var objectReferences: [[ManifestReference]] = []
    /// The offsets of the workloads each Service or PodDisruptionBudget selects, parallel to ``objects``.
    private(set) var objectSelections: [[Int]] = []

    /// Each object's address (its path as text), parallel to ``objects``.
    let addresses: [String]
    /// Each object's `metadata.namespace`, parallel to ``objects``.
    let namespaces: [String?]
    /// Each object's key, parallel to ``objects``.
    let keys: [ObjectKey]

    init(manifest: Manifest, objects: [any KubernetesObject]) {
        self.manifest = manifest
        self.objects = objects
        // What each object is on its own, side by side on all cores. The metadata is read once
        // per object: through the protocol every read copies it.
        let names = Parallel.map(count: objects.count) { offset -> (namespace: String?, key: ObjectKey) in
            let object = objects[offset]
            let metadata = object.metadata
            let key = ObjectKey(
                group: object.apiGroup, kind: object.kind,
                namespace: object.isClusterScoped ? "" : (metadata.namespace ?? ""), name: metadata.name ?? "")
            return (metadata.namespace, key)
        }
        let namespaces = names.map { $0.namespace }
        let keys = names.map { $0.key }
        let paths = Parallel.map(count: objects.count) {
            manifest.address(kind: keys[$0].kind, namespace: namespaces[$0], name: keys[$0].name)
        }
        let workloads = Parallel.map(count: objects.count) { PodTemplateInfo.of(objects[$0], path: paths[$0]) }
        let podTemplateOfObject = workloads.map { $0.pods }
        var index: [ObjectKey: Int] = [:]
        index.reserveCapacity(objects.count)
        var podTemplates: [String: [(offset: Int, pods: PodTemplateInfo)]] = [:]
        var podsByLabel: [String: [String: [Int]]] = [:]
        for (offset, key) in keys.enumerated() {
            if index[key] == nil { index[key] = offset }
            if let pods = podTemplateOfObject[offset] {
                let namespace = namespaces[offset] ?? ""
                podTemplates[namespace, default: []].append((offset, pods))
                for (label, value) in pods.labels {
                    podsByLabel[namespace, default: [:]]["\(label)=\(value)", default: []].append(offset)
                }
            }
        }
        self.paths = paths
        self.addresses = Parallel.map(count: objects.count) { paths[$0].description }
        self.keys = keys
        self.namespaces = namespaces
        self.index = index
        self.podTemplates = podTemplates
        self.podsByLabel = podsByLabel
        self.podTemplateOfObject = podTemplateOfObject
        self.workloadFieldDiagnostics = workloads.map { $0.fieldDiagnostics }
        let partial = self
        objectReferences = Parallel.map(count: objects.count) { offset in
            partial.references(
                of: objects[offset], namespace: namespaces[offset] ?? "", pods: podTemplateOfObject[offset],
                path: paths[offset])
        }
        objectSelections = Parallel.map(count: objects.count) { partial.selections(of: objects[$0]) }
    }

    /// Every diagnostic, in object order (objects are checked side by side on all cores).
    func diagnostics() -> [Diagnostic] {
        let perObject = Parallel.map(count: objects.count) { objectDiagnostics($0) }
        var found: [Diagnostic] = []
        for diagnostics in perObject { found += diagnostics }
        return found
    }

    /// The diagnostics of the object at `offset`.
    func objectDiagnostics(_ offset: Int) -> [Diagnostic] {
        let object = objects[offset]
        let path = paths[offset]
        var found = metadataDiagnostics(object, path: path)
        let key = keys[offset]
        // The index holds the first object with each key; any later one is a duplicate.
        if !key.name.isEmpty && index[key] != offset {
            let place = key.namespace.isEmpty ? "" : " in namespace '\(key.namespace)'"
            found.append(
                .error(
                    path, "duplicate \(object.kind) '\(key.name)'\(place): each kind/namespace/name must be unique",
                    hint: "rename one of them"))
        }
        if let pods = podTemplateOfObject[offset] { found += podDiagnostics(pods, path: path) }
        found += kindDiagnostics(object, offset: offset, path: path)
        found += workloadFieldDiagnostics[offset] ?? fieldDiagnostics(object, path: path)
        found += referenceDiagnostics(offset)
        return found
    }

    /// The types ``kindDiagnostics(_:offset:path:)`` has rules for.
    static let kindCheckedTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(Service.self), ObjectIdentifier(HorizontalPodAutoscaler.self),
        ObjectIdentifier(PodDisruptionBudget.self),
    ]

    /// Checks of specific kinds (Service ports, HPA bounds, PDB budgets).
    func kindDiagnostics(_ object: any KubernetesObject, offset: Int, path: ComponentPath) -> [Diagnostic] {
        guard ManifestValidator.kindCheckedTypes.contains(ObjectIdentifier(type(of: object))) else { return [] }
        return switch object {
        case let service as Service: serviceDiagnostics(service, offset: offset, path: path)
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
        if requiredLabels.isEmpty {
            return (podTemplates[namespace ?? ""] ?? []).filter { matches($0.pods.labels) }
        }
        // The offsets under the rarest required label, in object order, are all candidates.
        let labelIndex = podsByLabel[namespace ?? ""] ?? [:]
        var narrowest: [Int] = []
        var first = true
        for (label, value) in requiredLabels {
            let offsets = labelIndex["\(label)=\(value)"] ?? []
            if first || offsets.count < narrowest.count { narrowest = offsets }
            first = false
            if narrowest.isEmpty { break }
        }
        return narrowest.compactMap { offset in
            guard let pods = podTemplateOfObject[offset], matches(pods.labels) else { return nil }
            return (offset, pods)
        }
    }
}
