// A reference path such as `aws_vpc.main.id`, `aws_subnet.public[each.key].id` or
// `aws_subnet.private[*].id`. Kept structured so validation can tell what a reference points
// at, which instance it selects and whether it spans all instances.

/// A reference: a root name followed by attribute, index and splat steps.
///
/// ```swift
/// Traversal(root: "aws_vpc", steps: [.attribute("main"), .attribute("id")]) // aws_vpc.main.id
/// Traversal(root: "aws_subnet", steps: [.attribute("app"), .splat, .attribute("id")]) // aws_subnet.app[*].id
/// ```
public struct Traversal: Sendable, Hashable {
    /// One step after the root.
    public enum Step: Sendable, Hashable {
        /// `.name`
        case attribute(String)
        /// `[key]`
        case index(Expression.Node)
        /// `[*]`: the following steps apply to every element (a full splat).
        case splat
    }

    /// The root name: a resource type, `var`, `local`, `module`, `data`, `each`, `count`, …
    public var root: String
    /// The steps after the root.
    public var steps: [Step]

    /// Creates a traversal.
    public init(root: String, steps: [Step]) {
        self.root = root
        self.steps = steps
    }

    /// The attribute names of the leading attribute steps (stops at the first index or splat).
    public var leadingAttributes: [String] {
        var names: [String] = []
        for step in steps {
            guard case .attribute(let name) = step else { break }
            names.append(name)
        }
        return names
    }

    /// What the reference points at, when it names a block of the configuration.
    public var target: ReferenceTarget? {
        let names = leadingAttributes
        switch root {
        case "var": return names.first.map { .variable($0) }
        case "local": return names.first.map { .local($0) }
        case "module": return names.first.map { .module($0) }
        case "data": return names.count >= 2 ? .data(type: names[0], name: names[1]) : nil
        case "each", "count", "self", "path", "terraform": return .contextual(root)
        default: return names.first.map { .resource(type: root, name: $0) }
        }
    }

    /// The steps after the address of the block the reference points at: for
    /// `aws_subnet.app[0].id` that is `[0].id`; for `module.vpc.vpc_id` it is `.vpc_id`.
    /// `nil` when the reference does not name a resource, data source or module call.
    public var stepsAfterAddress: ArraySlice<Step>? {
        let length: Int
        switch target {
        case .resource, .module: length = 1
        case .data: length = 2
        default: return nil
        }
        return steps.count >= length ? steps[length...] : nil
    }

    /// The traversal followed by more steps.
    public func appending(_ more: [Step]) -> Traversal {
        Traversal(root: root, steps: steps + more)
    }
}

/// The configuration block a reference points at.
public enum ReferenceTarget: Sendable, Hashable, CustomStringConvertible {
    /// `type.name`
    case resource(type: String, name: String)
    /// `data.type.name`
    case data(type: String, name: String)
    /// `var.name`
    case variable(String)
    /// `local.name`
    case local(String)
    /// `module.name`
    case module(String)
    /// `each`, `count`, `self`, `path` or `terraform`: meaningful only in context.
    case contextual(String)

    /// The address as Terraform writes it: `aws_vpc.main`, `data.aws_region.current`, `var.region`.
    public var description: String {
        switch self {
        case .resource(let type, let name): "\(type).\(name)"
        case .data(let type, let name): "data.\(type).\(name)"
        case .variable(let name): "var.\(name)"
        case .local(let name): "local.\(name)"
        case .module(let name): "module.\(name)"
        case .contextual(let root): root
        }
    }

    /// The address as a traversal: `aws_vpc.main` → root `aws_vpc`, steps `[.main]`.
    public var traversal: Traversal {
        switch self {
        case .resource(let type, let name): Traversal(root: type, steps: [.attribute(name)])
        case .data(let type, let name): Traversal(root: "data", steps: [.attribute(type), .attribute(name)])
        case .variable(let name): Traversal(root: "var", steps: [.attribute(name)])
        case .local(let name): Traversal(root: "local", steps: [.attribute(name)])
        case .module(let name): Traversal(root: "module", steps: [.attribute(name)])
        case .contextual(let root): Traversal(root: root, steps: [])
        }
    }
}
