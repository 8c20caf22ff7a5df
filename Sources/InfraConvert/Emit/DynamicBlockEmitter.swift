// `dynamic "tag" { for_each = …; iterator = …; content { … } }` in a typed resource → the
// library's typed modifier: `.dynamic(\.tag, forEach: tags.value) { tag in .init(key: tag.key, …) }`,
// the content written as the generated nested block with the iterator bound (`tag.value` is
// typed by the collection). Attributes written as blocks (`ingress` of `aws_security_group`)
// have no nested type: their content is a `Block` of untyped attributes. What cannot be said
// this way (other arguments than `for_each`/`iterator`, a content the nested type does not
// take) stays an `.override`.

import InfraAWSBindings
import InfraHCL

extension ExpressionEmitter {
    /// The `.dynamic(…) { … }` modifier for a top-level `dynamic` block of a typed resource, or
    /// `nil` when it has no typed form.
    mutating func typedDynamic(
        _ block: HCLBlock, type: String, properties: [PropertyModel], nested: [NestedTypeModel], schema: SchemaBlock?
    ) -> SwiftCode? {
        guard block.labels.count == 1, let forEach = block.body[attribute: "for_each"],
            block.body.attributes.allSatisfy({ ["for_each", "iterator"].contains($0.name) }),
            block.body.blocks.count == 1, let content = block.body.blocks.first, content.type == "content",
            let property = properties.first(where: { $0.terraformName == type }), !property.isDeprecated
        else { return nil }
        var iterator: String?
        if let attribute = block.body[attribute: "iterator"] {
            guard case .variable(let name) = attribute.expression.kind else { return nil }
            iterator = name
        }
        let saved = (notes, entries, bindings)
        defer { bindings = saved.2 }
        guard
            let modifier = dynamicModifier(
                forEach: forEach.expression, iterator: iterator, type: type, content: content.body,
                property: property, nested: nested, schema: schema)
        else {
            (notes, entries) = (saved.0, saved.1)
            return nil
        }
        return modifier
    }

    private mutating func dynamicModifier(
        forEach: HCLExpression, iterator: String?, type blockType: String, content: HCLBody, property: PropertyModel,
        nested: [NestedTypeModel], schema: SchemaBlock?
    ) -> SwiftCode? {
        // The collection: typed when the converter knows its type, else walked as `Value`.
        var collectionType = type(of: forEach) ?? .value
        if Self.iterationTypes(collectionType) == nil { collectionType = .value }
        guard let (keyType, valueType) = Self.iterationTypes(collectionType) else { return nil }
        let collectionCode = Self.pinnedCollection(typed(forEach, collectionType), collectionType, forEach)
        if collectionCode.hasPrefix("Expr<\(collectionType)>.raw(") { return nil }

        let iteratorName = iterator ?? blockType
        let identifier = bindingIdentifier(iteratorName)
        bindings[iteratorName] = .iterator(identifier: identifier, key: keyType, value: valueType)

        let body: SwiftCode
        let target: String
        switch property.kind {
        case .blockList(let typeName), .singleBlock(let typeName):
            // The key path forms: `[B]?`, `[B]` and `B?` on resources, `[B]?` on data sources.
            if case .singleBlock = property.kind, property.isRequired || subject.hasPrefix("data.") { return nil }
            if case .blockList = property.kind, property.isRequired, subject.hasPrefix("data.") { return nil }
            guard let model = nested.first(where: { $0.swiftName == typeName }),
                let call = nestedCall(
                    content, model: model, schema: Self.blockSchema(schema, blockType), path: blockType)
            else { return nil }
            body = call
            target = "\\." + Naming.escaped(property.swiftName)
        case .attribute:
            // An attribute written as blocks: the content has no generated type.
            guard content.blocks.isEmpty else { return nil }
            let members = content.attributes.map { (key: $0.name.swiftLiteral, value: untypedCode($0.expression)) }
            body = .call("Block", [(nil, .dictionary(members))])
            target = blockType.swiftLiteral
        default:
            return nil
        }
        var arguments: [(label: String?, value: SwiftCode)] = [
            (nil, .text(target)), ("forEach", .text(collectionCode)),
        ]
        if let iterator { arguments.append(("iterator", .text(iterator.swiftLiteral))) }
        return .closure(.call("dynamic", arguments), parameters: identifier, body: body)
    }
}
