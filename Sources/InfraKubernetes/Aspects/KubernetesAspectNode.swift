// A Kubernetes object as aspects see it: the typed object (mutable) with the component path
// its manifest gives it, before validation and before the manifest's default namespace.

import InfraCore

/// One object of a ``Manifest``, as an `Aspect` visits it.
///
/// ```swift
/// mutating func visit(_ visit: inout AspectVisit) {
///     guard var node = visit.node as? KubernetesAspectNode else { return }
///     node.object.metadata.annotations = ["team": "platform"]
///     visit.node = node
/// }
/// ```
public struct KubernetesAspectNode: AspectNode {
    /// The object, as declared (the manifest's default namespace is applied after the aspects).
    public var object: any KubernetesObject
    /// The component path of the manifest (`prod`).
    public let manifestPath: ComponentPath
    /// The manifest's default namespace.
    public let defaultNamespace: String?

    /// Creates a node.
    public init(object: any KubernetesObject, manifestPath: ComponentPath, defaultNamespace: String?) {
        self.object = object
        self.manifestPath = manifestPath
        self.defaultNamespace = defaultNamespace
    }

    /// Kubernetes.
    public var language: ModelLanguage { .kubernetes }
    /// The kind (`Deployment`).
    public var kind: String { object.kind }
    /// `metadata.name` (empty when unset).
    public var name: String { object.metadata.name ?? "" }
    /// The component path as text (`prod/Deployment/account`): kind, namespace and name, so a
    /// change of any of them is a rename.
    public var address: String { path.description }

    /// `<manifest>/<Kind>/<name>`, with the namespace inserted when it is not the manifest's
    /// default, as ``Manifest/address(of:)``.
    public var path: ComponentPath {
        var segments = manifestPath.segments + [object.kind]
        if let namespace = object.metadata.namespace, namespace != defaultNamespace { segments.append(namespace) }
        segments.append(name.isEmpty ? "<unnamed>" : name)
        return ComponentPath(segments: segments)
    }
}

extension Manifest: AspectVisitable {
    /// The manifest with every object visited by the run's aspects, in content order; the
    /// content's own diagnostics (an include's, a helper's) are kept.
    public func applyingAspects(_ run: inout AspectRun) -> any SynthesisUnit {
        let objects = declaredObjects.map { object in
            run.visit(
                KubernetesAspectNode(object: object, manifestPath: componentPath, defaultNamespace: namespace),
                unit: componentPath, directory: outputDirectory
            ).object
        }
        var copy = self
        copy.contents = [VisitedContent(original: contents, objects: objects)]
        return copy
    }
}

/// A manifest's content after aspects visited it: the visited objects, and the diagnostics of
/// the content as declared.
struct VisitedContent: ManifestContent {
    let original: [any ManifestContent]
    let objects: [any KubernetesObject]

    var manifestObjects: [any KubernetesObject] { objects }

    func appendManifestObjects(to objects: inout [any KubernetesObject]) {
        objects += self.objects
    }

    func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        original.flatMap { $0.manifestDiagnostics(at: path) }
    }

    func appendClusterProvided(to provided: inout [ClusterProvided]) {
        for content in original { content.appendClusterProvided(to: &provided) }
    }
}
