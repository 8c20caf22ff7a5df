// The end of an aspect run: every aspect's `finish` sees the resolved model of all units
// (after its own and the others' changes) and reports diagnostics across them.

/// What ``Aspect/finish(_:)`` receives: the resolved model of every unit and a place for
/// diagnostics that span units.
///
/// ```swift
/// mutating func finish(_ report: inout AspectReport) {
///     let buckets = report.model.nodes(.terraform).filter { $0.kind == "aws_s3_bucket" }
///     if buckets.count > 20 { report.diagnostics.warning(.root, "\(buckets.count) buckets in all stacks") }
/// }
/// ```
public struct AspectReport: Sendable {
    /// The resolved model of every unit, in unit order.
    public let model: ResolvedModel
    /// Diagnostics to add to the synthesis; an error means nothing is written.
    public var diagnostics = Diagnostics()

    /// Creates a report over `model`.
    public init(model: ResolvedModel) {
        self.model = model
    }
}
