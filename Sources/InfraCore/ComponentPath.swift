// Where a component sits in the construct tree, e.g. `prod/network/subnet[2]`.
// Diagnostics name it, and Terraform addresses are derived from it, so a component's
// identity never depends on the order in which it was declared.

/// The path of a component in the construct tree, written `prod/network/subnet[2]`.
///
/// ```swift
/// let path = ComponentPath("prod").appending("network").appending("subnet", index: 2)
/// print(path) // prod/network/subnet[2]
/// ```
public struct ComponentPath: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The path's segments from the root, e.g. `["prod", "network", "subnet[2]"]`.
    public var segments: [String]

    /// Creates a path from segments.
    public init(segments: [String]) {
        self.segments = segments
    }

    /// Creates a path from a `/`-separated string.
    public init(_ string: String) {
        segments = string.split(separator: "/").map(String.init)
    }

    /// Creates a path from a `/`-separated literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The empty (root) path.
    public static let root = ComponentPath(segments: [])

    /// The path with `segment` added at the end.
    public func appending(_ segment: String) -> ComponentPath {
        ComponentPath(segments: segments + [segment])
    }

    /// The path with `segment[index]` added at the end, for the n-th element of a list.
    public func appending(_ segment: String, index: Int) -> ComponentPath {
        ComponentPath(segments: segments + ["\(segment)[\(index)]"])
    }

    /// The path with all of `other`'s segments added at the end.
    public func appending(_ other: ComponentPath) -> ComponentPath {
        ComponentPath(segments: segments + other.segments)
    }

    /// The last segment, or an empty string for the root.
    public var last: String { segments.last ?? "" }

    /// `prod/network/subnet[2]`.
    public var description: String { segments.joined(separator: "/") }

    /// Orders paths segment by segment.
    public static func < (lhs: ComponentPath, rhs: ComponentPath) -> Bool {
        lhs.segments.lexicographicallyPrecedes(rhs.segments)
    }

    /// Encodes the path as its `/`-separated string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes a path from its `/`-separated string.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
}
