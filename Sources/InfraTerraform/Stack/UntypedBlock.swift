// The untyped escape hatch for any Terraform type the generated layer lacks: one generic block,
// `UntypedBlock<Kind>`, spelled `Resource` or `DataSource`. The kind decides only the address
// (`type.name` or `data.type.name`) and the stack element; everything else is shared, and the
// address is a protocol requirement, so generic code over `TerraformResource` reads it right.

import InfraCore

/// What tells an untyped `resource` block from a `data` block: its address and its stack element.
public protocol UntypedBlockKind: Sendable {
    /// The address of the block `type.name` of this kind.
    static func address(type: String, name: String) -> ReferenceTarget
    /// The stack element that carries `block`.
    static func element(_ block: ResourceBlock) -> StackElement
    /// `true` for `data` blocks (their component path starts with `data.`).
    static var isData: Bool { get }
}

/// The kind of ``Resource``: a `resource` block, addressed `type.name`.
public enum ResourceKind: UntypedBlockKind {
    /// `type.name`.
    public static func address(type: String, name: String) -> ReferenceTarget { .resource(type: type, name: name) }
    /// A `.resource` element.
    public static func element(_ block: ResourceBlock) -> StackElement { .resource(block) }
    /// `false`.
    public static var isData: Bool { false }
}

/// The kind of ``DataSource``: a `data` block, addressed `data.type.name`.
public enum DataSourceKind: UntypedBlockKind {
    /// `data.type.name`.
    public static func address(type: String, name: String) -> ReferenceTarget { .data(type: type, name: name) }
    /// A `.data` element.
    public static func element(_ block: ResourceBlock) -> StackElement { .data(block) }
    /// `true`.
    public static var isData: Bool { true }
}

/// An untyped resource of any type: the escape hatch for types the generated layer lacks.
///
/// The secret rules still apply: validation looks its type up in the table of attributes the
/// AWS provider marks sensitive, so `Resource("aws_db_instance", "main", ["password": "…"])`
/// is the same error as the typed `AWSDBInstance`.
///
/// ```swift
/// Resource("aws_shield_protection", "api", ["name": "api", "resource_arn": lb.arn.expression])
/// ```
public typealias Resource = UntypedBlock<ResourceKind>

/// An untyped data source of any type.
///
/// ```swift
/// DataSource("aws_caller_identity", "current")
/// ```
public typealias DataSource = UntypedBlock<DataSourceKind>

/// A resource or data source whose Terraform type is a value, not a Swift type; use it as
/// ``Resource`` or ``DataSource``.
///
/// ```swift
/// let zone = DataSource("aws_route53_zone", "main", ["name": "example.com"])
/// let id: Expr<String> = zone.reference("zone_id")   // ${data.aws_route53_zone.main.zone_id}
/// ```
public struct UntypedBlock<Kind: UntypedBlockKind>: StackContent, TerraformAddressable, MetaArgumentCarrier,
    Hashable, Sendable
{
    /// Untyped blocks report their type per value (``type``, ``address``); this static is unused.
    public static var terraformType: String { "" }
    /// The Terraform type.
    public var type: String
    /// The local name.
    public var name: String
    /// The body.
    public var body: Block
    /// Meta-arguments.
    public var meta: MetaArguments

    /// Creates an untyped block of `type` named `name`.
    public init(
        _ type: String, _ name: String, _ attributes: [String: Expression] = [:], blocks: [String: [Block]] = [:]
    ) {
        self.type = type
        self.name = name
        self.body = Block(attributes, blocks: blocks)
        self.meta = MetaArguments()
    }

    /// The body.
    public func renderBody() -> Block { body }

    /// One `resource` or `data` block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        [
            Kind.element(
                ResourceBlock(
                    data: Kind.isData, type: type, name: name, body: body, meta: meta, parent: parent,
                    sensitiveAttributes: [], isUntyped: true))
        ]
    }

    /// The address: `type.name` for a resource, `data.type.name` for a data source.
    public var address: ReferenceTarget { Kind.address(type: type, name: name) }

    /// A reference to an attribute: `${type.name.attribute}` or `${data.type.name.attribute}`.
    public func reference<T>(_ attribute: String) -> Expr<T> {
        Expr(ref(attribute))
    }

    /// An untyped reference to an attribute, for use in untyped attribute maps.
    public func ref(_ attribute: String) -> Expression {
        .reference(address.traversal.appending([.attribute(attribute)]))
    }
}

extension UntypedBlock: TerraformResource where Kind == ResourceKind {}

extension UntypedBlock: TerraformDataSource where Kind == DataSourceKind {}
