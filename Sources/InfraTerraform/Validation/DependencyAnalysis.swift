// The dependency graph of one configuration (references plus depends_on), used for
// `graph` output and to refuse cycles before Terraform would.

import InfraCore

/// Dependencies between the blocks of one configuration.
struct DependencyAnalysis {
    /// Node address → (addresses it depends on, component path).
    private(set) var dependencies: [String: Set<String>] = [:]
    private(set) var paths: [String: ComponentPath] = [:]

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
    }

    private mutating func add(_ node: String, _ path: ComponentPath, _ deps: Set<String>) {
        dependencies[node, default: []].formUnion(deps)
        paths[node] = path
    }

    /// Edges `prefix/from → prefix/to`, sorted, only between defined nodes.
    func edges(prefix: String) -> [DependencyEdge] {
        var result: [DependencyEdge] = []
        for (from, deps) in dependencies {
            for to in deps where dependencies[to] != nil {
                result.append(DependencyEdge(from: "\(prefix)/\(from)", to: "\(prefix)/\(to)"))
            }
        }
        return result.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// One error per dependency cycle (strongly connected component with more than one
    /// node, or a node that depends on itself), naming the nodes in order.
    func cycleDiagnostics() -> [Diagnostic] {
        // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
        var indexOf: [String: Int] = [:]
        var lowlink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var nextIndex = 0
        var components: [[String]] = []
        let nodes = dependencies.keys.sorted()
        let successors = dependencies.mapValues { $0.filter { dependencies[$0] != nil }.sorted() }

        for start in nodes where indexOf[start] == nil {
            var work: [(node: String, next: Int)] = [(start, 0)]
            indexOf[start] = nextIndex
            lowlink[start] = nextIndex
            nextIndex += 1
            stack.append(start)
            onStack.insert(start)
            while var frame = work.popLast() {
                let succ = successors[frame.node] ?? []
                if frame.next < succ.count {
                    let w = succ[frame.next]
                    frame.next += 1
                    work.append(frame)
                    if indexOf[w] == nil {
                        indexOf[w] = nextIndex
                        lowlink[w] = nextIndex
                        nextIndex += 1
                        stack.append(w)
                        onStack.insert(w)
                        work.append((w, 0))
                    } else if onStack.contains(w) {
                        lowlink[frame.node] = min(lowlink[frame.node] ?? 0, indexOf[w] ?? 0)
                    }
                    continue
                }
                if let parent = work.last {
                    lowlink[parent.node] = min(lowlink[parent.node] ?? 0, lowlink[frame.node] ?? 0)
                }
                if lowlink[frame.node] == indexOf[frame.node] {
                    var component: [String] = []
                    while let w = stack.popLast() {
                        onStack.remove(w)
                        component.append(w)
                        if w == frame.node { break }
                    }
                    let selfLoop = component.count == 1 && (successors[frame.node] ?? []).contains(frame.node)
                    if component.count > 1 || selfLoop { components.append(component.sorted()) }
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
