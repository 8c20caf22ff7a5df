// `Manifest("prod", directory: "kubernetes/prod") { ... }`: a set of Kubernetes objects that
// synthesizes to multi-document YAML files. It is InfraCore's `SynthesisUnit` for
// Kubernetes: validation first (all problems at once), then the resolved objects (the model:
// namespace, address, file, references), then deterministic files written from them.

import InfraCore

/// A named set of Kubernetes objects written to one folder of YAML files.
///
/// ```swift
/// let prod = Manifest("prod", directory: "kubernetes/prod", namespace: "prod") {
///     ConfigMap(metadata: .init(name: "settings"), data: ["LOG_LEVEL": "info"])
///     for name in ["account", "auth"] { microservice(name) }
///     if enableDebug { debugPod }
/// }
/// let result = prod.synthesize()   // diagnostics, the resolved objects (result.model), the files
/// ```
///
/// Files: cluster-scoped objects (Namespaces first) go to `_cluster.yaml`; namespaced
/// objects go to `<namespace>.yaml`. Within a file, objects are ordered so that
/// `kubectl apply -f` creates what others need first (see ``ManifestLayout``), then by kind
/// and name. Objects of a namespaced kind without a namespace (and no manifest default)
/// go to `default.yaml` with a warning.
public struct Manifest: SynthesisUnit {
    /// The manifest's name, the first segment of every diagnostic path (e.g. `prod`).
    public var name: String
    /// The folder, relative to the output root, that the YAML files go to.
    public var outputDirectory: String
    /// The namespace given to namespaced objects that do not set one.
    public var namespace: String?
    /// The content, as written in the builder block.
    public var contents: [any ManifestContent]
    /// The cluster `apply` sends the objects to, after the Terraform root creating it; `nil`: not applied.
    public var cluster: ManifestCluster?

    /// Creates a manifest; `directory` defaults to `kubernetes/<name>`.
    public init(
        _ name: String, directory: String? = nil, namespace: String? = nil, cluster: ManifestCluster? = nil,
        @ManifestBuilder content: () -> [any ManifestContent]
    ) {
        self.name = name
        self.outputDirectory = directory ?? "kubernetes/\(name)"
        self.namespace = namespace
        self.cluster = cluster
        self.contents = content()
    }

    /// The manifest's component path (its name).
    public var componentPath: ComponentPath { ComponentPath(segments: [name]) }

    /// Every object, in content order, with the manifest's default namespace applied.
    public var objects: [any KubernetesObject] {
        let declared = declaredObjects
        guard let namespace else { return declared }
        // Applying the namespace copies the object; large manifests do that on all cores.
        return Parallel.map(count: declared.count, minimumChunk: 256) { offset in
            let object = declared[offset]
            guard object.metadata.namespace == nil, !object.isClusterScoped else { return object }
            var copy = object
            copy.metadata.namespace = namespace
            return copy
        }
    }

    /// What the content declares the cluster provides (``ClusterProvided``), in content order:
    /// references to these objects resolve without being written.
    public var clusterProvided: [ClusterProvided] {
        var provided: [ClusterProvided] = []
        for content in contents { content.appendClusterProvided(to: &provided) }
        return provided
    }

    /// Every object as declared, in content order. Validation and synthesis apply the default
    /// namespace as they read and write, without copying objects.
    var declaredObjects: [any KubernetesObject] {
        var objects: [any KubernetesObject] = []
        objects.reserveCapacity(contents.count)
        for content in contents { content.appendManifestObjects(to: &objects) }
        return objects
    }

    /// The component path of an object: `<manifest>/<Kind>/<name>`, with the namespace
    /// inserted (`<manifest>/<Kind>/<namespace>/<name>`) when it differs from the manifest's
    /// default namespace.
    public func address(of object: any KubernetesObject) -> ComponentPath {
        let metadata = object.metadata
        return address(kind: object.kind, namespace: metadata.namespace, name: metadata.name ?? "")
    }

    /// The component path of an object of `kind` with this namespace and name (see ``address(of:)``).
    func address(kind: String, namespace objectNamespace: String?, name objectName: String) -> ComponentPath {
        var segments = [name, kind]
        segments.reserveCapacity(4)
        if let objectNamespace, objectNamespace != namespace {
            segments.append(objectNamespace)
        }
        segments.append(objectName.isEmpty ? "<unnamed>" : objectName)
        return ComponentPath(segments: segments)
    }

    /// The file an object is written to, relative to the output root.
    public func file(of object: any KubernetesObject) -> String {
        "\(outputDirectory)/\(ManifestLayout.fileName(of: object))"
    }

    /// Checks every object and the references between them; nothing is rendered.
    public func validate() -> Diagnostics {
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: contents.flatMap { $0.manifestDiagnostics(at: componentPath) })
        let validator = ManifestValidator(manifest: self, objects: declaredObjects)
        diagnostics.append(contentsOf: validator.diagnostics())
        return diagnostics
    }

    /// Validates, resolves every object (its namespace, address, file and the objects it depends
    /// on, in file and apply order) and writes one YAML file per namespace from the resolved
    /// objects (`<namespace>.yaml`, cluster-scoped objects in `_cluster.yaml`). When there are
    /// errors the result has the diagnostics and the model, and no artifacts.
    public func synthesize() -> SynthesisResult {
        let objects = declaredObjects
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: contents.flatMap { $0.manifestDiagnostics(at: componentPath) })
        let validator = ManifestValidator(manifest: self, objects: objects)
        diagnostics.append(contentsOf: validator.diagnostics())
        let dependencies = validator.dependencies()
        let fileNames = Parallel.map(count: objects.count, minimumChunk: 256) {
            ManifestLayout.fileName(clusterScoped: validator.clusterScoped[$0], namespace: validator.namespaces[$0])
        }
        let order = ManifestLayout.order(files: fileNames, keys: validator.keys, namespaces: validator.namespaces)
        // The order is sorted by file first: each file is one run of it, and the runs are in file
        // name order.
        var files: [(path: String, positions: Range<Int>)] = []
        var start = 0
        for position in order.indices
        where position + 1 == order.count || fileNames[order[position + 1]] != fileNames[order[position]] {
            files.append(("\(outputDirectory)/\(fileNames[order[position]])", start..<position + 1))
            start = position + 1
        }
        var fileOfPosition = [Int](repeating: 0, count: order.count)
        for (number, file) in files.enumerated() {
            for position in file.positions { fileOfPosition[position] = number }
        }
        let resolved = Parallel.map(count: order.count, minimumChunk: 256) { [fileOfPosition, files] position in
            let offset = order[position]
            let key = validator.keys[offset]
            return ResolvedObject(
                declared: objects[offset], namespace: validator.namespaces[offset],
                isClusterScoped: validator.clusterScoped[offset], kind: key.kind, name: key.name,
                address: validator.addresses[offset], path: validator.paths[offset],
                file: files[fileOfPosition[position]].path,
                references: dependencies[offset].map { validator.addresses[$0] })
        }
        let model = ResolvedModel(
            nodes: Parallel.map(count: resolved.count, minimumChunk: 256) { position -> any ModelNode in
                resolved[position]
            })
        if diagnostics.hasErrors { return SynthesisResult(diagnostics: diagnostics, model: model) }
        let artifacts = files.map { file in
            Artifact(path: file.path, chunks: yaml(of: resolved[file.positions]))
        }
        return SynthesisResult(artifacts: artifacts, diagnostics: diagnostics, model: model)
    }

    /// One file's YAML: the header, then each object's document, `---` between them — in the
    /// chunks they were written in, side by side (joined, a large file would be in memory twice).
    private func yaml(of objects: ArraySlice<ResolvedObject>) -> [[UInt8]] {
        // Documents are independent: write chunks of them side by side, kept in order.
        let first = objects.startIndex
        let chunks = Parallel.map(Parallel.chunkRanges(count: objects.count)) { range in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * 512)
            for position in range {
                if position > 0 { bytes.append(contentsOf: "---\n".utf8) }
                objects[first + position].appendYAMLDocument(to: &bytes)
            }
            // The chunk lives until the file is written: give back a reservation it did not fill.
            return bytes.capacity - bytes.count > bytes.count / 4 ? Array(bytes[...]) : bytes
        }
        return [Array("# Manifest \(name), generated by swift-infra. Do not edit.\n".utf8)] + chunks
    }
}
