// A reference path such as `aws_vpc.main.id` or `module.vpc.private_subnet_ids[0]`.
// Kept structured so validation can tell what a reference points at.

/// A reference: a root name followed by attribute and index steps.
///
/// ```swift
/// Traversal(root: "aws_vpc", steps: [.attribute("main"), .attribute("id")]) // aws_vpc.main.id
/// ```
public struct Traversal: Sendable, Hashable {
    /// One step after the root.
    public enum Step: Sendable, Hashable {
        /// `.name`
        case attribute(String)
        /// `[key]`
        case index(Expression.Node)
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

    /// The attribute names of the leading attribute steps (stops at the first index).
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
}
