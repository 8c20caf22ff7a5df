// `moved` blocks: renaming a construct keeps its state instead of destroying it; moving
// between instance keys (`count` to `for_each`) keeps each instance's.

import InfraCore

/// A `moved` block telling Terraform an object now lives at a new address.
///
/// ```swift
/// Moved(from: .resource(type: "aws_vpc", name: "old"), to: vpc.address)
/// Moved(from: subnets.address[0], to: subnets.address["us-east-1a"])    // one instance
/// ```
public struct Moved: StackContent, Hashable {
    /// The declaration.
    public var block: MovedBlock

    /// Declares a move.
    public init(from: ReferenceTarget, to: ReferenceTarget) {
        block = MovedBlock(from: from, to: to, path: nil)
    }

    /// Declares a move between instances (or from or to a whole block): `aws_subnet.app[0]` to
    /// `aws_subnet.app["a"]` when a resource goes from `count` to `for_each`.
    public init(from: InstanceAddress, to: InstanceAddress) {
        block = MovedBlock(from: from.target, to: to.target, fromKey: from.key, toKey: to.key, path: nil)
    }

    /// The moved block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("moved." + block.fromAddress.description)
        return [.moved(block)]
    }
}

/// The untyped declaration of a move.
public struct MovedBlock: Sendable, Hashable {
    /// The old address.
    public var from: ReferenceTarget
    /// The new address.
    public var to: ReferenceTarget
    /// The instance of `from` that moves, when the move starts at one instance.
    public var fromKey: InstanceKey? = nil
    /// The instance of `to` it becomes, when the move ends at one instance.
    public var toKey: InstanceKey? = nil
    /// Where it was defined.
    public var path: ComponentPath?

    /// The old address with its instance key: `aws_subnet.app[0]`.
    public var fromAddress: InstanceAddress { InstanceAddress(from, key: fromKey) }

    /// The new address with its instance key: `aws_subnet.app["a"]`.
    public var toAddress: InstanceAddress { InstanceAddress(to, key: toKey) }

    /// The block as Terraform JSON (bare addresses).
    public var jsonValue: Value {
        ["from": .string(fromAddress.description), "to": .string(toAddress.description)]
    }
}
