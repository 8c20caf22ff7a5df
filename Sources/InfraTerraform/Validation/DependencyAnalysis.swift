// The dependency graph of one configuration (references plus depends_on): each block's
// references in the resolved model (what `graph` draws), and cycles refused before Terraform
// would, each shown in the order its references run.

import InfraCore

/// Dependencies between the blocks of one configuration.
struct DependencyAnalysis {
    /// Node address → (addresses it depends on, component path).
    private(set) var dependencies: [String: Set<String>] = [:]
    private(set) var paths: [String: ComponentPath] = [:]
    /// Node addresses in sorted order; the cycle search and the edge list use their indices.
    private var names: [String] = []
    /// For each node index, the sorted indices of the defined nodes it depends on.
    private var successors: [[Int]] = []
    /// Node index by address.
    private var number: [String: Int] = [:]

    init(index: ConfigurationIndex) {
        func targets(_ traversals: [Traversal], _ explicit: [ReferenceTarget]) -> Set<String> {
            var result: Set<String> = []
            for t in traversals {
                guard let target = t.target else { continue }
                if case .contextual = target { continue }
                result.insert(target.description)
            }
            for target in explicit { result.insert(target.description) }
            return result
        }
        for b in index.resources {
            add("\(b.type).\(b.name)", b.path, targets(b.traversals, b.meta.dependsOn))
        }
        for b in index.dataSources {
            add("data.\(b.type).\(b.name)", b.path, targets(b.traversals, b.meta.dependsOn))
        }
        for l in index.locals {
            add("local.\(l.name)", l.path ?? .root, targets(l.value.node.traversals, []))
        }
        for m in index.modules {
            add("module.\(m.name)", m.path, targets(m.traversals, m.meta.dependsOn))
        }
        for o in index.outputs {
            add("output.\(o.name)", o.path ?? .root, targets(o.value.node.traversals, o.dependsOn))
        }
        for v in index.variables {
            add("var.\(v.name)", v.path ?? .root, [])
        }
        numberNodes()
    }

    private mutating func add(_ node: String, _ path: ComponentPath, _ deps: Set<String>) {
        dependencies[node, default: []].formUnion(deps)
        paths[node] = path
    }

    /// Numbers the nodes in address order and keeps only edges between defined nodes, so
    /// the cycle search and the edge list work on integers, not hashed strings.
    private mutating func numberNodes() {
        names = dependencies.keys.sorted()
        number.reserveCapacity(names.count)
        for (index, name) in names.enumerated() { number[name] = index }
        successors = names.map { name in
            (dependencies[name] ?? []).compactMap { number[$0] }.sorted()
        }
    }

    /// The addresses of the defined blocks `address` depends on, sorted.
    func references(of address: String) -> [String] {
        guard let node = number[address] else { return [] }
        return successors[node].map { names[$0] }
    }

    /// One error per dependency cycle (strongly connected component with more than one
    /// node, or a node that depends on itself), showing one cycle of it in reference order.
    func cycleDiagnostics() -> [Diagnostic] {
        // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
        let count = names.count
        var indexOf = [Int](repeating: -1, count: count)
        var lowlink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var components: [[Int]] = []

        for start in 0..<count where indexOf[start] < 0 {
            var work: [(node: Int, next: Int)] = [(start, 0)]
            indexOf[start] = nextIndex
            lowlink[start] = nextIndex
            nextIndex += 1
            stack.append(start)
            onStack[start] = true
            while var frame = work.popLast() {
                let succ = successors[frame.node]
                if frame.next < succ.count {
                    let w = succ[frame.next]
                    frame.next += 1
                    work.append(frame)
                    if indexOf[w] < 0 {
                        indexOf[w] = nextIndex
                        lowlink[w] = nextIndex
                        nextIndex += 1
                        stack.append(w)
                        onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        lowlink[frame.node] = min(lowlink[frame.node], indexOf[w])
                    }
                    continue
                }
                if let parent = work.last {
                    lowlink[parent.node] = min(lowlink[parent.node], lowlink[frame.node])
                }
                if lowlink[frame.node] == indexOf[frame.node] {
                    var component: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == frame.node { break }
                    }
                    let selfLoop = component.count == 1 && successors[frame.node].contains(frame.node)
                    if component.count > 1 || selfLoop { components.append(component.sorted()) }
                }
            }
        }
        // Node numbers follow address order, so sorting the components sorts them by address.
        return components.sorted { $0.lexicographicallyPrecedes($1) }.map { component in
            let cycle = shortestCycle(through: component[0], within: Set(component))
            var message = "dependency cycle: " + (cycle + [cycle[0]]).map { names[$0] }.joined(separator: " → ")
            let others = component.filter { !cycle.contains($0) }
            if !others.isEmpty {
                message +=
                    "; \(others.map { names[$0] }.joined(separator: ", ")) \(others.count == 1 ? "is" : "are")"
                    + " caught in the same cycle"
            }
            return .error(
                paths[names[cycle[0]]] ?? .root, message,
                hint: "break the cycle by removing a reference or a depends_on")
        }
    }

    /// The shortest cycle from `start` back to itself through `component` (a strongly connected
    /// component, so one exists), as the nodes in reference order starting with `start`: each
    /// node refers to the next, the last to `start`. Breadth-first, successors in address order,
    /// so the same graph always gives the same cycle.
    private func shortestCycle(through start: Int, within component: Set<Int>) -> [Int] {
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in successors[node] where component.contains(next) {
                if next == start {
                    var cycle = [node]
                    while let before = previous[cycle[cycle.count - 1]] { cycle.append(before) }
                    return cycle.reversed()
                }
                if previous[next] == nil, next != start {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return [start]
    }
}
