// The order Terraform roots (and other units) must be applied in when one reads what another
// produces: which units each unit needs, the units grouped so that each group needs only earlier
// groups (the units of one group can run side by side), and diagnostics for cycles and for
// units that are needed but not part of the infrastructure. `plan`/`apply` read this; `destroy`
// walks it backwards.

/// A unit that needs other units applied first, e.g. a Terraform root that reads another root's outputs.
///
/// ```swift
/// dns.requiredUnits.map(\.unit)   // [ComponentPath("shared")]
/// ```
public protocol DependentUnit: SynthesisUnit {
    /// The units this one reads from, each with where the read is declared.
    var requiredUnits: [UnitRequirement] { get }
}

/// One unit needing another: the producer's component path and where the consumer declares the need.
///
/// ```swift
/// UnitRequirement(unit: ComponentPath(segments: ["shared"]), declaredAt: ComponentPath(segments: ["dns", "shared"]))
/// ```
public struct UnitRequirement: Sendable, Hashable {
    /// The unit that must be applied first (its component path, e.g. `shared`).
    public var unit: ComponentPath
    /// Where the consumer declares the need (for diagnostics), e.g. `dns/remote.shared`.
    public var declaredAt: ComponentPath

    /// Creates a requirement.
    public init(unit: ComponentPath, declaredAt: ComponentPath) {
        self.unit = unit
        self.declaredAt = declaredAt
    }
}

/// The declared units of an ``Infrastructure`` in dependency order.
///
/// ```swift
/// let order = infrastructure.rootOrder
/// for group in order.groups {            // [[shared], [prod, dev], [dns]]
///     // every unit of `group` can be applied side by side once the earlier groups are done
/// }
/// order.requiredUnits(of: ComponentPath(segments: ["dns"]))   // [shared, prod]
/// order.diagnostics                      // a cycle "dns → prod → dns", a needed unit that is missing
/// ```
public struct RootOrder: Sendable {
    /// The units in groups: a unit's group comes after the groups of every unit it needs, and the
    /// units of one group do not need each other. Within a group, units keep their declared order.
    /// Units on a cycle (and the units that need them) are left out; ``diagnostics`` names the cycle.
    public var groups: [[any SynthesisUnit]]
    /// The units each unit needs directly, by component path, in the order first declared;
    /// units that need nothing are absent.
    public var requirements: [ComponentPath: [ComponentPath]]
    /// Cycles between units (shown in order, `dns → prod → dns`) and needed units that are not part
    /// of the infrastructure, at the component path where the need is declared.
    public var diagnostics: Diagnostics

    /// Every ordered unit, group after group.
    public var units: [any SynthesisUnit] { groups.flatMap { $0 } }

    /// The units `unit` needs directly.
    public func requiredUnits(of unit: ComponentPath) -> [ComponentPath] { requirements[unit] ?? [] }

    /// The units that need `unit` directly (what must be destroyed before it).
    public func dependents(of unit: ComponentPath) -> [ComponentPath] {
        units.map(\.componentPath).filter { requiredUnits(of: $0).contains(unit) }
    }

    /// Orders `units` (each unit once, by component path; later duplicates are ignored).
    public init(units declared: [any SynthesisUnit]) {
        var units: [any SynthesisUnit] = []
        var position: [ComponentPath: Int] = [:]
        for unit in declared where position[unit.componentPath] == nil {
            position[unit.componentPath] = units.count
            units.append(unit)
        }
        var diagnostics = Diagnostics()
        var requirements: [ComponentPath: [ComponentPath]] = [:]
        var declaredAt: [ComponentPath: [ComponentPath: ComponentPath]] = [:]
        for unit in units {
            guard let dependent = unit as? any DependentUnit else { continue }
            for need in dependent.requiredUnits {
                guard position[need.unit] != nil else {
                    diagnostics.error(
                        need.declaredAt,
                        "reads from \(need.unit), which is not part of this infrastructure",
                        hint: "add \(need.unit) to the Infrastructure that synthesizes \(unit.componentPath)")
                    continue
                }
                if !(requirements[unit.componentPath] ?? []).contains(need.unit) {
                    requirements[unit.componentPath, default: []].append(need.unit)
                    declaredAt[unit.componentPath, default: [:]][need.unit] = need.declaredAt
                }
            }
        }
        // Depth-first search from each unit in declared order; a back edge closes a cycle.
        var level: [ComponentPath: Int] = [:]
        var onCycle: Set<ComponentPath> = []
        var reported: Set<[ComponentPath]> = []
        var stack: [ComponentPath] = []
        func visit(_ path: ComponentPath) -> Int? {
            if let known = level[path] { return known }
            if onCycle.contains(path) { return nil }
            if let start = stack.firstIndex(of: path) {
                let cycle = Array(stack[start...])
                // Report each cycle once, whichever unit the search entered it from.
                let canonical = cycle.sorted()
                if reported.insert(canonical).inserted {
                    let first = cycle[0]
                    let next = cycle.count > 1 ? cycle[1] : first
                    diagnostics.error(
                        declaredAt[first]?[next] ?? first,
                        "roots depend on each other in a cycle: "
                            + (cycle + [first]).map(\.description).joined(separator: " → "),
                        hint: "one of them must not read the other's outputs; move the shared value to a third root")
                }
                onCycle.formUnion(cycle)
                return nil
            }
            stack.append(path)
            defer { stack.removeLast() }
            var result = 0
            var blocked = false
            for need in requirements[path] ?? [] {
                if let needed = visit(need) { result = max(result, needed + 1) } else { blocked = true }
            }
            if blocked || onCycle.contains(path) {
                onCycle.insert(path)
                return nil
            }
            level[path] = result
            return result
        }
        for unit in units { _ = visit(unit.componentPath) }
        var groups: [[any SynthesisUnit]] = []
        for unit in units {
            guard let index = level[unit.componentPath] else { continue }
            while groups.count <= index { groups.append([]) }
            groups[index].append(unit)
        }
        self.groups = groups
        self.requirements = requirements
        self.diagnostics = diagnostics
    }
}

extension Infrastructure {
    /// The declared units in dependency order (local modules are part of the roots that call them
    /// and are not listed): see ``RootOrder``.
    public var rootOrder: RootOrder { RootOrder(units: units) }
}
