// What a `Manifest { ... }` block accepts: anything that yields Kubernetes objects — a
// single typed object, an array of them, an `ObjectGroup`, or a higher-level helper such
// as a microservice that expands to a Deployment, a Service and an HPA.

import InfraCore

/// Anything that contributes Kubernetes objects to a ``Manifest``.
///
/// Helpers conform by returning their objects (and, optionally, their own diagnostics):
/// ```swift
/// struct Cache: ManifestContent {
///     var name: String
///     var manifestObjects: [any KubernetesObject] {
///         [Deployment(metadata: .init(name: name), spec: ...), Service(metadata: .init(name: name), spec: ...)]
///     }
/// }
/// ```
public protocol ManifestContent: Sendable {
    /// The objects this content contributes, in order.
    var manifestObjects: [any KubernetesObject] { get }

    /// Appends ``manifestObjects`` to `objects`; single objects and arrays do it without building
    /// an array per object.
    func appendManifestObjects(to objects: inout [any KubernetesObject])

    /// Problems in the helper's own settings, found before its objects are validated.
    ///
    /// `path` is the manifest's path (e.g. `prod`); name the helper in the paths you report.
    func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic]

    /// Appends the objects this content declares the cluster provides (``ClusterProvided``).
    func appendClusterProvided(to provided: inout [ClusterProvided])
}

extension ManifestContent {
    /// Appends ``manifestObjects``.
    public func appendManifestObjects(to objects: inout [any KubernetesObject]) {
        objects += manifestObjects
    }

    /// No diagnostics of its own by default: the objects are still validated by the manifest.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] { [] }

    /// None by default.
    public func appendClusterProvided(to provided: inout [ClusterProvided]) {}
}

extension Array: ManifestContent where Element: ManifestContent {
    /// The objects of every element, in order.
    public var manifestObjects: [any KubernetesObject] { flatMap(\.manifestObjects) }

    /// Appends every element's objects, in order.
    public func appendManifestObjects(to objects: inout [any KubernetesObject]) {
        for element in self { element.appendManifestObjects(to: &objects) }
    }

    /// The diagnostics of every element.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        flatMap { $0.manifestDiagnostics(at: path) }
    }

    /// What every element declares the cluster provides.
    public func appendClusterProvided(to provided: inout [ClusterProvided]) {
        for element in self { element.appendClusterProvided(to: &provided) }
    }
}

extension Optional: ManifestContent where Wrapped: ManifestContent {
    /// The wrapped content's objects, or none.
    public var manifestObjects: [any KubernetesObject] { self?.manifestObjects ?? [] }

    /// The wrapped content's diagnostics, or none.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        self?.manifestDiagnostics(at: path) ?? []
    }

    /// What the wrapped content declares the cluster provides, or nothing.
    public func appendClusterProvided(to provided: inout [ClusterProvided]) {
        self?.appendClusterProvided(to: &provided)
    }
}

/// A group of manifest content written with the same builder as ``Manifest``; helpers use it
/// to return several objects, with `if` and `for`.
///
/// ```swift
/// ObjectGroup {
///     deployment
///     service
///     if autoscale { hpa }
/// }
/// ```
public struct ObjectGroup: ManifestContent {
    /// The grouped content.
    public var contents: [any ManifestContent]

    /// Creates a group from a builder block.
    public init(@ManifestBuilder _ content: () -> [any ManifestContent]) {
        contents = content()
    }

    /// Creates a group from content values.
    public init(_ contents: [any ManifestContent]) {
        self.contents = contents
    }

    /// The objects of every member, in order.
    public var manifestObjects: [any KubernetesObject] { contents.flatMap(\.manifestObjects) }

    /// Appends every content's objects, in order.
    public func appendManifestObjects(to objects: inout [any KubernetesObject]) {
        for content in contents { content.appendManifestObjects(to: &objects) }
    }

    /// The diagnostics of every member.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        contents.flatMap { $0.manifestDiagnostics(at: path) }
    }

    /// What every member declares the cluster provides.
    public func appendClusterProvided(to provided: inout [ClusterProvided]) {
        for content in contents { content.appendClusterProvided(to: &provided) }
    }
}
