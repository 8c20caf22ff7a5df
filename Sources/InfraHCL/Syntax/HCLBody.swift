// The structural language: a body holds attributes (`name = expression`) and blocks
// (`type "label" { body }`), each with the range it came from.

/// A body: the top level of a file or the inside of a block.
///
/// ```swift
/// let file = HCLParser.parse(source, file: "main.tf")
/// for block in file.body.blocks where block.type == "resource" { print(block.labels) }
/// ```
public struct HCLBody: Sendable, Hashable {
    /// The attributes, in source order.
    public var attributes: [HCLAttribute]
    /// The blocks, in source order.
    public var blocks: [HCLBlock]
    /// From the first item to the closing brace (or the end of the file).
    public var range: SourceRange

    /// Creates a body.
    public init(attributes: [HCLAttribute], blocks: [HCLBlock], range: SourceRange) {
        self.attributes = attributes
        self.blocks = blocks
        self.range = range
    }

    /// The attribute called `name`.
    public subscript(attribute name: String) -> HCLAttribute? {
        attributes.first { $0.name == name }
    }

    /// The blocks of type `type`.
    public func blocks(ofType type: String) -> [HCLBlock] {
        blocks.filter { $0.type == type }
    }
}

/// `name = expression`.
public struct HCLAttribute: Sendable, Hashable {
    /// The attribute name.
    public var name: String
    /// The name's range.
    public var nameRange: SourceRange
    /// The value.
    public var expression: HCLExpression
    /// The whole definition.
    public var range: SourceRange

    /// Creates an attribute.
    public init(name: String, nameRange: SourceRange, expression: HCLExpression, range: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.expression = expression
        self.range = range
    }
}

/// `type "label" … { body }`.
public struct HCLBlock: Sendable, Hashable {
    /// The block type (`resource`, `ingress`).
    public var type: String
    /// The labels (`"aws_vpc"`, `"main"`), quoted or bare.
    public var labels: [String]
    /// The body.
    public var body: HCLBody
    /// The type and labels: where a diagnostic about the block points.
    public var headerRange: SourceRange
    /// The whole block.
    public var range: SourceRange

    /// Creates a block.
    public init(type: String, labels: [String], body: HCLBody, headerRange: SourceRange, range: SourceRange) {
        self.type = type
        self.labels = labels
        self.body = body
        self.headerRange = headerRange
        self.range = range
    }
}
