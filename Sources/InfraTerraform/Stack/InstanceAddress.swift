// The ends of a `moved` block: a resource, data source or module call, or one of its instances
// (`aws_subnet.app[0]`, `aws_subnet.app["a"]`). Terraform takes only literal instance keys
// there, so a key is a number or a string, never an expression.

import InfraCore

/// The key of one instance: a number with `count`, a string with `for_each`.
///
/// ```swift
/// let first: InstanceKey = 0          // [0]
/// let zone: InstanceKey = "a"         // ["a"]
/// ```
public enum InstanceKey: Sendable, Hashable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The instance's number in a block with `count`.
    case index(Int)
    /// The instance's key in a block with `for_each`.
    case key(String)

    /// `0` is the instance `[0]`.
    public init(integerLiteral value: Int) { self = .index(value) }

    /// `"a"` is the instance `["a"]`.
    public init(stringLiteral value: String) { self = .key(value) }

    /// The key as Terraform writes it after the address: `[0]`, `["a"]`.
    public var description: String {
        switch self {
        case .index(let index): "[\(index)]"
        case .key(let key): "[" + Expression(.string(key)).hcl + "]"
        }
    }

    /// The key as an index step of a traversal.
    public var step: Traversal.Step {
        switch self {
        case .index(let index): .index(.int(index))
        case .key(let key): .index(.string(key))
        }
    }
}

/// A block of the configuration or one instance of it, as `moved` blocks name them.
///
/// ```swift
/// Moved(from: subnets.address[0], to: subnets.address["us-east-1a"])   // count → for_each
/// ```
public struct InstanceAddress: Sendable, Hashable, CustomStringConvertible {
    /// The resource, data source or module call.
    public var target: ReferenceTarget
    /// The instance, or `nil` for the whole block.
    public var key: InstanceKey?

    /// The block at `target`, or its instance `key`.
    public init(_ target: ReferenceTarget, key: InstanceKey? = nil) {
        self.target = target
        self.key = key
    }

    /// The address as Terraform writes it: `aws_subnet.app`, `aws_subnet.app["a"]`.
    public var description: String { target.description + (key?.description ?? "") }

    /// The address as a traversal: `aws_subnet.app[0]` → root `aws_subnet`, steps `[.app, [0]]`.
    public var traversal: Traversal {
        guard let key else { return target.traversal }
        return target.traversal.appending([key.step])
    }
}

extension ReferenceTarget {
    /// One instance of a block with `count`: `subnets.address[0]` is `aws_subnet.app[0]`.
    public subscript(index: Int) -> InstanceAddress { InstanceAddress(self, key: .index(index)) }

    /// One instance of a block with `for_each`: `subnets.address["a"]` is `aws_subnet.app["a"]`.
    public subscript(key: String) -> InstanceAddress { InstanceAddress(self, key: .key(key)) }
}
