// The blocks that speak about state rather than infrastructure: `moved` (cdktf renames and the
// input's own moves, whole blocks or instance keys: `Moved(from: app.address[0], to:
// app.address["a"])`), `import` (into a resource, one instance, or `for_each` over a map or set,
// with `provider`) and `removed`. What has no typed form stays a `// convert:` comment and a
// report entry.

import InfraHCL

extension ModuleEmitter {
    mutating func writeStateBlocks(_ writer: inout SwiftWriter) {
        writeRenames(&writer)
        for move in plan.configuration.moved { writeMove(move, &writer) }
        for block in plan.configuration.imports { writeImport(block, &writer) }
        for block in plan.configuration.removed { writeRemoved(block, &writer) }
    }

    // MARK: moved

    /// One `Moved` per cdktf name made readable.
    private mutating func writeRenames(_ writer: inout SwiftWriter) {
        for rename in plan.renames {
            let key = "\(rename.type).\(rename.to)"
            guard let symbol = plan.scope.resources[key] else { continue }
            report.entries.append(
                ConversionReport.Entry(
                    kind: .renamed, subject: key, location: nil,
                    message: "cdktf name \(rename.type).\(rename.from) → \(key); a moved block keeps the state"))
            let from = ".resource(type: \(rename.type.swiftLiteral), name: \(rename.from.swiftLiteral))"
            writer.code("", .call("Moved", [("from", .text(from)), ("to", .text("\(symbol.identifier).address"))]))
        }
    }

    /// `Moved(from: old.address, to: new.address)`, or between instances
    /// `Moved(from: app.address[0], to: app.address["a"])`.
    private mutating func writeMove(_ move: MovedDeclaration, _ writer: inout SwiftWriter) {
        guard let from = movedAddress(move.from), let to = movedAddress(move.to) else {
            writer.comment([
                "convert: moved { from = \(move.from.hcl), to = \(move.to.hcl) } left out: an address with an "
                    + "instance key that is not a literal (\(move.range))"
            ])
            report.entries.append(
                ConversionReport.Entry(
                    kind: .unsupported, subject: "moved", location: move.range.description,
                    message: "moved addresses are a resource, module call or one instance with a literal key; left out"
                ))
            return
        }
        guard from.key != nil || to.key != nil else {
            writer.code("", .call("Moved", [("from", .text(from.target)), ("to", .text(to.target))]))
            return
        }
        writer.code("", .call("Moved", [("from", .text(from.instanceCode)), ("to", .text(to.instanceCode))]))
    }

    /// A moved address as Swift: the block (`vpc.address`, `.resource(type:name:)`,
    /// `.module(…)`) and the instance key's subscript (`[0]`, `["a"]`), when it has one.
    private func movedAddress(_ expression: HCLExpression) -> MovedAddress? {
        guard let reference = HCLReference(expression) else { return nil }
        var names: [String] = []
        var key: String?
        for (position, step) in reference.steps.enumerated() {
            switch step {
            case .attribute(let name) where key == nil: names.append(name)
            case .index(let index) where key == nil && position == reference.steps.count - 1:
                switch index.constantValue {
                case .number(let text)? where Int(text) != nil: key = "[\(text)]"
                case .string(let text)?: key = "[\(text.swiftLiteral)]"
                default: return nil
                }
            default: return nil
            }
        }
        if reference.root == "module", names.count == 1 {
            if let symbol = plan.scope.modules[names[0]] {
                return MovedAddress(target: "\(symbol.identifier).address", key: key)
            }
            return MovedAddress(target: ".module(\(names[0].swiftLiteral))", key: key)
        }
        guard names.count == 1 else { return nil }
        if let symbol = plan.scope.resources["\(reference.root).\(names[0])"] {
            return MovedAddress(target: "\(symbol.identifier).address", key: key)
        }
        return MovedAddress(
            target: ".resource(type: \(reference.root.swiftLiteral), name: \(names[0].swiftLiteral))", key: key)
    }

    // MARK: import

    /// `Import(vpc, id: …)`, `Import(subnets["a"], id: …)`, `Import(forEach: …, into: subnets)`
    /// or, with an instance key or id built from `each`, `Import(forEach: …, into: …, key: { each
    /// in … }, id: { each in … })`; `provider:` when the block names one.
    private mutating func writeImport(_ block: ImportDeclaration, _ writer: inout SwiftWriter) {
        var emitter = emitter("import.\(block.to.hcl)")
        switch importCode(block, &emitter) {
        case .success(let code):
            statement(code, emitter, &writer)
        case .failure(let reason):
            writer.comment(["convert: import { to = \(block.to.hcl) } left out: \(reason.text) (\(block.range))"])
            report.entries.append(
                ConversionReport.Entry(
                    kind: .unsupported, subject: "import", location: block.range.description,
                    message: "\(reason.text); left out"))
        }
    }

    private func importCode(
        _ block: ImportDeclaration, _ emitter: inout ExpressionEmitter
    ) -> Result<SwiftCode, LeftOut> {
        if let argument = block.otherArguments.first {
            return .failure(LeftOut("`\(argument)` in an import block has no Swift form yet"))
        }
        guard let reference = HCLReference(block.to), case .attribute(let name)? = reference.steps.first,
            let symbol = plan.scope.resources["\(reference.root).\(name)"], !symbol.isData
        else { return .failure(LeftOut("the import goes to a resource this module does not declare")) }
        guard let id = block.id else { return .failure(LeftOut("an import without `id` has no Swift form yet")) }
        let instance = Array(reference.steps.dropFirst())
        var provider: [(label: String?, value: SwiftCode)] = []
        if let reference = block.provider {
            provider = [("provider", .text(providerReference(reference.name, alias: reference.alias)))]
        }
        guard let forEach = block.forEach else {
            switch (instance.first, symbol.repetition) {
            case (nil, nil):
                let arguments: [(label: String?, value: SwiftCode)] = [
                    (nil, .text(symbol.identifier)), ("id", .text(emitter.typed(id, .string))),
                ]
                return .success(.call("Import", arguments + provider))
            case (.index(let key)?, let repetition?) where instance.count == 1:
                let keyCode = emitter.typed(key, repetition == .count ? .number : .string)
                let arguments: [(label: String?, value: SwiftCode)] = [
                    (nil, .text("\(symbol.identifier)[\(keyCode)]")), ("id", .text(emitter.typed(id, .string))),
                ]
                return .success(.call("Import", arguments + provider))
            default:
                return .failure(LeftOut("the address does not name one instance of \(reference.root).\(name)"))
            }
        }
        guard symbol.repetition == .forEach, instance.count == 1, case .index(let key)? = instance.first else {
            return .failure(LeftOut("a for_each import goes to an instance of a resource with for_each"))
        }
        let collectionType = emitter.type(of: forEach)
        let into: (label: String?, value: SwiftCode) = ("into", .text(symbol.identifier))
        if Self.isEach(key, "key"), Self.isEach(id, "value") {
            // `for_each = {…}`, `to = x[each.key]`, `id = each.value`: the map form.
            if case .object = Self.unwrapped(forEach).kind {
                return .success(
                    .call("Import", [("forEach", emitter.typedCode(forEach, .map(.string))), into] + provider))
            }
            if collectionType == .map(.string) {
                return .success(
                    .call("Import", [("forEach", .text(emitter.typed(forEach, .map(.string)))), into] + provider))
            }
        }
        // Key and id built from `each`: closures over the typed `Each` of the collection.
        let (collection, valueType): (String, SwiftType)
        switch collectionType {
        case .map(let element)?:
            collection = ExpressionEmitter.pinnedCollection(
                emitter.typed(forEach, .map(element)), .map(element), forEach)
            valueType = element
        case .set(.string)?:
            collection = ExpressionEmitter.pinnedCollection(
                emitter.typed(forEach, .set(.string)), .set(.string), forEach)
            valueType = .string
        default:
            // A list, an object or an untyped value: walked as `Value`, `each.value` read untyped.
            collection = ExpressionEmitter.pinnedCollection(emitter.typed(forEach, .value), .value, forEach)
            valueType = .value
        }
        let each = emitter.bindingIdentifier("each")
        emitter.bindings["each"] = .iterator(identifier: each, key: .string, value: valueType)
        defer { emitter.bindings["each"] = nil }
        var arguments: [(label: String?, value: SwiftCode)] = [("forEach", .text(collection)), into]
        if !Self.isEach(key, "key") {
            arguments.append(("key", .text("{ \(each) in \(emitter.pinnedValue(key, .string)) }")))
        }
        arguments.append(("id", .text("{ \(each) in \(emitter.pinnedValue(id, .string)) }")))
        return .success(.call("Import", arguments + provider))
    }

    /// Whether `expression` is `each.key` (or `each.value`).
    private static func isEach(_ expression: HCLExpression, _ attribute: String) -> Bool {
        guard let reference = HCLReference(unwrapped(expression)), reference.root == "each" else { return false }
        return reference.steps.count == 1 && reference.steps[0] == .attribute(attribute)
    }

    /// The expression inside `${…}` and parentheses.
    private static func unwrapped(_ expression: HCLExpression) -> HCLExpression {
        switch expression.kind {
        case .templateWrap(let inner), .parenthesized(let inner): unwrapped(inner)
        default: expression
        }
    }

    // MARK: removed

    /// `Removed(from: …, destroy: …)`; Terraform's default is `destroy = true`, the Swift one `false`.
    private mutating func writeRemoved(_ block: RemovedDeclaration, _ writer: inout SwiftWriter) {
        guard let from = movedAddress(block.from), from.key == nil else {
            // The readers reject instance keys (as Terraform does); anything else is not an address.
            writer.comment(["convert: removed { from = \(block.from.hcl) } left out: not an address (\(block.range))"])
            report.entries.append(
                ConversionReport.Entry(
                    kind: .unsupported, subject: "removed", location: block.range.description,
                    message: "removed blocks name a resource or module call; left out"))
            return
        }
        writer.code(
            "", .call("Removed", [("from", .text(from.target)), ("destroy", .text("\(block.destroy ?? true)"))]))
    }
}

/// A `moved` address as Swift: the block's `ReferenceTarget` code and the instance subscript.
private struct MovedAddress {
    var target: String
    var key: String?

    /// The address as an `InstanceAddress`: `app.address[0]`, `ReferenceTarget.resource(…)["a"]`,
    /// `InstanceAddress(vpc.address)` without a key.
    var instanceCode: String {
        guard let key else { return "InstanceAddress(\(target))" }
        // An implicit member (`.resource(…)`) would be looked up on InstanceAddress: name the type.
        return (target.hasPrefix(".") ? "ReferenceTarget" + target : target) + key
    }
}

/// Why a block has no typed form.
private struct LeftOut: Error {
    var text: String
    init(_ text: String) { self.text = text }
}
