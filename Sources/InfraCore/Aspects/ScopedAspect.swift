// An aspect with the part of the infrastructure it applies to: a component path prefix
// (`prod`, `dev/network`), or the root for everything.

/// An ``Aspect`` and its scope, as ``Infrastructure/aspect(_:scope:)`` records it.
///
/// ```swift
/// let scoped = ScopedAspect(NamingConvention.terraformSnakeCase(), scope: "prod")
/// scoped.contains("prod/network/vpc")   // true
/// ```
public struct ScopedAspect: Sendable {
    /// The aspect.
    public var aspect: any Aspect
    /// The component path prefix of the nodes it visits; ``ComponentPath/root`` for all.
    public var scope: ComponentPath

    /// Creates a scoped aspect.
    public init(_ aspect: some Aspect, scope: ComponentPath = .root) {
        self.aspect = aspect
        self.scope = scope
    }

    /// Creates a scoped aspect from an existential one.
    init(any aspect: any Aspect, scope: ComponentPath) {
        self.aspect = aspect
        self.scope = scope
    }

    /// Whether a node at `path` is in the scope.
    public func contains(_ path: ComponentPath) -> Bool {
        path.segments.starts(with: scope.segments)
    }
}
