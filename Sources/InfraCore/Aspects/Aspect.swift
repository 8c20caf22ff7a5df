// An aspect: a visitor that every Terraform block and Kubernetes object of an infrastructure
// passes through before validation. It can change what it visits (add tags, labels), report
// diagnostics at the visited node's component path, and report once more after synthesis with
// the whole resolved model in hand (cross-unit checks, rule packs).

/// A visitor over the declarations of every unit, run by ``Infrastructure/synthesize(options:)``
/// before validation, so validation, the writers and every reader of the model see its changes.
///
/// ```swift
/// struct NoDefaultNames: Aspect {
///     mutating func visit(_ visit: inout AspectVisit) {
///         if visit.node.name == "default" { visit.warning("name the \(visit.node.kind) after its purpose") }
///     }
/// }
/// let infra = Infrastructure { dev; prod }.aspect(NoDefaultNames())
/// ```
///
/// Order (see `Documentation/Aspects.md`): units in ``Infrastructure/allUnits`` order, each unit's
/// nodes in declaration order, and on each node every aspect whose scope contains it — wider
/// scopes first, then declaration order. An aspect is a value: it may keep state across nodes and
/// units (its visits run one after another), and reads it in ``finish(_:)``.
public protocol Aspect: Sendable {
    /// Visits one node: read it, change it through ``AspectVisit/node``, report on it.
    mutating func visit(_ visit: inout AspectVisit)

    /// Runs once after every unit was synthesized, with the resolved model of all of them;
    /// the default does nothing.
    mutating func finish(_ report: inout AspectReport)

    /// The name diagnostics give the aspect (its type name by default).
    var aspectName: String { get }
}

extension Aspect {
    /// Nothing to report at the end.
    public mutating func finish(_ report: inout AspectReport) {}

    /// The type's name.
    public var aspectName: String { String(describing: Self.self) }
}
