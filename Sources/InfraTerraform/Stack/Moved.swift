// `moved` blocks: renaming a construct keeps its state instead of destroying it.

import InfraCore

/// A `moved` block telling Terraform an object now lives at a new address.
///
/// ```swift
/// Moved(from: .resource(type: "aws_vpc", name: "old"), to: vpc.address)
/// ```
public struct Moved: StackContent, Hashable {
    /// The declaration.
    public var block: MovedBlock

    /// Declares a move.
    public init(from: ReferenceTarget, to: ReferenceTarget) {
        block = MovedBlock(from: from, to: to, path: nil)
    }

    /// The moved block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("moved." + block.from.description)
        return [.moved(block)]
    }
}

/// The untyped declaration of a move.
public struct MovedBlock: Sendable, Hashable {
    /// The old address.
    public var from: ReferenceTarget
    /// The new address.
    public var to: ReferenceTarget
    /// Where it was defined.
    public var path: ComponentPath?

    /// The block as Terraform JSON (bare addresses).
    public var jsonValue: Value {
        ["from": .string(from.description), "to": .string(to.description)]
    }
}
