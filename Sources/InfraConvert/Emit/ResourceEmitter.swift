// Resources and data sources → Swift. A type the generated bindings declare becomes its
// typed initializer (`AWSVPC("main", cidrBlock: …)`), arguments in the initializer's order,
// nested blocks as `.init(…)` values, `dynamic` blocks as `.dynamic(\.block, forEach: …) { … }`
// (DynamicBlockEmitter.swift); what the initializer cannot take — deprecated or unknown
// arguments, `dynamic` blocks it cannot type — goes through `.override(…)` with a note. A type
// the bindings lack becomes an untyped `Resource`/`DataSource` and the report says so.

import InfraAWSBindings
import InfraHCL

extension ExpressionEmitter {
    /// The constructor call for a resource or data source, and the overrides it needs.
    mutating func resourceCall(
        _ resource: ResourceDeclaration, symbol: ResourceSymbol
    ) -> (
        call: SwiftCode, overrides: [SwiftCode]
    ) {
        if let model = symbol.model, let typed = typedCall(resource, model: model, schema: symbol.schema) {
            return typed
        }
        if symbol.model == nil {
            entries.append(
                ConversionReport.Entry(
                    kind: .untypedResource, subject: resource.address, location: resource.range.description,
                    message:
                        "the AWS bindings have no type \(resource.isData ? "data." : "")\(resource.type); written as untyped \(resource.isData ? "DataSource" : "Resource")"
                ))
        }
        return untypedCall(resource)
    }

    // MARK: Typed

    private mutating func typedCall(
        _ resource: ResourceDeclaration, model: TypeModel, schema: SchemaBlock?
    ) -> (
        call: SwiftCode, overrides: [SwiftCode]
    )? {
        guard
            let (arguments, overrides) = arguments(
                resource.body, properties: model.properties, nested: model.nested, schema: schema, path: "")
        else {
            entries.append(
                ConversionReport.Entry(
                    kind: .untypedResource, subject: resource.address, location: resource.range.description,
                    message: "a nested block has settings its generated type does not take or a `dynamic` block, or a "
                        + "required argument is missing (set only through `dynamic`); written untyped"))
            return nil
        }
        let call = SwiftCode.call(model.swiftName, [(nil, .text(resource.name.swiftLiteral))] + arguments)
        return (call, overrides)
    }

    /// Initializer arguments for a body, in the initializer's order, plus overrides for the rest.
    /// `nil` when a required argument is missing.
    private mutating func arguments(
        _ body: HCLBody, properties: [PropertyModel], nested: [NestedTypeModel], schema: SchemaBlock?, path: String
    ) -> ([(label: String?, value: SwiftCode)], [SwiftCode])? {
        let parameters = properties.filter { !$0.isDeprecated || $0.isRequired }
        let ordered = parameters.filter(\.isRequired) + parameters.filter { !$0.isRequired }
        var used: Set<String> = []
        var arguments: [(label: String?, value: SwiftCode)] = []
        for property in ordered {
            let attribute = body[attribute: property.terraformName]
            let blocks = body.blocks(ofType: property.terraformName)
            var value: SwiftCode?
            switch property.kind {
            case .attribute(let valueType):
                let target = SwiftType(valueType: valueType) ?? .value
                if let attribute {
                    if case .null = attribute.expression.kind { break }  // null is the same as not set
                    value = typedCode(attribute.expression, target)
                } else if !blocks.isEmpty {
                    // An attribute set with block syntax ("attributes as blocks", e.g. security group
                    // rules). As a JSON value every attribute of the object type must be present, so
                    // the ones the block leaves out are written as null, which is what blocks mean.
                    let members = Self.objectAttributes(schema, property.terraformName)
                    let objects = blocks.map {
                        SwiftCode.sequence([
                            .text("Expr<Value>("), blockObject($0.body, filling: members), .text(" as Expression)"),
                        ])
                    }
                    value = target.element != nil ? .array(objects) : objects[0]
                }
            case .singleBlock(let typeName):
                if let block = blocks.first, let nestedModel = nested.first(where: { $0.swiftName == typeName }) {
                    guard
                        let call = nestedCall(
                            block.body, model: nestedModel, schema: Self.blockSchema(schema, property.terraformName),
                            path: path + property.terraformName)
                    else { return nil }
                    value = call
                } else if let attribute {
                    value = .sequence([
                        .text("Expr<Value>("), untypedCode(attribute.expression), .text(" as Expression)"),
                    ])
                    if case .object = attribute.expression.kind {
                        // JSON syntax may give a block as an object: build the struct from it.
                        if let nestedModel = nested.first(where: { $0.swiftName == typeName }),
                            let call = nestedCall(
                                objectBody(attribute.expression), model: nestedModel,
                                schema: Self.blockSchema(schema, property.terraformName), path: path)
                        {
                            value = call
                        }
                    }
                }
            case .blockList(let typeName):
                if !blocks.isEmpty, let nestedModel = nested.first(where: { $0.swiftName == typeName }) {
                    var calls: [SwiftCode] = []
                    for block in blocks {
                        guard
                            let call = nestedCall(
                                block.body, model: nestedModel,
                                schema: Self.blockSchema(schema, property.terraformName),
                                path: path + property.terraformName)
                        else { return nil }
                        calls.append(call)
                    }
                    value = .array(calls)
                }
            case .nestedAttribute:
                return nil  // nested attribute types (no AWS type has one) stay untyped
            case .blockFallback:
                if !blocks.isEmpty {
                    let objects = blocks.map { blockObject($0.body) }
                    let json = objects.count == 1 ? objects[0] : .array(objects)
                    value = .sequence([.text("Expr<Value>("), json, .text(" as Expression)")])
                } else if let attribute {
                    value = .sequence([
                        .text("Expr<Value>("), untypedCode(attribute.expression), .text(" as Expression)"),
                    ])
                }
            }
            if let value {
                arguments.append(
                    (["inout", "var", "let"].contains(property.label) ? "`\(property.label)`" : property.label, value))
                used.insert(property.terraformName)
            } else if property.isRequired {
                return nil
            }
        }
        var overrides: [SwiftCode] = []
        for attribute in body.attributes where !used.contains(attribute.name) {
            if case .null = attribute.expression.kind { continue }  // null is the same as not set
            let deprecated = properties.contains { $0.terraformName == attribute.name && $0.isDeprecated }
            overrides.append(override(path + attribute.name, untypedCode(attribute.expression)))
            let why = deprecated ? "deprecated by the AWS provider" : "not in the AWS provider schema of \(subject)"
            overrideNote(path + attribute.name, why, attribute.range)
        }
        var seenBlockTypes: Set<String> = []
        for block in body.blocks where block.type != "dynamic" && !used.contains(block.type) {
            guard seenBlockTypes.insert(block.type).inserted else { continue }
            let all = body.blocks(ofType: block.type).map { blockObject($0.body) }
            overrides.append(override(path + block.type, all.count == 1 ? all[0] : .array(all)))
            overrideNote(path + block.type, "a nested block the generated type does not take", block.range)
        }
        for block in body.blocks where block.type == "dynamic" {
            guard let type = block.labels.first else { continue }
            if !path.isEmpty {
                // The generated nested types hold no `dynamic` blocks (only resources and data sources do):
                // the resource is written untyped, where a nested block keeps its `dynamic` member as
                // Terraform's JSON syntax has it (`untypedBlock`), and the typed call reports why.
                return nil
            }
            if let modifier = typedDynamic(block, type: type, properties: properties, nested: nested, schema: schema) {
                overrides.append(modifier)
                continue
            }
            overrides.append(override("dynamic." + type, dynamicObject(block)))
            overrideNote("dynamic." + type, "a `dynamic` block", block.range)
        }
        return (arguments, overrides)
    }

    /// `.init(…)` for a nested block.
    mutating func nestedCall(
        _ body: HCLBody, model: NestedTypeModel, schema: SchemaBlock?, path: String
    )
        -> SwiftCode?
    {
        // Overrides address the rendered object by path; inside a nested block (an object or a list
        // element) there is no stable path, so a nested block with extra settings makes the resource untyped.
        guard
            let (arguments, overrides) = arguments(
                body, properties: model.properties, nested: model.nested, schema: schema, path: path + ".")
        else { return nil }
        guard overrides.isEmpty else { return nil }
        return .call(".init", arguments)
    }

    private mutating func override(_ path: String, _ value: SwiftCode) -> SwiftCode {
        .call("override", [(nil, .text(path.swiftLiteral)), (nil, value)])
    }

    private mutating func overrideNote(_ path: String, _ why: String, _ range: SourceRange) {
        notes.append("convert: `\(path)` is \(why): written with .override")
        entries.append(
            ConversionReport.Entry(
                kind: .override, subject: subject, location: range.description,
                message: "`\(path)` is \(why); written with `.override`"))
    }

    /// The schema block of a nested block type.
    static func blockSchema(_ schema: SchemaBlock?, _ name: String) -> SchemaBlock? {
        schema?.blockTypes.first { $0.name == name }?.block
    }

    /// The attribute names of an attribute whose type is a list or set of objects.
    static func objectAttributes(_ schema: SchemaBlock?, _ name: String) -> [String] {
        guard let attribute = schema?.attributes.first(where: { $0.name == name }) else { return [] }
        switch attribute.type {
        case .list(.object(let members)), .set(.object(let members)), .object(let members): return members.keys.sorted()
        default: return []
        }
    }

    /// A nested block's body as an untyped object literal (nested blocks as lists of objects);
    /// `filling` names attributes to write as null when the body does not set them.
    mutating func blockObject(_ body: HCLBody, filling: [String] = []) -> SwiftCode {
        var members: [(key: String, value: SwiftCode)] = []
        for attribute in body.attributes {
            members.append((attribute.name.swiftLiteral, untypedCode(attribute.expression)))
        }
        for name in filling where body[attribute: name] == nil && body.blocks(ofType: name).isEmpty {
            members.append((name.swiftLiteral, .text("nil")))
        }
        var seen: Set<String> = []
        for block in body.blocks where block.type != "dynamic" && seen.insert(block.type).inserted {
            members.append(
                (block.type.swiftLiteral, .array(body.blocks(ofType: block.type).map { blockObject($0.body) })))
        }
        if let dynamic = dynamicMember(body) { members.append(("\"dynamic\"", dynamic)) }
        return .dictionary(members)
    }

    /// A body's `dynamic` blocks as Terraform's JSON syntax writes them inside a block object:
    /// `"dynamic": {"<type>": {for_each, iterator, content}}` (a list when one type repeats); `nil`
    /// when the body has none.
    private mutating func dynamicMember(_ body: HCLBody) -> SwiftCode? {
        var types: [String] = []
        var byType: [String: [SwiftCode]] = [:]
        for block in body.blocks where block.type == "dynamic" {
            guard let type = block.labels.first else { continue }
            if byType[type] == nil { types.append(type) }
            byType[type, default: []].append(dynamicObject(block))
            notes.append(
                "convert: `dynamic \"\(type)\"` inside a nested block is written in Terraform's JSON form (\(block.range))"
            )
        }
        guard !types.isEmpty else { return nil }
        return .dictionary(
            types.map { type in
                let objects = byType[type] ?? []
                return (type.swiftLiteral, objects.count == 1 ? objects[0] : .array(objects))
            })
    }

    /// An object expression read as a body (JSON syntax blocks given as objects).
    private func objectBody(_ expression: HCLExpression) -> HCLBody {
        guard case .object(let items) = expression.kind else {
            return HCLBody(attributes: [], blocks: [], range: expression.range)
        }
        let attributes = items.compactMap { item -> HCLAttribute? in
            guard let key = Self.literalKeys([item])?.first else { return nil }
            return HCLAttribute(name: key, nameRange: item.keyRange, expression: item.value, range: item.keyRange)
        }
        return HCLBody(attributes: attributes, blocks: [], range: expression.range)
    }

    /// `{for_each = …, iterator = …, content = {…}}` for a `dynamic` block (Terraform's JSON form).
    private mutating func dynamicObject(_ block: HCLBlock) -> SwiftCode {
        var members: [(key: String, value: SwiftCode)] = []
        for attribute in block.body.attributes {
            if attribute.name == "iterator", case .variable(let name) = attribute.expression.kind {
                members.append(("\"iterator\"", .text(name.swiftLiteral)))
            } else {
                members.append((attribute.name.swiftLiteral, untypedCode(attribute.expression)))
            }
        }
        if let content = block.body.blocks(ofType: "content").first {
            members.append(("\"content\"", blockObject(content.body)))
        }
        return .dictionary(members)
    }

    // MARK: Untyped

    private mutating func untypedCall(_ resource: ResourceDeclaration) -> (call: SwiftCode, overrides: [SwiftCode]) {
        var attributes: [(key: String, value: SwiftCode)] = []
        for attribute in resource.body.attributes {
            attributes.append((attribute.name.swiftLiteral, untypedCode(attribute.expression)))
        }
        var blocks: [(key: String, value: SwiftCode)] = []
        var seen: Set<String> = []
        var overrides: [SwiftCode] = []
        for block in resource.body.blocks where seen.insert(block.type).inserted {
            if block.type == "dynamic" { continue }
            let list = resource.body.blocks(ofType: block.type).map { untypedBlock($0.body) }
            blocks.append((block.type.swiftLiteral, .array(list)))
        }
        for block in resource.body.blocks where block.type == "dynamic" {
            guard let type = block.labels.first else { continue }
            overrides.append(override("dynamic." + type, dynamicObject(block)))
            overrideNote("dynamic." + type, "a `dynamic` block", block.range)
        }
        var arguments: [(label: String?, value: SwiftCode)] = [
            (nil, .text(resource.type.swiftLiteral)), (nil, .text(resource.name.swiftLiteral)),
        ]
        if !attributes.isEmpty || !blocks.isEmpty { arguments.append((nil, .dictionary(attributes))) }
        if !blocks.isEmpty { arguments.append(("blocks", .dictionary(blocks))) }
        return (.call(resource.isData ? "DataSource" : "Resource", arguments), overrides)
    }

    /// `Block([...], blocks: [...])` for a nested block of an untyped resource.
    private mutating func untypedBlock(_ body: HCLBody) -> SwiftCode {
        let attributes = body.attributes.map { (key: $0.name.swiftLiteral, value: untypedCode($0.expression)) }
        var blocks: [(key: String, value: SwiftCode)] = []
        var seen: Set<String> = []
        for block in body.blocks where block.type != "dynamic" && seen.insert(block.type).inserted {
            blocks.append(
                (block.type.swiftLiteral, .array(body.blocks(ofType: block.type).map { untypedBlock($0.body) })))
        }
        // `dynamic` blocks inside a nested block: `DynamicBlock` values of the untyped block.
        var dynamicBlocks: [SwiftCode] = []
        for block in body.blocks where block.type == "dynamic" {
            guard let type = block.labels.first else { continue }
            var arguments: [(label: String?, value: SwiftCode)] = [(nil, .text(type.swiftLiteral))]
            arguments.append(
                ("forEach", block.body[attribute: "for_each"].map { untypedCode($0.expression) } ?? .text("[]")))
            if let iterator = block.body[attribute: "iterator"], case .variable(let name) = iterator.expression.kind {
                arguments.append(("iterator", .text(name.swiftLiteral)))
            }
            let content = block.body.blocks(ofType: "content").first?.body
            arguments.append(("content", content.map { untypedBlock($0) } ?? .text("Block()")))
            dynamicBlocks.append(.call("DynamicBlock", arguments))
            notes.append(
                "convert: `dynamic \"\(type)\"` inside a nested block is an untyped DynamicBlock (\(block.range))")
        }
        var arguments: [(label: String?, value: SwiftCode)] = [(nil, .dictionary(attributes))]
        if !blocks.isEmpty { arguments.append(("blocks", .dictionary(blocks))) }
        if !dynamicBlocks.isEmpty { arguments.append(("dynamicBlocks", .array(dynamicBlocks))) }
        return .call("Block", arguments)
    }
}
