// One aspect's visit of one node: the node (mutable), the unit it belongs to, and where the
// aspect's diagnostics and the aspects it adds go.

/// What ``Aspect/visit(_:)`` receives: the node to read or change, its unit, and the means to
/// report diagnostics at the node's component path.
///
/// ```swift
/// mutating func visit(_ visit: inout AspectVisit) {
///     guard visit.node.kind == "aws_s3_bucket" else { return }
///     visit.error("buckets are declared in the storage stack only", hint: "move it to storage")
/// }
/// ```
public struct AspectVisit: Sendable {
    /// The node; assign a changed copy to change what is validated and written.
    public var node: any AspectNode
    /// The component path of the unit the node belongs to (`dev`, `modules/vpc`, `prod`).
    public let unit: ComponentPath
    /// The unit's output folder (`terraform/environments/dev`).
    public let unitDirectory: String
    /// The diagnostics reported so far in this visit.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Aspects added in this visit (see ``add(_:)``).
    var added: [any Aspect] = []

    /// Creates a visit (``AspectRun`` does; tests of an aspect may too).
    public init(node: any AspectNode, unit: ComponentPath, unitDirectory: String) {
        self.node = node
        self.unit = unit
        self.unitDirectory = unitDirectory
    }

    /// Reports an error at the node's path: synthesis then writes nothing.
    public mutating func error(_ message: String, hint: String? = nil) {
        report(.error, message, hint: hint)
    }

    /// Reports a warning at the node's path.
    public mutating func warning(_ message: String, hint: String? = nil) {
        report(.warning, message, hint: hint)
    }

    /// Reports a note at the node's path.
    public mutating func note(_ message: String, hint: String? = nil) {
        report(.note, message, hint: hint)
    }

    /// Reports a diagnostic of `severity` at the node's path.
    public mutating func report(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(path: node.path, severity: severity, message: message, hint: hint))
    }

    /// Adds an aspect with the scope of the one visiting: it visits this node after the aspects
    /// already scheduled for it, and every later node in its scope, and finishes with the others.
    /// Nodes visited before are not visited again (one pass, no fixpoint).
    public mutating func add(_ aspect: some Aspect) {
        added.append(aspect)
    }
}
