// The generator's intermediate representation: Swift-shaped types, properties and
// references, already named and deduplicated. The translate stage builds it from the
// schema; the render stage turns it into source text without making decisions.

/// How a property is stored and rendered.
enum PropertyKind: Equatable, Sendable {
    /// An attribute: `Expr<valueType>`, rendered with `Block.set`.
    case attribute(valueType: String)
    /// A nested block that occurs at most once: an optional (or required) nested struct.
    case singleBlock(typeName: String)
    /// A repeated nested block: an array of nested structs.
    case blockList(typeName: String)
    /// A nested block past the depth/size limits: typed JSON, `Expr<Value>`, rendered as an attribute.
    case blockFallback
}

/// One settable argument or nested block of a generated type.
struct PropertyModel: Sendable {
    /// Terraform name (`cidr_block`).
    var terraformName: String
    /// Swift stored property name, unescaped (`cidrBlock`, `nameAttribute`).
    var swiftName: String
    /// Initializer argument label (usually `swiftName`; `name` for a renamed `name`).
    var label: String
    var kind: PropertyKind
    /// Required in configuration: a non-optional initializer parameter.
    var isRequired: Bool
    /// Deprecated by the provider: kept out of the initializer, stored privately.
    var isDeprecated: Bool
    /// Doc comment lines (without `///`).
    var doc: [String]

    /// The Swift type of the stored property, without optionality.
    var swiftType: String {
        switch kind {
        case .attribute(let valueType): "Expr<\(valueType)>"
        case .singleBlock(let typeName): typeName
        case .blockList(let typeName): "[\(typeName)]"
        case .blockFallback: "Expr<Value>"
        }
    }
}

/// A typed reference property (`vpc.id`, `role.nameRef`).
struct ReferenceModel: Sendable {
    var terraformName: String
    var swiftName: String
    var valueType: String
    var isDeprecated: Bool
    var doc: [String]
}

/// A nested block struct, or a typealias to an identical one declared elsewhere.
struct NestedTypeModel: Sendable {
    var swiftName: String
    var terraformName: String
    var doc: [String]
    /// When set, the type is `typealias swiftName = aliasOf` (structural duplicate).
    var aliasOf: String?
    var properties: [PropertyModel]
    var nested: [NestedTypeModel]
}

/// One generated resource or data source.
struct TypeModel: Sendable {
    var terraformType: String
    var swiftName: String
    var isDataSource: Bool
    var doc: [String]
    var properties: [PropertyModel]
    var references: [ReferenceModel]
    var nested: [NestedTypeModel]
    /// Paths of the attributes the provider marks sensitive (`password`, `user.password`), sorted:
    /// arguments and computed attributes, through every nested block (past the depth limits too).
    var sensitiveAttributes: [String]
}

/// One output file: a service family's types.
struct FileModel: Sendable {
    /// Family name, used for the file name (`VPC` → `VPC.swift`).
    var family: String
    var types: [TypeModel]
}
