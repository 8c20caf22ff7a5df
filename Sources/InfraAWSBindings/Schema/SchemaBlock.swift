// The provider schema's block tree: a block has attributes and nested block types, each
// nested block type has a nesting mode and item limits; an attribute may have a nested type
// (protocol 6 `nested_type`: an object, or a list, set or map of objects). Mirrors the JSON.

/// One attribute of a block.
package struct SchemaAttribute: Sendable {
    /// The Terraform attribute name.
    package var name: String
    /// The value type (`.dynamic` for an attribute with a ``nested`` type).
    package var type: SchemaType
    /// Schema description, when the provider ships one.
    package var description: String?
    package var required: Bool
    package var optional: Bool
    package var computed: Bool
    package var deprecated: Bool
    package var sensitive: Bool
    /// The attribute's nested type (`nested_type`), when its value is an object or a collection of objects.
    package var nested: SchemaNestedType? = nil

    /// Computed and not settable: exposed only as a reference.
    package var isComputedOnly: Bool { computed && !optional && !required }
    /// Settable in configuration.
    package var isArgument: Bool { required || optional }
}

/// The `nested_type` of an attribute: object attributes and how the objects repeat
/// (`single`: one object, `list`/`set`: an array of objects, `map`: objects by key).
package struct SchemaNestedType: Sendable {
    package var nesting: NestingMode
    package var attributes: [SchemaAttribute]
}

/// How a nested block (or a nested attribute type) repeats.
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

    package init(
        attributes: [SchemaAttribute], blockTypes: [SchemaBlockType], description: String? = nil,
        deprecated: Bool = false
    ) {
        self.attributes = attributes
        self.blockTypes = blockTypes
        self.description = description
        self.deprecated = deprecated
    }
}

/// One resource type or data source.
package struct SchemaEntry: Sendable {
    /// The Terraform type name (`aws_vpc`).
    package var type: String
    package var isDataSource: Bool
    package var block: SchemaBlock

    package init(type: String, isDataSource: Bool, block: SchemaBlock) {
        self.type = type
        self.isDataSource = isDataSource
        self.block = block
    }
}
