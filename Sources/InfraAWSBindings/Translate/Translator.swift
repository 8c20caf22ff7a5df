// Schema → IR. Decides Swift names, Expr<T> types, optional vs required, single vs
// repeated nested blocks, the depth/size fallback to `Expr<Value>`, and deduplicates
// structurally identical nested block types (later copies become typealiases).

/// Translates schema entries of one output module into ``TypeModel``s.
package struct Translator {
    /// Nested blocks deeper than this become `Expr<Value>` (top-level blocks have depth 1).
    package var maxDepth: Int
    /// A nested block whose subtree has more attributes than this becomes `Expr<Value>`.
    package var maxSubtreeAttributes: Int
    /// The provider version, for deprecation messages.
    package var providerVersion: String
    /// Structure signature → qualified Swift name of the first declaration (module-wide).
    private var canonical: [String: String] = [:]

    package init(maxDepth: Int = 3, maxSubtreeAttributes: Int = 120, providerVersion: String) {
        self.maxDepth = maxDepth
        self.maxSubtreeAttributes = maxSubtreeAttributes
        self.providerVersion = providerVersion
    }

    /// Translates one resource or data source.
    package mutating func translate(_ entry: SchemaEntry) throws -> TypeModel {
        let swiftName = Naming.topLevelType(entry.type, dataSource: entry.isDataSource)
        var properties: [PropertyModel] = []
        var references: [ReferenceModel] = []
        for attribute in entry.block.attributes {
            let valueType = Self.valueType(attribute.type)
            let base = Naming.property(attribute.name)
            let isArgument = attribute.isArgument && !(attribute.name == "id" && !entry.isDataSource)
            if isArgument {
                let stored = Naming.reservedMembers.contains(base) ? base + "Attribute" : base
                properties.append(
                    PropertyModel(
                        terraformName: attribute.name, swiftName: stored, label: base,
                        kind: .attribute(valueType: valueType), isRequired: attribute.required,
                        isDeprecated: attribute.deprecated && !attribute.required, doc: DocText.argument(attribute)))
            }
            let plain = !isArgument && (base == "id" || !Naming.reservedMembers.contains(base))
            references.append(
                ReferenceModel(
                    terraformName: attribute.name, swiftName: plain ? base : base + "Ref", valueType: valueType,
                    isDeprecated: attribute.deprecated, doc: DocText.reference(attribute, type: entry.type)))
        }
        var nested: [NestedTypeModel] = []
        for blockType in entry.block.blockTypes {
            guard let (property, type) = blockProperty(blockType, depth: 1) else { continue }
            properties.append(property)
            if let type { nested.append(type) }
        }
        properties.sort { $0.terraformName < $1.terraformName }
        nested = nested.map { dedupe($0, parent: swiftName) }
        try Self.checkUnique(properties.map(\.swiftName) + references.map(\.swiftName), in: entry.type)
        return TypeModel(
            terraformType: entry.type, swiftName: swiftName, isDataSource: entry.isDataSource,
            doc: DocText.topLevel(entry), properties: properties, references: references, nested: nested,
            sensitiveAttributes: Self.sensitivePaths(entry.block).sorted())
    }

    /// The dot-separated paths of every attribute marked `sensitive`, nested blocks included
    /// (whether or not they are generated as structs: the validator reads rendered bodies).
    package static func sensitivePaths(_ block: SchemaBlock, prefix: String = "") -> [String] {
        var paths = block.attributes.filter(\.sensitive).map { prefix + $0.name }
        for child in block.blockTypes { paths += sensitivePaths(child.block, prefix: prefix + child.name + ".") }
        return paths
    }

    /// The `Expr<T>` type parameter for a cty type.
    package static func valueType(_ type: SchemaType) -> String {
        switch type {
        case .string: "String"
        case .number: "Double"
        case .bool: "Bool"
        case .dynamic, .object, .tuple: "Value"
        case .list(let element): "[\(valueType(element))]"
        case .set(let element): "Set<\(valueType(element))>"
        case .map(let element): "[String: \(valueType(element))]"
        }
    }

    /// The property for a nested block, plus its struct unless it falls back to `Expr<Value>`.
    /// `nil` when the block has nothing settable (only computed attributes).
    private func blockProperty(_ blockType: SchemaBlockType, depth: Int) -> (PropertyModel, NestedTypeModel?)? {
        let block = blockType.block
        let settable = block.attributes.contains(where: \.isArgument) || !block.blockTypes.isEmpty
        if !settable && !block.attributes.isEmpty { return nil }
        let base = Naming.property(blockType.name)
        let stored = Naming.reservedMembers.contains(base) ? base + "Attribute" : base
        let required = blockType.minItems > 0
        var doc = DocText.block(blockType)
        let typeName = Naming.nestedType(blockType.name)
        if depth > maxDepth || Self.attributeCount(block) > maxSubtreeAttributes || blockType.nesting == .map {
            doc.append(
                "Typed JSON: nesting past the generator's depth or size limit (see Documentation/Generators.md).")
            let property = PropertyModel(
                terraformName: blockType.name, swiftName: stored, label: base, kind: .blockFallback,
                isRequired: required, isDeprecated: block.deprecated && !required, doc: doc)
            return (property, nil)
        }
        var properties: [PropertyModel] = []
        var nested: [NestedTypeModel] = []
        for attribute in block.attributes where attribute.isArgument {
            let name = Naming.property(attribute.name)
            let storedName = Naming.reservedMembers.contains(name) ? name + "Attribute" : name
            properties.append(
                PropertyModel(
                    terraformName: attribute.name, swiftName: storedName, label: name,
                    kind: .attribute(valueType: Self.valueType(attribute.type)), isRequired: attribute.required,
                    isDeprecated: attribute.deprecated && !attribute.required, doc: DocText.argument(attribute)))
        }
        for child in block.blockTypes {
            guard let (property, type) = blockProperty(child, depth: depth + 1) else { continue }
            properties.append(property)
            if let type { nested.append(type) }
        }
        properties.sort { $0.terraformName < $1.terraformName }
        let type = NestedTypeModel(
            swiftName: typeName, terraformName: blockType.name, doc: DocText.blockType(blockType), aliasOf: nil,
            properties: properties, nested: nested)
        let kind: PropertyKind = blockType.isSingle ? .singleBlock(typeName: typeName) : .blockList(typeName: typeName)
        let property = PropertyModel(
            terraformName: blockType.name, swiftName: stored, label: base, kind: kind, isRequired: required,
            isDeprecated: block.deprecated && !required, doc: doc)
        return (property, type)
    }

    /// Top-down: the first occurrence of a structure is declared, later ones alias it.
    private mutating func dedupe(_ type: NestedTypeModel, parent: String) -> NestedTypeModel {
        let signature = Self.signature(type)
        if let existing = canonical[signature] {
            var alias = type
            alias.aliasOf = existing  // children stay in the model (fixtures use them) but are not rendered
            return alias
        }
        let qualified = parent + "." + type.swiftName
        canonical[signature] = qualified
        var declared = type
        declared.nested = type.nested.map { dedupe($0, parent: qualified) }
        return declared
    }

    /// A string that is equal for structurally identical nested types (names, types, modes, flags).
    package static func signature(_ type: NestedTypeModel) -> String {
        var text = "{"
        for property in type.properties {
            text += "\(property.terraformName):\(property.isRequired ? "r" : "o")\(property.isDeprecated ? "d" : ""):"
            switch property.kind {
            case .attribute(let valueType): text += valueType
            case .blockFallback: text += "json"
            case .singleBlock(let name), .blockList(let name):
                text += property.kind == .singleBlock(typeName: name) ? "1" : "*"
                if let child = type.nested.first(where: { $0.swiftName == name }) { text += signature(child) }
            }
            text += ";"
        }
        return text + "}"
    }

    private static func attributeCount(_ block: SchemaBlock) -> Int {
        block.attributes.count + block.blockTypes.reduce(0) { $0 + attributeCount($1.block) }
    }

    private static func checkUnique(_ names: [String], in type: String) throws {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw SchemaError("\(type): two members map to the Swift name \(name)")
        }
    }
}
