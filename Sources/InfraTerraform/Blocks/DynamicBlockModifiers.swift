// The `dynamic` modifier of typed resources and data sources. The nested block is named by
// a key path to the generated property (`\.taint`), so the content closure returns that
// generated type; the Terraform block type is found by rendering the body once with a probe
// element at that key path.

import InfraCore

extension TerraformResource {
    /// Adds `dynamic "<block>" { for_each = collection; content { … } }` for a repeatable nested
    /// block, the content typed as the generated block.
    ///
    /// ```swift
    /// AWSEKSNodeGroup(…).dynamic(\.taint, forEach: each.value.taints) { taint in
    ///     .init(effect: taint.value.effect, key: taint.value.key, value: taint.value.value)
    /// }
    /// // dynamic "taint" { for_each = each.value.taints; content { effect = taint.value.effect … } }
    /// ```
    ///
    /// - Parameters:
    ///   - block: the nested block's property, e.g. `\.taint`.
    ///   - collection: one block per element (a list, set, map or untyped value).
    ///   - iterator: the name the content reads the element by; `nil` uses the block type.
    ///   - content: the body of each block, built from the iterator.
    public func dynamic<C: TerraformIterable, B: BlockConvertible>(
        _ block: WritableKeyPath<Self, [B]?>, forEach collection: Expr<C>, iterator: String? = nil,
        content: (DynamicIterator<C>) -> B
    ) -> Self {
        let type = DynamicBlockProbe.type(of: self, render: { $0.renderBody() }) { probe in
            probe[keyPath: block] =
                (probe[keyPath: block] ?? []) + [content(DynamicIterator(name: DynamicBlockProbe.name))]
        }
        return adding(type: type, collection, iterator, content)
    }

    /// Adds a `dynamic` block for a required repeatable nested block.
    ///
    /// - Parameters:
    ///   - block: the nested block's property.
    ///   - collection: one block per element.
    ///   - iterator: the name the content reads the element by; `nil` uses the block type.
    ///   - content: the body of each block, built from the iterator.
    public func dynamic<C: TerraformIterable, B: BlockConvertible>(
        _ block: WritableKeyPath<Self, [B]>, forEach collection: Expr<C>, iterator: String? = nil,
        content: (DynamicIterator<C>) -> B
    ) -> Self {
        let type = DynamicBlockProbe.type(of: self, render: { $0.renderBody() }) { probe in
            probe[keyPath: block] += [content(DynamicIterator(name: DynamicBlockProbe.name))]
        }
        return adding(type: type, collection, iterator, content)
    }

    /// Adds a `dynamic` block for a nested block that appears at most once (0 or 1 elements).
    ///
    /// - Parameters:
    ///   - block: the nested block's property.
    ///   - collection: one block per element (at most one).
    ///   - iterator: the name the content reads the element by; `nil` uses the block type.
    ///   - content: the body of the block, built from the iterator.
    public func dynamic<C: TerraformIterable, B: BlockConvertible>(
        _ block: WritableKeyPath<Self, B?>, forEach collection: Expr<C>, iterator: String? = nil,
        content: (DynamicIterator<C>) -> B
    ) -> Self {
        let type = DynamicBlockProbe.type(of: self, render: { $0.renderBody() }) { probe in
            probe[keyPath: block] = content(DynamicIterator(name: DynamicBlockProbe.name))
        }
        return adding(type: type, collection, iterator, content)
    }

    /// Adds a `dynamic` block by Terraform block type, for blocks without a typed property.
    ///
    /// - Parameters:
    ///   - type: the nested block type, e.g. `ingress`.
    ///   - collection: one block per element.
    ///   - iterator: the name the content reads the element by; `nil` uses the block type.
    ///   - content: the body of each block, built from the iterator.
    public func dynamic<C: TerraformIterable, B: BlockConvertible>(
        _ type: String, forEach collection: Expr<C>, iterator: String? = nil, content: (DynamicIterator<C>) -> B
    ) -> Self {
        adding(type: type, collection, iterator, content)
    }

    private func adding<C: TerraformIterable, B: BlockConvertible>(
        type: String, _ collection: Expr<C>, _ iterator: String?, _ content: (DynamicIterator<C>) -> B
    ) -> Self {
        var copy = self
        copy.meta.dynamicBlocks.append(DynamicBlockProbe.block(type, collection, iterator, content))
        return copy
    }
}

extension TerraformDataSource {
    /// Adds `dynamic "<block>" { … }` for a repeatable nested block of a data source (e.g. `filter`).
    ///
    /// ```swift
    /// DataAWSAMI("base", …).dynamic(\.filter, forEach: filters) { f in .init(name: f.key, values: f.value) }
    /// ```
    ///
    /// - Parameters:
    ///   - block: the nested block's property, e.g. `\.filter`.
    ///   - collection: one block per element.
    ///   - iterator: the name the content reads the element by; `nil` uses the block type.
    ///   - content: the body of each block, built from the iterator.
    public func dynamic<C: TerraformIterable, B: BlockConvertible>(
        _ block: WritableKeyPath<Self, [B]?>, forEach collection: Expr<C>, iterator: String? = nil,
        content: (DynamicIterator<C>) -> B
    ) -> Self {
        let type = DynamicBlockProbe.type(of: self, render: { $0.renderBody() }) { probe in
            probe[keyPath: block] =
                (probe[keyPath: block] ?? []) + [content(DynamicIterator(name: DynamicBlockProbe.name))]
        }
        var copy = self
        copy.meta.dynamicBlocks.append(DynamicBlockProbe.block(type, collection, iterator, content))
        return copy
    }

    /// Adds a `dynamic` block by Terraform block type.
    ///
    /// - Parameters:
    ///   - type: the nested block type, e.g. `filter`.
    ///   - collection: one block per element.
    ///   - iterator: the name the content reads the element by; `nil` uses the block type.
    ///   - content: the body of each block, built from the iterator.
    public func dynamic<C: TerraformIterable, B: BlockConvertible>(
        _ type: String, forEach collection: Expr<C>, iterator: String? = nil, content: (DynamicIterator<C>) -> B
    ) -> Self {
        var copy = self
        copy.meta.dynamicBlocks.append(DynamicBlockProbe.block(type, collection, iterator, content))
        return copy
    }
}

/// Finds the Terraform block type behind a key path and builds dynamic blocks.
enum DynamicBlockProbe {
    /// The iterator name used while probing (never rendered).
    static let name = "\u{1}dynamic-probe"

    /// The block type whose nested blocks change when `insert` adds a probe element; `""`
    /// (reported by validation) if none does.
    static func type<S>(of value: S, render: (S) -> Block, insert: (inout S) -> Void) -> String {
        let before = render(value)
        var probe = value
        insert(&probe)
        let after = render(probe)
        return after.blocks.keys.sorted().first { after.blocks[$0] != before.blocks[$0] } ?? ""
    }

    /// The dynamic block of `type`, its content built with the real iterator name.
    static func block<C: TerraformIterable, B: BlockConvertible>(
        _ type: String, _ collection: Expr<C>, _ iterator: String?, _ content: (DynamicIterator<C>) -> B
    ) -> DynamicBlock {
        let body = content(DynamicIterator(name: iterator ?? type)).terraformBlock
        return DynamicBlock(type, forEach: collection.expression, iterator: iterator, content: body)
    }
}
