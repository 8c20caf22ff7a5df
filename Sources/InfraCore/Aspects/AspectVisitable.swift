// The hook a back end implements so aspects reach its declarations: hand every node to the
// run, in declaration order, and return the unit rebuilt from what came back.

/// A ``SynthesisUnit`` whose declarations aspects can visit (Terraform stacks and modules,
/// Kubernetes manifests). Units that do not conform are synthesized as declared.
///
/// ```swift
/// extension MyUnit: AspectVisitable {
///     func applyingAspects(_ run: inout AspectRun) -> any SynthesisUnit {
///         var copy = self
///         copy.items = items.map { run.visit($0, unit: componentPath, directory: outputDirectory) }
///         return copy
///     }
/// }
/// ```
public protocol AspectVisitable: SynthesisUnit {
    /// The unit after `run` visited each of its nodes, in declaration order.
    func applyingAspects(_ run: inout AspectRun) -> any SynthesisUnit
}
