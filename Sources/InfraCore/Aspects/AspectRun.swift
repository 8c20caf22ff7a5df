// One run of an infrastructure's aspects: visits every node of every unit in the documented
// order, refuses renames, schedules the aspects aspects add, and finishes them all with the
// resolved model. Runs one node at a time, so aspects can keep state without locks.

/// Applies scoped aspects to units (``Infrastructure/synthesize(options:)`` does this before
/// synthesizing them) and collects their diagnostics.
///
/// ```swift
/// var run = AspectRun([ScopedAspect(NamingConvention.terraformSnakeCase())])
/// let units = run.apply(to: infra.allUnits)
/// // … synthesize the units, then:
/// let diagnostics = run.finish(model: model)
/// ```
public struct AspectRun: Sendable {
    /// The aspects, wider scopes first, then in declaration order; added aspects at the end.
    private var scheduled: [ScopedAspect]
    /// How many aspects aspects may add in one run before it is a runaway.
    static let addedLimit = 1_000
    private var addedCount = 0
    private var stoppedAdding = false
    private var diagnostics = Diagnostics()

    /// Creates a run: aspects with wider scopes visit a node first (the infrastructure's before a
    /// unit's, a unit's before a construct's), aspects of the same scope in the given order.
    public init(_ aspects: [ScopedAspect]) {
        scheduled = aspects.enumerated()
            .sorted { ($0.element.scope.segments.count, $0.offset) < ($1.element.scope.segments.count, $1.offset) }
            .map(\.element)
    }

    /// Every unit after the aspects visited its nodes (units that are not ``AspectVisitable``
    /// unchanged), in the given order.
    public mutating func apply(to units: [any SynthesisUnit]) -> [any SynthesisUnit] {
        var result: [any SynthesisUnit] = []
        result.reserveCapacity(units.count)
        for unit in units {
            if let visitable = unit as? any AspectVisitable {
                result.append(visitable.applyingAspects(&self))
            } else {
                result.append(unit)
            }
        }
        return result
    }

    /// `node` after every aspect whose scope contains it visited it, one after another (each sees
    /// the changes of those before). A change of the node's address or type is refused with an
    /// error naming the aspect, and the node stays as it was before that aspect.
    public mutating func visit<Node: AspectNode>(_ node: Node, unit: ComponentPath, directory: String) -> Node {
        var current = node
        var index = 0
        while index < scheduled.count {
            defer { index += 1 }
            guard scheduled[index].contains(current.path) else { continue }
            var visit = AspectVisit(node: current, unit: unit, unitDirectory: directory)
            scheduled[index].aspect.visit(&visit)
            let name = scheduled[index].aspect.aspectName
            diagnostics.append(contentsOf: visit.diagnostics)
            if let changed = visit.node as? Node {
                if changed.address == current.address {
                    current = changed
                } else {
                    diagnostics.error(
                        current.path,
                        "aspect \(name) renamed \(current.address) to \(changed.address); aspects may not rename",
                        hint:
                            "a rename moves Terraform state or replaces a Kubernetes object: rename in the declaration (with a moved block for Terraform) and let the aspect report the name"
                    )
                }
            } else {
                diagnostics.error(
                    current.path, "aspect \(name) replaced \(current.address) with a different kind of node",
                    hint:
                        "change the node in place (cast visit.node to the back end's node type, edit it, assign it back)"
                )
            }
            schedule(visit.added, by: name, scope: scheduled[index].scope, at: current.path)
        }
        return current
    }

    /// Adds the aspects an aspect added, with its scope, at the end of the list.
    private mutating func schedule(_ added: [any Aspect], by name: String, scope: ComponentPath, at path: ComponentPath)
    {
        guard !added.isEmpty, !stoppedAdding else { return }
        guard addedCount + added.count <= Self.addedLimit else {
            diagnostics.error(
                path, "aspect \(name) added more than \(Self.addedLimit) aspects in one run; the rest were not run",
                hint: "add an aspect once (keep a flag in the aspect), not on every node")
            stoppedAdding = true
            return
        }
        addedCount += added.count
        scheduled += added.map { ScopedAspect(any: $0, scope: scope) }
    }

    /// Runs every aspect's ``Aspect/finish(_:)`` over `model` (in the visiting order) and returns
    /// everything the run reported: the visits' diagnostics, then the finishes'.
    public mutating func finish(model: ResolvedModel) -> Diagnostics {
        var report = AspectReport(model: model)
        for index in scheduled.indices { scheduled[index].aspect.finish(&report) }
        var all = diagnostics
        all.append(contentsOf: report.diagnostics)
        return all
    }
}
