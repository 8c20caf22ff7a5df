// The dependency graph of one configuration (references plus depends_on), used for
// `graph` output and to refuse cycles before Terraform would.

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
        var number: [String: Int] = [:]
        number.reserveCapacity(names.count)
        for (index, name) in names.enumerated() { number[name] = index }
        successors = names.map { name in
            (dependencies[name] ?? []).compactMap { number[$0] }.sorted()
        }
    }

    /// Edges `prefix/from → prefix/to`, sorted, only between defined nodes.
    func edges(prefix: String) -> [DependencyEdge] {
        let qualified = names.map { prefix + "/" + $0 }
        // Names are sorted and each successor list is sorted, so this order is (from, to) order.
        var result: [DependencyEdge] = []
        for (from, list) in successors.enumerated() {
            for to in list { result.append(DependencyEdge(from: qualified[from], to: qualified[to])) }
        }
        return result
    }

    /// One error per dependency cycle (strongly connected component with more than one
    /// node, or a node that depends on itself), naming the nodes in order.
    func cycleDiagnostics() -> [Diagnostic] {
        // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
        let count = names.count
        var indexOf = [Int](repeating: -1, count: count)
        var lowlink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var components: [[String]] = []

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
                    if component.count > 1 || selfLoop { components.append(component.sorted().map { names[$0] }) }
                }
            }
        }
        return components.sorted { $0.lexicographicallyPrecedes($1) }.map { component in
            let first = component[0]
            let cycle = (component + [first]).joined(separator: " → ")
            return .error(
                paths[first] ?? .root, "dependency cycle: \(cycle)",
                hint: "break the cycle by removing a reference or a depends_on")
        }
    }
}
