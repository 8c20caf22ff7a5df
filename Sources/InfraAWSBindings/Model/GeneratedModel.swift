// The generator's intermediate representation: Swift-shaped types, properties and
// references, already named and deduplicated. The translate stage builds it from the
// schema; the render stage turns it into source text without making decisions.

/// How a property is stored and rendered.
package enum PropertyKind: Equatable, Sendable {
    /// An attribute: `Expr<valueType>`, rendered with `Block.set`.
    case attribute(valueType: String)
    /// A nested block that occurs at most once: an optional (or required) nested struct.
    case singleBlock(typeName: String)
    /// A repeated nested block: an array of nested structs.
    case blockList(typeName: String)
    /// A nested block past the depth/size limits: typed JSON, `Expr<Value>`, rendered as an attribute.
    case blockFallback
    /// An attribute with a nested type (`nested_type`): a struct (`single`), an array of structs
    /// (`list`, `set`) or a dictionary of structs (`map`), rendered as an object-valued attribute.
    case nestedAttribute(typeName: String, nesting: NestingMode)
}

/// One settable argument or nested block of a generated type.
package struct PropertyModel: Sendable {
    /// Terraform name (`cidr_block`).
    package var terraformName: String
    /// Swift stored property name, unescaped (`cidrBlock`, `nameAttribute`).
    package var swiftName: String
    /// Initializer argument label (usually `swiftName`; `name` for a renamed `name`).
    package var label: String
    package var kind: PropertyKind
    /// Required in configuration: a non-optional initializer parameter.
    package var isRequired: Bool
    /// Deprecated by the provider: kept out of the initializer, stored privately.
    package var isDeprecated: Bool
    /// Doc comment lines (without `///`).
    package var doc: [String]

    /// The Swift type of the stored property, without optionality.
    package var swiftType: String {
        switch kind {
        case .attribute(let valueType): "Expr<\(valueType)>"
        case .singleBlock(let typeName): typeName
        case .blockList(let typeName): "[\(typeName)]"
        case .blockFallback: "Expr<Value>"
        case .nestedAttribute(let typeName, .map): "[String: \(typeName)]"
        case .nestedAttribute(let typeName, .list), .nestedAttribute(let typeName, .set): "[\(typeName)]"
        case .nestedAttribute(let typeName, _): typeName
        }
    }
}

/// A typed reference property (`vpc.id`, `role.nameRef`).
package struct ReferenceModel: Sendable {
    package var terraformName: String
    package var swiftName: String
    package var valueType: String
    package var isDeprecated: Bool
    package var doc: [String]
}

/// A nested block struct, or a typealias to an identical one declared elsewhere.
package struct NestedTypeModel: Sendable {
    package var swiftName: String
    package var terraformName: String
    package var doc: [String]
    /// When set, the type is `typealias swiftName = aliasOf` (structural duplicate).
    package var aliasOf: String?
    package var properties: [PropertyModel]
    package var nested: [NestedTypeModel]
    /// The object of a nested attribute type (rendered as a value), not a nested block.
    package var isAttributeObject = false
}

/// One generated resource or data source.
package struct TypeModel: Sendable {
    package var terraformType: String
    package var swiftName: String
    package var isDataSource: Bool
    package var doc: [String]
    package var properties: [PropertyModel]
    package var references: [ReferenceModel]
    package var nested: [NestedTypeModel]
    /// Paths of the attributes the provider marks sensitive (`password`, `user.password`), sorted:
    /// arguments and computed attributes, through every nested block (past the depth limits too).
    package var sensitiveAttributes: [String]
}

/// One output file: a service family's types.
package struct FileModel: Sendable {
    /// Family name, used for the file name (`VPC` → `VPC.swift`).
    package var family: String
    package var types: [TypeModel]
}
