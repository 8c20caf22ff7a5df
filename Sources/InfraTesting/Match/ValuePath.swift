// Where inside a document a mismatch sits, written the way people read Terraform and
// Kubernetes attributes: `tags.env`, `ingress[0].cidr_blocks`, `metadata.labels["app.kubernetes.io/name"]`.

/// A path from the top of a resource's properties to one value inside them.
///
/// ```swift
/// ValuePath([.key("tags"), .key("env")]).description   // "tags.env"
/// ```
public struct ValuePath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element.
        case index(Int)
    }

    /// The steps from the top.
    public var components: [Component]

    /// Creates a path; the empty path is the top of the properties.
    public init(_ components: [Component] = []) { self.components = components }

    /// The path one step deeper.
    public func appending(_ component: Component) -> ValuePath {
        ValuePath(components + [component])
    }

    /// Whether the path is the top of the properties.
    public var isRoot: Bool { components.isEmpty }

    /// `tags.env`, `ingress[0].cidr_blocks`, or `(top level)` for the empty path.
    public var description: String {
        if components.isEmpty { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key):
                if ValuePath.isPlainIdentifier(key) {
                    text += text.isEmpty ? key : ".\(key)"
                } else {
                    text += "[\(ValueText.quote(key))]"
                }
            }
        }
        return text
    }

    private static func isPlainIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-"
        }
    }
}
