// `for` expressions → the library's typed forms: `[for v in xs : f(v) if c]` becomes
// `xs.filter(as: "v") { v in c }.map { v in f(v) }`, `{for k, v in m : k => f(v)}` becomes
// `m.toMap(as: "k", "v") { k, v in (k, f(v)) }`, `...` grouping `grouped`. The loop variables
// keep their HCL names (`as:`), so the synthesized expression reads like the input and any
// HCL text left inside the body still names them. Used when the collection has a type the
// converter knows and the body types; otherwise the caller keeps the HCL text.

import InfraAWSBindings
import InfraHCL

/// A name bound inside an expression: a `for` variable or a `dynamic` block's iterator.
enum LoopBinding: Sendable {
    /// A `for` variable: the Swift closure parameter and its Terraform type.
    case variable(identifier: String, type: SwiftType)
    /// A `dynamic` iterator: `identifier.key` and `identifier.value` in Swift.
    case iterator(identifier: String, key: SwiftType, value: SwiftType)
    /// One instance of a repeated resource in `for v in aws_x.name`: read with the generated
    /// type's properties (`v.id`); `resource` keys ``EmitScope/resources``.
    case instance(identifier: String, resource: String)

    var identifier: String {
        switch self {
        case .variable(let identifier, _), .iterator(let identifier, _, _), .instance(let identifier, _): identifier
        }
    }
}

extension ExpressionEmitter {
    /// The key (index) and element types of iterating a collection of `type`, when the library can
    /// iterate it (`TerraformIterable`: lists, sets, maps, `Value`).
    static func iterationTypes(_ type: SwiftType) -> (key: SwiftType, value: SwiftType)? {
        switch type {
        case .list(let element): (.number, element)
        case .set(let element): (element, element)
        case .map(let element): (.string, element)
        case .value: (.value, .value)
        default: nil
        }
    }

    /// A collection's code as the receiver or argument of a generic `for`/`dynamic` form: a call
    /// (`Fn.toset([…])`, overloaded on its argument) or a literal is pinned to its type, which a
    /// generic context cannot infer.
    static func pinnedCollection(_ code: String, _ type: SwiftType, _ expression: HCLExpression) -> String {
        switch expression.kind {
        case .templateWrap(let inner), .parenthesized(let inner): return pinnedCollection(code, type, inner)
        case .call: return code.hasPrefix("Expr<") ? code : "(\(code) as Expr<\(type)>)"
        default:
            return isLiteralSyntax(expression) && !code.hasPrefix("Expr<") ? "(\(code) as Expr<\(type)>)" : code
        }
    }

    /// Resolves a reference whose root is a bound name.
    func resolve(_ binding: LoopBinding, _ steps: [HCLReference.Step]) -> ResolvedReference {
        switch binding {
        case .variable(let identifier, let type):
            return ResolvedReference(base: Emitted(code: identifier, form: .typed, type: type), rest: steps)
        case .iterator(let identifier, let key, let value):
            if case .attribute(let name)? = steps.first, name == "key" || name == "value" {
                return ResolvedReference(
                    base: Emitted(code: "\(identifier).\(name)", form: .typed, type: name == "key" ? key : value),
                    rest: Array(steps.dropFirst()))
            }
            return ResolvedReference(
                base: Emitted(code: "Expression.reference(\(identifier.swiftLiteral))", form: .untyped, type: nil),
                rest: steps)
        case .instance(let identifier, let resource):
            guard case .attribute(let name)? = steps.first else {
                return ResolvedReference(
                    base: Emitted(code: "\(identifier).object", form: .typed, type: .value), rest: steps)
            }
            if let reference = scope.resources[resource]?.model?.references.first(where: { $0.terraformName == name }),
                !reference.isDeprecated, let type = SwiftType(valueType: reference.valueType)
            {
                return ResolvedReference(
                    base: Emitted(
                        code: "\(identifier).\(Naming.escaped(reference.swiftName))", form: .typed, type: type),
                    rest: Array(steps.dropFirst()))
            }
            return ResolvedReference(
                base: Emitted(
                    code: "(\(identifier).reference(\(name.swiftLiteral)) as Expr<Value>)", form: .typed, type: .value),
                rest: Array(steps.dropFirst()))
        }
    }

    /// The resource or data source key (`aws_subnet.private`) when `expression` names all instances
    /// of one with `count` or `for_each`, which a `for` walks through `eachInstance`.
    func repeatedResource(_ expression: HCLExpression) -> String? {
        guard let reference = HCLReference(expression) else { return nil }
        let names = reference.steps.compactMap { step -> String? in
            if case .attribute(let name) = step { return name }
            return nil
        }
        guard names.count == reference.steps.count, names.count == (reference.root == "data" ? 2 : 1),
            !["var", "local", "module", "each", "count", "path", "terraform", "self"].contains(reference.root),
            bindings[reference.root] == nil
        else { return nil }
        let key = ([reference.root] + names).joined(separator: ".")
        guard let symbol = scope.resources[key], symbol.repeated, symbol.model != nil else { return nil }
        return key
    }

    /// A Swift name for a bound HCL name that hides nothing the body may use: not a keyword, not a
    /// converted value's identifier, not another bound name's.
    func bindingIdentifier(_ name: String) -> String {
        var taken = Set(scope.variables.values.map(\.identifier))
        taken.formUnion(scope.locals.values.map(\.identifier))
        taken.formUnion(scope.resources.values.map(\.identifier))
        taken.formUnion(scope.modules.values.map(\.identifier))
        taken.formUnion(scope.providers.values)
        taken.formUnion(bindings.values.map(\.identifier))
        var identifier = Identifiers.lowerCamel(Identifiers.words(name))
        while Identifiers.reserved.contains(identifier) || taken.contains(identifier) { identifier += "Item" }
        return identifier
    }

    /// The type a `for` expression produces, when its collection and body type.
    func forType(_ expression: HCLForExpression) -> SwiftType? {
        if let resource = repeatedResource(expression.collection) {
            var inner = self
            inner.bindings[expression.valueVariable] = .instance(
                identifier: expression.valueVariable, resource: resource)
            if let key = expression.keyVariable { inner.bindings[key] = .variable(identifier: key, type: .value) }
            guard let element = inner.type(of: expression.valueExpression) else { return nil }
            return expression.isObject ? .map(element) : .list(element)
        }
        guard !Self.isLiteralSyntax(expression.collection),
            let (keyType, valueType) = Self.iterationTypes(type(of: expression.collection) ?? .value)
        else { return nil }
        var inner = self
        inner.bindings[expression.valueVariable] = .variable(identifier: expression.valueVariable, type: valueType)
        if let key = expression.keyVariable { inner.bindings[key] = .variable(identifier: key, type: keyType) }
        guard let element = inner.type(of: expression.valueExpression) else { return nil }
        guard expression.isObject else { return .list(element) }
        return expression.grouping ? .map(.list(element)) : .map(element)
    }

    /// The typed form of a `for` expression, or `nil` (nothing noted) when the library's forms
    /// cannot say it: a literal or raw collection, or one that is not a collection, a body or key of
    /// unknown type, a filter on an untyped collection, an index with a set's filter or with grouping.
    mutating func typedFor(_ expression: HCLForExpression) -> Emitted? {
        let saved = (notes, entries, bindings)
        defer { bindings = saved.2 }
        guard let emitted = typedForCode(expression) else {
            (notes, entries) = (saved.0, saved.1)
            return nil
        }
        return emitted
    }

    private mutating func typedForCode(_ expression: HCLForExpression) -> Emitted? {
        guard !Self.isLiteralSyntax(expression.collection) else { return nil }
        if let resource = repeatedResource(expression.collection) { return instancesFor(expression, resource) }
        var collection = natural(expression.collection)
        if collection.form == .untyped {
            // A structured reference the typed layer cannot follow (`each.value.rules`) is walked as
            // `Value`; an untyped call in the type of its result (`split(…)` as `[String]`).
            guard !collection.code.hasPrefix("Expression.raw(") else { return nil }
            let type = collection.type ?? .value
            collection = Emitted(code: "Expr<\(type)>(\(collection.code))", form: .typed, type: type)
        }
        guard let collectionType = collection.type, let (keyType, valueType) = Self.iterationTypes(collectionType)
        else { return nil }
        let valueName = expression.valueVariable
        let valueIdentifier = bindingIdentifier(valueName)
        bindings[valueName] = .variable(identifier: valueIdentifier, type: valueType)
        var keyIdentifier: String?
        if let keyName = expression.keyVariable {
            let identifier = bindingIdentifier(keyName)
            bindings[keyName] = .variable(identifier: identifier, type: keyType)
            keyIdentifier = identifier
        }
        // HCL names for `as:`, Swift names for the closure's parameters.
        let names = (expression.keyVariable.map { [$0] } ?? []) + [valueName]
        let parameters = (keyIdentifier.map { [$0] } ?? []) + [valueIdentifier]
        let asNames = "as: " + names.map(\.swiftLiteral).joined(separator: ", ")
        let closureHead = parameters.joined(separator: ", ") + " in "

        guard let elementType = type(of: expression.valueExpression) else { return nil }
        var receiver = Self.pinnedCollection(collection.code, collectionType, expression.collection)
        var labelForBody = asNames + " "
        if let condition = expression.condition {
            guard let conditionType = type(of: condition), conditionType == .bool || conditionType == .value else {
                return nil
            }
            var filterNames = asNames
            switch collectionType {
            case .list: break
            case .map:
                if expression.keyVariable == nil {
                    // A map's filter keeps its entries under a key variable; name it so nothing is hidden.
                    var key = "k"
                    while Self.mentions(expression, key) { key += "_" }
                    filterNames = "as: " + [key, valueName].map(\.swiftLiteral).joined(separator: ", ")
                }
            case .set where expression.keyVariable == nil: break
            default: return nil
            }
            receiver += ".filter(\(filterNames)) { \(closureHead)\(pinnedValue(condition, .bool)) }"
            labelForBody = ""  // the loop variables are the filter's
        }
        let body = pinnedValue(expression.valueExpression, elementType)
        let call: (String, SwiftType)
        if let keyExpression = expression.keyExpression {
            guard let keyType = type(of: keyExpression) else { return nil }
            let entry = "(\(pinnedValue(keyExpression, keyType)), \(body))"
            if expression.grouping {
                guard expression.keyVariable == nil else { return nil }
                call = ("grouped", .map(.list(elementType)))
            } else {
                call = ("toMap", .map(elementType))
            }
            let head = labelForBody.isEmpty ? " " : "(\(labelForBody.dropLast())) "
            return Emitted(
                code: "\(receiver).\(call.0)\(head){ \(closureHead)\(entry) }", form: .typed, type: call.1)
        }
        let head = labelForBody.isEmpty ? " " : "(\(labelForBody.dropLast())) "
        return Emitted(code: "\(receiver).map\(head){ \(closureHead)\(body) }", form: .typed, type: .list(elementType))
    }

    /// Whether a `for` expression's body, key or condition names `variable`.
    private static func mentions(_ expression: HCLForExpression, _ variable: String) -> Bool {
        let parts = [expression.keyExpression, expression.valueExpression, expression.condition].compactMap { $0 }
        return parts.contains { $0.hcl.contains(variable) }
    }

    /// `for` over every instance of a repeated resource: `privateSubnet.eachInstance.map(as: "s") { s in s.id }`,
    /// `.mapValues` for `{for k, v in … : k => f(v)}`, `.toMap` for other keys; an `if` is a
    /// `.filter(as: …) { s in … }` before them (the loop variables are then the filter's). No
    /// grouping, and no condition on the key (the library's filter reads the instance only).
    private mutating func instancesFor(_ expression: HCLForExpression, _ resource: String) -> Emitted? {
        guard !expression.grouping, let symbol = scope.resources[resource] else { return nil }
        let valueName = expression.valueVariable
        let valueIdentifier = bindingIdentifier(valueName)
        bindings[valueName] = .instance(identifier: valueIdentifier, resource: resource)
        var receiver = "\(symbol.identifier).eachInstance"
        guard let elementType = type(of: expression.valueExpression) else { return nil }
        var keyName = expression.keyVariable ?? "k"
        // A key variable the input does not name must not hide a name the body uses.
        while expression.keyVariable == nil, Self.mentions(expression, keyName) { keyName += "_" }
        var labeled = true
        if let condition = expression.condition {
            if let key = expression.keyVariable, condition.hcl.contains(key) { return nil }
            guard let conditionType = type(of: condition), conditionType == .bool || conditionType == .value else {
                return nil
            }
            // A `for_each` resource's filter keeps its instances under their keys: name the key too.
            let names = symbol.repetition == .forEach ? [keyName, valueName] : [valueName]
            let label = "as: " + names.map(\.swiftLiteral).joined(separator: ", ")
            receiver += ".filter(\(label)) { \(valueIdentifier) in \(pinnedValue(condition, .bool)) }"
            labeled = false
        }
        guard let keyExpression = expression.keyExpression else {
            guard expression.keyVariable == nil else { return nil }
            let body = pinnedValue(expression.valueExpression, elementType)
            let head = labeled ? "(as: \(valueName.swiftLiteral)) " : " "
            return Emitted(
                code: "\(receiver).map\(head){ \(valueIdentifier) in \(body) }", form: .typed, type: .list(elementType))
        }
        let keyIdentifier = bindingIdentifier(keyName)
        bindings[keyName] = .variable(identifier: keyIdentifier, type: .value)
        let head = labeled ? "(as: \(keyName.swiftLiteral), \(valueName.swiftLiteral)) " : " "
        if case .variable(let name) = keyExpression.kind, name == expression.keyVariable {
            let body = pinnedValue(expression.valueExpression, elementType)
            return Emitted(
                code: "\(receiver).mapValues\(head){ \(valueIdentifier) in \(body) }", form: .typed,
                type: .map(elementType))
        }
        guard let keyType = type(of: keyExpression) else { return nil }
        let entry = "(\(pinnedValue(keyExpression, keyType)), \(pinnedValue(expression.valueExpression, elementType)))"
        return Emitted(
            code: "\(receiver).toMap\(head){ \(keyIdentifier), \(valueIdentifier) in \(entry) }", form: .typed,
            type: .map(elementType))
    }
}
