// The provider schema's block tree: a block has attributes and nested block types, each
// nested block type has a nesting mode and item limits. Mirrors the JSON exactly.

/// One attribute of a block.
struct SchemaAttribute: Sendable {
    /// The Terraform attribute name.
    var name: String
    /// The value type (nested attribute types fall back to `.dynamic`).
    var type: SchemaType
    /// Schema description, when the provider ships one.
    var description: String?
    var required: Bool
    var optional: Bool
    var computed: Bool
    var deprecated: Bool
    var sensitive: Bool

    /// Computed and not settable: exposed only as a reference.
    var isComputedOnly: Bool { computed && !optional && !required }
    /// Settable in configuration.
    var isArgument: Bool { required || optional }
}

/// How a nested block repeats.
enum NestingMode: String, Sendable {
    case single, group, list, set, map
}

/// One nested block type of a block.
struct SchemaBlockType: Sendable {
    /// The block type name (`ingress`, `timeouts`).
    var name: String
    var nesting: NestingMode
    var minItems: Int
    var maxItems: Int?
    var block: SchemaBlock

    /// Rendered as a single optional value rather than an array.
    var isSingle: Bool { nesting == .single || nesting == .group || maxItems == 1 }
}

/// A block: the body of a resource, data source or nested block.
struct SchemaBlock: Sendable {
    var attributes: [SchemaAttribute]
    var blockTypes: [SchemaBlockType]
    var description: String?
    var deprecated: Bool
}

/// One resource type or data source.
struct SchemaEntry: Sendable {
    /// The Terraform type name (`aws_vpc`).
    var type: String
    var isDataSource: Bool
    var block: SchemaBlock
}
