// `removed` blocks: take a resource out of the configuration and out of Terraform's state
// while the object itself stays (lifecycle `destroy = false`), e.g. handing it to another root.

import InfraCore

/// A `removed` block: Terraform forgets the resource (or every resource of a module call)
/// without destroying it, unless `destroy` is `true`.
///
/// ```swift
/// Removed(AWSS3Bucket.self, named: "legacy_logs")             // from = aws_s3_bucket.legacy_logs
/// Removed(from: .module("old_vpc"))                           // from = module.old_vpc
/// ```
public struct Removed: StackContent, Hashable {
    /// The declaration.
    public var block: RemovedBlock

    /// Forgets the resource of type `R` named `name` (no longer declared in the configuration).
    public init<R: TerraformResource>(_ type: R.Type, named name: String, destroy: Bool = false) {
        block = RemovedBlock(from: .resource(type: R.terraformType, name: name), destroy: destroy)
    }

    /// Forgets the resource or module call at `from`.
    public init(from: ReferenceTarget, destroy: Bool = false) {
        block = RemovedBlock(from: from, destroy: destroy)
    }

    /// The removed block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("removed." + block.from.description)
        return [.removed(block)]
    }
}

/// The untyped declaration of a removal.
public struct RemovedBlock: Sendable, Hashable {
    /// The resource or module call that is no longer in the configuration.
    public var from: ReferenceTarget
    /// Whether Terraform destroys the object (`false`: it only leaves the state).
    public var destroy: Bool
    /// Where it was defined.
    public var path: ComponentPath?

    /// Creates a removal.
    public init(from: ReferenceTarget, destroy: Bool = false, path: ComponentPath? = nil) {
        self.from = from
        self.destroy = destroy
        self.path = path
    }

    /// The block as Terraform JSON: `{"from": "aws_s3_bucket.logs", "lifecycle": {"destroy": false}}`.
    public var jsonValue: Value {
        ["from": .string(from.description), "lifecycle": ["destroy": .bool(destroy)]]
    }
}
