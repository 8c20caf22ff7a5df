// The provider schema's block tree: a block has attributes and nested block types, each
// nested block type has a nesting mode and item limits. Mirrors the JSON exactly.

/// One attribute of a block.
package struct SchemaAttribute: Sendable {
    /// The Terraform attribute name.
    package var name: String
    /// The value type (nested attribute types fall back to `.dynamic`).
    package var type: SchemaType
    /// Schema description, when the provider ships one.
    package var description: String?
    package var required: Bool
    package var optional: Bool
    package var computed: Bool
    package var deprecated: Bool
    package var sensitive: Bool

    /// Computed and not settable: exposed only as a reference.
    package var isComputedOnly: Bool { computed && !optional && !required }
    /// Settable in configuration.
    package var isArgument: Bool { required || optional }
}

/// How a nested block repeats.
package enum NestingMode: String, Sendable {
    case single, group, list, set, map
}

/// One nested block type of a block.
package struct SchemaBlockType: Sendable {
    /// The block type name (`ingress`, `timeouts`).
    package var name: String
    package var nesting: NestingMode
    package var minItems: Int
    package var maxItems: Int?
    package var block: SchemaBlock

    /// Rendered as a single optional value rather than an array.
    package var isSingle: Bool { nesting == .single || nesting == .group || maxItems == 1 }
}

/// A block: the body of a resource, data source or nested block.
package struct SchemaBlock: Sendable {
    package var attributes: [SchemaAttribute]
    package var blockTypes: [SchemaBlockType]
    package var description: String?
    package var deprecated: Bool
}

/// One resource type or data source.
package struct SchemaEntry: Sendable {
    /// The Terraform type name (`aws_vpc`).
    package var type: String
    package var isDataSource: Bool
    package var block: SchemaBlock
}
