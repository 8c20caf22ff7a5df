// Validation of a manifest before anything is rendered: every rule runs over every object
// and all problems are collected with the object's path (`prod/Deployment/account/containers[0]`).
// The rules themselves live in the `ManifestValidator+*.swift` files next to this one.

import InfraCore

/// Identifies an object for duplicate and reference checks: group, kind, namespace, name.
struct ObjectKey: Hashable {
    let group: String
    let kind: String
    let namespace: String
    let name: String
    /// The four parts hashed once: a key is looked up several times (index, duplicates,
    /// references), and hashing four strings each time was a good part of validation.
    private let hash: Int

    init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
        var hasher = Hasher()
        hasher.combine(group)
        hasher.combine(kind)
        hasher.combine(namespace)
        hasher.combine(name)
        hash = hasher.finalize()
    }

    static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.hash == rhs.hash && lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.namespace == rhs.namespace
            && lhs.group == rhs.group
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// The four parts' hash, for ``ObjectIndex``'s own table.
    var hashCode: Int { hash }
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
    let index: ObjectIndex
    /// For each object, the offset of the first object with its key (itself unless a duplicate).
    let firstWithKey: [Int]
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
    /// Each object's namespace, parallel to ``objects``: its own, else the manifest's for a
    /// namespaced object (cluster-scoped objects keep what they set, which is an error).
    let namespaces: [String?]
    /// Whether each object is cluster-scoped.
    let clusterScoped: [Bool]
    /// Each object's key, parallel to ``objects``.
    let keys: [ObjectKey]
    /// The kinds the manifest's CustomResourceDefinitions define (their scope wins over the object's own).
    let definitions: CustomResourceDefinitions
    /// The objects the manifest declares the cluster provides (``ClusterProvided``), by key.
    let provided: [ObjectKey: ClusterProvided]

    init(manifest: Manifest, objects: [any KubernetesObject]) {
        self.manifest = manifest
        self.objects = objects
        // What each object is on its own, side by side on all cores. The metadata is read once
        // per object: through the protocol every read copies it. The manifest's namespace applies
        // to the namespaced objects that name none, as if it were written into them.
        let defaultNamespace = manifest.namespace
        let definitions = CustomResourceDefinitions(objects)
        let names = Parallel.map(count: objects.count) {
            Self.identity(of: objects[$0], definitions: definitions, defaultNamespace: defaultNamespace)
        }
        let namespaces = names.map { $0.namespace }
        let keys = names.map { $0.key }
        let paths = Parallel.map(count: objects.count) {
            manifest.address(kind: keys[$0].kind, namespace: namespaces[$0], name: keys[$0].name)
        }
        let workloads = Parallel.map(count: objects.count) { PodTemplateInfo.of(objects[$0], path: paths[$0]) }
        let podTemplateOfObject = workloads.map { $0.pods }
        var index = ObjectIndex(keys: keys)
        var podTemplates: [String: [(offset: Int, pods: PodTemplateInfo)]] = [:]
        var podsByLabel: [String: [String: [Int]]] = [:]
        var firstWithKey = [Int](repeating: 0, count: objects.count)
        for offset in keys.indices {
            firstWithKey[offset] = index.insertObject(at: offset)
            if let pods = podTemplateOfObject[offset] {
                let namespace = namespaces[offset] ?? ""
                podTemplates[namespace, default: []].append((offset, pods))
                for (label, value) in pods.labels {
                    podsByLabel[namespace, default: [:]]["\(label)=\(value)", default: []].append(offset)
                }
            }
        }
        // A cert-manager Certificate writes its Secret, so a reference to that Secret is defined
        // here (and depends on the Certificate) unless the manifest also defines the Secret itself.
        for (offset, object) in objects.enumerated() {
            guard let certificate = object as? Certificate, let secret = certificate.spec?.secretName, !secret.isEmpty
            else { continue }
            let key = ObjectKey(group: "", kind: "Secret", namespace: namespaces[offset] ?? "", name: secret)
            index.insertIfAbsent(key, offset: offset)
        }
        // So does a SecretProviderClass for each Secret it syncs (`secretObjects`; the CSI driver
        // writes them while a pod mounts the class).
        for (offset, object) in objects.enumerated() {
            guard let secretProviderClass = object as? SecretProviderClass else { continue }
            for secret in secretProviderClass.spec?.secretObjects ?? [] {
                guard let name = secret.secretName, !name.isEmpty else { continue }
                let key = ObjectKey(group: "", kind: "Secret", namespace: namespaces[offset] ?? "", name: name)
                index.insertIfAbsent(key, offset: offset)
            }
        }
        var provided: [ObjectKey: ClusterProvided] = [:]
        for declaration in manifest.clusterProvided {
            let key = Self.identity(
                of: declaration.object, definitions: definitions, defaultNamespace: defaultNamespace
            )
            .key
            provided[key] = provided[key] ?? declaration
        }
        self.provided = provided
        self.paths = paths
        self.definitions = definitions
        self.addresses = Parallel.map(count: objects.count) { paths[$0].description }
        self.keys = keys
        self.namespaces = namespaces
        self.clusterScoped = names.map { $0.clusterScoped }
        self.index = index
        self.firstWithKey = firstWithKey
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
        objectSelections = Parallel.map(count: objects.count) { partial.selections(of: objects[$0], offset: $0) }
    }

    /// What `object` is on its own: its namespace (its own, else `defaultNamespace` when it is
    /// namespaced), its key, and whether it is cluster-scoped (a CustomResourceDefinition of the
    /// manifest decides for its kind). The metadata is read once: through the protocol every read
    /// copies it.
    static func identity(
        of object: any KubernetesObject, definitions: CustomResourceDefinitions, defaultNamespace: String?
    ) -> (namespace: String?, key: ObjectKey, clusterScoped: Bool) {
        let metadata = object.metadata
        let clusterScoped =
            definitions.isEmpty
            ? object.isClusterScoped
            : definitions.definition(group: object.apiGroup, kind: object.kind)?.clusterScoped
                ?? object.isClusterScoped
        let namespace = clusterScoped ? metadata.namespace : (metadata.namespace ?? defaultNamespace)
        let key = ObjectKey(
            group: object.apiGroup, kind: object.kind, namespace: clusterScoped ? "" : (namespace ?? ""),
            name: metadata.name ?? "")
        return (namespace, key, clusterScoped)
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
        var found = metadataDiagnostics(object, offset: offset, path: path)
        let key = keys[offset]
        // Any object after the first with its key is a duplicate.
        if !key.name.isEmpty && firstWithKey[offset] != offset {
            let place = key.namespace.isEmpty ? "" : " in namespace '\(key.namespace)'"
            found.append(
                .error(
                    path, "duplicate \(object.kind) '\(key.name)'\(place): each kind/namespace/name must be unique",
                    hint: "rename one of them"))
        }
        if !provided.isEmpty, let declaration = provided[key] {
            found.append(
                .error(
                    path,
                    "\(object.kind) '\(key.name)' is defined here and declared provided by \(declaration.provider)",
                    hint: "keep one: the definition, or the ClusterProvided declaration"))
        }
        if let pods = podTemplateOfObject[offset] { found += podDiagnostics(pods, path: path) }
        found += kindDiagnostics(object, offset: offset, path: path)
        found += crdDiagnostics(object, path: path)
        if !definitions.isEmpty { found += customResourceDiagnostics(object, path: path) }
        found += workloadFieldDiagnostics[offset] ?? fieldDiagnostics(object, path: path)
        found += referenceDiagnostics(offset)
        found += secretDiagnostics(object, offset: offset, path: path)
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
