// Schema → IR. Decides Swift names, Expr<T> types, optional vs required, single vs
// repeated nested blocks, nested attribute types (`nested_type`: object structs), the
// depth/size fallback to `Expr<Value>`, and deduplicates structurally identical nested
// types (later copies become typealiases).

/// How a provider's Terraform type names become Swift names: `cloudflare_dns_record` with
/// `TypePrefix(terraform: "cloudflare_", swift: "CF", source: "cloudflare/cloudflare")` is `CFDNSRecord`.
package struct TypePrefix: Sendable {
    /// The Terraform type prefix, with its underscore (`cloudflare_`).
    package var terraform: String
    /// The Swift prefix that replaces it (`CF`).
    package var swift: String
    /// The provider source for docs (`cloudflare/cloudflare`).
    package var source: String

    package init(terraform: String, swift: String, source: String) {
        self.terraform = terraform
        self.swift = swift
        self.source = source
    }

    /// The Swift name of a resource (`CFDNSRecord`) or data source (`DataCFZone`).
    package func typeName(_ terraformType: String, dataSource: Bool) -> String {
        guard terraformType.hasPrefix(terraform) else {
            return Naming.topLevelType(terraformType, dataSource: dataSource)
        }
        return (dataSource ? "Data" : "") + swift + Naming.typeName(String(terraformType.dropFirst(terraform.count)))
    }
}

/// Translates schema entries of one output module into ``TypeModel``s.
package struct Translator {
    /// Nested blocks deeper than this become `Expr<Value>` (top-level blocks have depth 1).
    package var maxDepth: Int
    /// A nested block whose subtree has more attributes than this becomes `Expr<Value>`.
    package var maxSubtreeAttributes: Int
    /// The provider version, for deprecation messages.
    package var providerVersion: String
    /// Type naming for a provider other than `hashicorp/aws` (nil: `aws_vpc` → `AWSVPC`).
    package var typePrefix: TypePrefix?
    /// Structure signature → qualified Swift name of the first declaration (module-wide).
    private var canonical: [String: String] = [:]

    package init(
        maxDepth: Int = 3, maxSubtreeAttributes: Int = 120, providerVersion: String, typePrefix: TypePrefix? = nil
    ) {
        self.maxDepth = maxDepth
        self.maxSubtreeAttributes = maxSubtreeAttributes
        self.providerVersion = providerVersion
        self.typePrefix = typePrefix
    }

    /// Translates one resource or data source (`swiftName` overrides the type's Swift name).
    package mutating func translate(_ entry: SchemaEntry, swiftName override: String? = nil) throws -> TypeModel {
        let swiftName =
            override ?? typePrefix?.typeName(entry.type, dataSource: entry.isDataSource)
            ?? Naming.topLevelType(entry.type, dataSource: entry.isDataSource)
        var properties: [PropertyModel] = []
        var references: [ReferenceModel] = []
        var nested: [NestedTypeModel] = []
        for attribute in entry.block.attributes {
            let valueType = Self.valueType(attribute.type)
            let base = Naming.property(attribute.name)
            let isArgument = attribute.isArgument && !(attribute.name == "id" && !entry.isDataSource)
            if isArgument, let (property, type) = attributeProperty(attribute, depth: 1) {
                properties.append(property)
                if let type { nested.append(type) }
            }
            let plain = !isArgument && (base == "id" || !Naming.reservedMembers.contains(base))
            references.append(
                ReferenceModel(
                    terraformName: attribute.name, swiftName: plain ? base : base + "Ref", valueType: valueType,
                    isDeprecated: attribute.deprecated, doc: DocText.reference(attribute, type: entry.type)))
        }
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
            doc: DocText.topLevel(entry, source: typePrefix?.source ?? "hashicorp/aws"), properties: properties,
            references: references, nested: nested,
            sensitiveAttributes: Self.sensitivePaths(entry.block).sorted())
    }

    /// The dot-separated paths of every attribute marked `sensitive`, nested blocks included
    /// (whether or not they are generated as structs: the validator reads rendered bodies).
    package static func sensitivePaths(_ block: SchemaBlock, prefix: String = "") -> [String] {
        var paths = sensitivePaths(block.attributes, prefix: prefix)
        for child in block.blockTypes { paths += sensitivePaths(child.block, prefix: prefix + child.name + ".") }
        return paths
    }

    /// The sensitive attribute paths among `attributes`, through nested attribute types.
    private static func sensitivePaths(_ attributes: [SchemaAttribute], prefix: String) -> [String] {
        var paths = attributes.filter(\.sensitive).map { prefix + $0.name }
        for attribute in attributes {
            if let nested = attribute.nested {
                paths += sensitivePaths(nested.attributes, prefix: prefix + attribute.name + ".")
            }
        }
        return paths
    }

    /// The property of a settable attribute, plus the struct of its nested type when it has one
    /// (`nil` for a nested type with nothing settable: then it is only a reference).
    private func attributeProperty(_ attribute: SchemaAttribute, depth: Int) -> (PropertyModel, NestedTypeModel?)? {
        let base = Naming.property(attribute.name)
        let stored = Naming.reservedMembers.contains(base) ? base + "Attribute" : base
        let isDeprecated = attribute.deprecated && !attribute.required
        guard let nestedType = attribute.nested else {
            let property = PropertyModel(
                terraformName: attribute.name, swiftName: stored, label: base,
                kind: .attribute(valueType: Self.valueType(attribute.type)), isRequired: attribute.required,
                isDeprecated: isDeprecated, doc: DocText.argument(attribute))
            return (property, nil)
        }
        var doc = DocText.argument(attribute)
        if depth > maxDepth || Self.attributeCount(nestedType.attributes) > maxSubtreeAttributes {
            doc.append(
                "Typed JSON: nesting past the generator's depth or size limit (see Documentation/Generators.md).")
            let property = PropertyModel(
                terraformName: attribute.name, swiftName: stored, label: base, kind: .blockFallback,
                isRequired: attribute.required, isDeprecated: isDeprecated, doc: doc)
            return (property, nil)
        }
        var properties: [PropertyModel] = []
        var nested: [NestedTypeModel] = []
        for child in nestedType.attributes where child.isArgument {
            guard let (property, type) = attributeProperty(child, depth: depth + 1) else { continue }
            properties.append(property)
            if let type { nested.append(type) }
        }
        guard !properties.isEmpty else { return nil }
        let typeName = Naming.nestedType(attribute.name)
        let type = NestedTypeModel(
            swiftName: typeName, terraformName: attribute.name, doc: DocText.nestedAttributeType(attribute),
            aliasOf: nil, properties: properties, nested: nested, isAttributeObject: true)
        let property = PropertyModel(
            terraformName: attribute.name, swiftName: stored, label: base,
            kind: .nestedAttribute(typeName: typeName, nesting: nestedType.nesting), isRequired: attribute.required,
            isDeprecated: isDeprecated, doc: doc)
        return (property, type)
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
            guard let (property, type) = attributeProperty(attribute, depth: depth + 1) else { continue }
            properties.append(property)
            if let type { nested.append(type) }
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
        var text = type.isAttributeObject ? "object{" : "{"
        for property in type.properties {
            text += "\(property.terraformName):\(property.isRequired ? "r" : "o")\(property.isDeprecated ? "d" : ""):"
            switch property.kind {
            case .attribute(let valueType): text += valueType
            case .blockFallback: text += "json"
            case .singleBlock(let name), .blockList(let name):
                text += property.kind == .singleBlock(typeName: name) ? "1" : "*"
                if let child = type.nested.first(where: { $0.swiftName == name }) { text += signature(child) }
            case .nestedAttribute(let name, let nesting):
                text += nesting.rawValue
                if let child = type.nested.first(where: { $0.swiftName == name }) { text += signature(child) }
            }
            text += ";"
        }
        return text + "}"
    }

    private static func attributeCount(_ block: SchemaBlock) -> Int {
        attributeCount(block.attributes) + block.blockTypes.reduce(0) { $0 + attributeCount($1.block) }
    }

    /// Attributes, counting those of nested attribute types (the AWS schema has none, so its limits are unchanged).
    private static func attributeCount(_ attributes: [SchemaAttribute]) -> Int {
        attributes.reduce(0) { $0 + 1 + ($1.nested.map { attributeCount($0.attributes) } ?? 0) }
    }

    private static func checkUnique(_ names: [String], in type: String) throws {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw SchemaError("\(type): two members map to the Swift name \(name)")
        }
    }
}
