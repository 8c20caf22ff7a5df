// The body of a resource, data source, provider or nested block: attributes (expressions)
// and nested blocks. Kept separate so the JSON and HCL renderers can tell
// `tags = {…}` (an attribute) from `ingress {…}` (a block).

import InfraCore

/// The body of a Terraform block: attributes and nested blocks, keyed by Terraform name.
///
/// ```swift
/// var body = Block()
/// body["cidr_block"] = "10.0.0.0/16"
/// body.appendBlock("timeouts", Block(["create": "30m"]))
/// ```
public struct Block: Sendable, Hashable {
    /// Attributes by Terraform name.
    public var attributes: [String: Expression]
    /// Nested blocks by block type, in declaration order within a type.
    public var blocks: [String: [Block]]
    /// `dynamic` blocks, in declaration order.
    public var dynamicBlocks: [DynamicBlock]

    /// Creates a body.
    public init(
        _ attributes: [String: Expression] = [:], blocks: [String: [Block]] = [:], dynamicBlocks: [DynamicBlock] = []
    ) {
        self.attributes = attributes
        self.blocks = blocks
        self.dynamicBlocks = dynamicBlocks
    }

    /// Reads or writes an attribute; writing `nil` removes it.
    public subscript(attribute name: String) -> Expression? {
        get { attributes[name] }
        set { attributes[name] = newValue }
    }

    /// Reads or writes an attribute; writing `nil` removes it.
    public subscript(name: String) -> Expression? {
        get { attributes[name] }
        set { attributes[name] = newValue }
    }

    /// Sets a typed attribute when it has a value.
    public mutating func set<T>(_ name: String, _ value: Expr<T>?) {
        if let value { attributes[name] = value.expression }
    }

    /// Appends a nested block of type `type`.
    public mutating func appendBlock(_ type: String, _ block: Block) {
        blocks[type, default: []].append(block)
    }

    /// Appends a nested block converted from a typed value when it is present.
    public mutating func appendBlock(_ type: String, _ block: (some BlockConvertible)?) {
        if let block { blocks[type, default: []].append(block.terraformBlock) }
    }

    /// Appends each nested block converted from typed values.
    public mutating func appendBlocks(_ type: String, _ list: [some BlockConvertible]?) {
        guard let list, !list.isEmpty else { return }
        blocks[type, default: []].append(contentsOf: list.map(\.terraformBlock))
    }

    /// Appends a `dynamic` block.
    public mutating func appendDynamic(_ block: DynamicBlock) {
        dynamicBlocks.append(block)
    }

    /// Whether the body is empty.
    public var isEmpty: Bool { attributes.isEmpty && blocks.isEmpty && dynamicBlocks.isEmpty }

    /// The body as a Terraform JSON object: attributes and blocks sorted by name; a block
    /// type with one block is an object, with several an array of objects.
    public var jsonValue: Value {
        var members: [ValueObject.Member] = []
        members.reserveCapacity(attributes.count + blocks.count)
        for (name, expression) in attributes {
            members.append(.init(key: name, value: expression.jsonValue))
        }
        for (type, list) in blocks {
            let value: Value = list.count == 1 ? list[0].jsonValue : .array(list.map(\.jsonValue))
            members.append(.init(key: type, value: value))
        }
        if !dynamicBlocks.isEmpty { members.append(.init(key: "dynamic", value: dynamicJSONValue)) }
        members.sort { $0.key < $1.key }
        return .object(ValueObject(uniqueMembers: members))
    }

    /// `{"taint": {…}}` (several of one type: an array), as Terraform JSON writes `dynamic` blocks.
    private var dynamicJSONValue: Value {
        var types: [String] = []
        var byType: [String: [Value]] = [:]
        for block in dynamicBlocks {
            if byType[block.type] == nil { types.append(block.type) }
            byType[block.type, default: []].append(block.jsonValue)
        }
        return .object(
            ValueObject(
                types.sorted().map { type in
                    let list = byType[type] ?? []
                    return (type, list.count == 1 ? list[0] : .array(list))
                }))
    }

    /// Every traversal in attributes, nested blocks and dynamic blocks; a dynamic block's
    /// iterator is a local name inside its content.
    public var traversals: [Traversal] {
        var result: [Traversal] = []
        collectTraversals(into: &result, bound: [])
        return result
    }

    func collectTraversals(into result: inout [Traversal], bound: Set<String>) {
        for expression in attributes.values { expression.node.collectTraversals(into: &result, bound: bound) }
        for list in blocks.values { for block in list { block.collectTraversals(into: &result, bound: bound) } }
        for dynamic in dynamicBlocks {
            dynamic.forEach.node.collectTraversals(into: &result, bound: bound)
            dynamic.content.collectTraversals(into: &result, bound: bound.union([dynamic.iteratorName]))
        }
    }
}

/// A typed value that renders to a nested ``Block`` (generated nested block types conform).
public protocol BlockConvertible: Sendable {
    /// The block body.
    var terraformBlock: Block { get }
}

extension Block: BlockConvertible {
    /// The block itself.
    public var terraformBlock: Block { self }
}
