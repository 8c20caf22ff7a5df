// `dynamic "x" { for_each = …; iterator = …; content { … } }`: nested blocks generated from a
// collection. The content is an ordinary block body whose expressions may read the iterator
// (`taint.value.key`); validation treats the iterator as a local name inside the content.

import InfraCore

/// A `dynamic` block: one nested block of type `type` per element of `forEach`.
///
/// Typed resources add them with `.dynamic(\.taint, forEach: …) { taint in … }` (the content is
/// the generated nested block type); a ``Block`` takes them with ``Block/appendDynamic(_:)``.
///
/// ```swift
/// DynamicBlock("ingress", forEach: Expression.reference("var", "rules"),
///              content: Block(["from_port": Expression.reference("ingress", "value", "port")]))
/// ```
public struct DynamicBlock: Sendable, Hashable {
    /// The nested block type generated, e.g. `taint`.
    public var type: String
    /// The collection: one block per element.
    public var forEach: Expression
    /// The iterator's name; `nil` uses the block type (`taint.key`, `taint.value`).
    public var iterator: String?
    /// The body of each generated block.
    public var content: Block

    /// Creates a dynamic block.
    public init(_ type: String, forEach: Expression, iterator: String? = nil, content: Block) {
        self.type = type
        self.forEach = forEach
        self.iterator = iterator
        self.content = content
    }

    /// The name the content uses for the current element.
    public var iteratorName: String { iterator ?? type }

    /// `{"for_each": …, "iterator": …, "content": {…}}` as Terraform JSON writes it under `"dynamic"`.
    public var jsonValue: Value {
        var o = ValueObject()
        o["for_each"] = forEach.jsonValue
        if let iterator { o["iterator"] = .string(iterator) }
        o["content"] = content.jsonValue
        return .object(o)
    }
}

/// The typed `key` and `value` of a dynamic block's iterator, by the collection's type: a list
/// gives the index and element, a map the key and value, `Value` untyped ones.
///
/// ```swift
/// .dynamic(\.taint, forEach: taints) { taint in .init(effect: taint.value.effect, key: taint.value.key) }
/// ```
public struct DynamicIterator<C: TerraformIterable>: Sendable {
    /// The iterator's name, e.g. `taint`.
    public var name: String

    /// An iterator called `name`.
    public init(name: String) {
        self.name = name
    }

    /// `<iterator>.key`: the element's index (list) or key (map).
    public var key: Expr<C.IterationKey> { Expr(.reference(name, "key")) }

    /// `<iterator>.value`: the element.
    public var value: Expr<C.IterationValue> { Expr(.reference(name, "value")) }
}
