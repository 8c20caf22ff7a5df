// References → the converted values: `var.region` is `region.value`, `aws_vpc.main.id` is
// `vpc.id` (the generated reference property, `…Ref` for arguments), `module.vpc.vpc_id` is
// `vpc.output("vpc_id")`, `each.key` is `Expression.eachKey`, one instance of a repeated
// resource `aws_subnet.private[0].id` is `privateSubnet[0].id`. Steps the typed layer cannot
// follow (an attribute of an object) continue on the untyped `Expression` with `.attribute(…)`
// and `.index(…)`, which keeps the reference structured, so validation and the dependency
// graph still see it.

import InfraAWSBindings
import InfraHCL

extension ExpressionEmitter {
    /// A reference's converted root and the steps still to apply to it.
    struct ResolvedReference {
        var base: Emitted
        var rest: [HCLReference.Step]
        /// The type at the end of the steps, when known better than by following them.
        var finalType: SwiftType?
        /// When `rest` starts with an instance key and a typed attribute of a repeated resource:
        /// how to read them through the library's typed instance access instead.
        var instance: TypedInstance?

        /// The type after applying the remaining steps, as far as it can be told.
        var type: SwiftType? {
            if let finalType { return finalType }
            var current = base.type
            for step in rest {
                switch step {
                case .index: current = current?.element ?? (current == .value ? .value : nil)
                case .attribute:
                    if case .map(let element)? = current {
                        current = element
                    } else {
                        current = current == nil ? nil : .value
                    }
                }
            }
            return current
        }
    }

    /// `identifier[key].property` of a resource with `count` or `for_each`.
    struct TypedInstance {
        var identifier: String
        var repetition: Repetition
        /// The generated property read on the instance (`id`, `cidrBlockRef`).
        var property: String
        var type: SwiftType
    }

    /// Resolves a reference expression, or `nil` when it is not a variable with steps.
    func resolve(_ expression: HCLExpression) -> ResolvedReference? {
        guard let reference = HCLReference(expression) else { return nil }
        let steps = reference.steps
        if let binding = bindings[reference.root] { return resolve(binding, steps) }
        func attribute(_ position: Int) -> String? {
            guard position < steps.count, case .attribute(let name) = steps[position] else { return nil }
            return name
        }
        func untypedReference(_ parts: [String], rest: Int) -> ResolvedReference {
            let code = "Expression.reference(" + parts.map(\.swiftLiteral).joined(separator: ", ") + ")"
            return ResolvedReference(
                base: Emitted(code: code, form: .untyped, type: nil), rest: Array(steps.dropFirst(rest)))
        }
        switch reference.root {
        case "var", "local":
            guard let name = attribute(0) else { return nil }
            let table = reference.root == "var" ? scope.variables : scope.locals
            guard let symbol = table[name] else { return untypedReference([reference.root, name], rest: 1) }
            return ResolvedReference(
                base: Emitted(code: "\(symbol.identifier).value", form: .typed, type: symbol.type),
                rest: Array(steps.dropFirst(1)))
        case "data":
            guard let type = attribute(0), let name = attribute(1) else { return nil }
            return resourceReference("data.\(type).\(name)", parts: ["data", type, name], steps: steps, offset: 2)
        case "module":
            guard let name = attribute(0) else { return nil }
            guard let symbol = scope.modules[name] else { return untypedReference(["module", name], rest: 1) }
            guard let output = attribute(1), !symbol.repeated else {
                return ResolvedReference(
                    base: Emitted(
                        code: "Expression.reference(\"module\", \(name.swiftLiteral))", form: .untyped, type: nil),
                    rest: Array(steps.dropFirst(1)))
            }
            let type = symbol.outputs[output] ?? .value
            return ResolvedReference(
                base: Emitted(
                    code: "(\(symbol.identifier).output(\(output.swiftLiteral)) as Expr<\(type)>)", form: .typed,
                    type: type),
                rest: Array(steps.dropFirst(2)))
        case "each":
            switch attribute(0) {
            case "key":
                return ResolvedReference(
                    base: Emitted(code: "Expression.eachKey", form: .untyped, type: .string),
                    rest: Array(steps.dropFirst(1)))
            case "value":
                return ResolvedReference(
                    base: Emitted(code: "Expression.eachValue", form: .untyped, type: .value),
                    rest: Array(steps.dropFirst(1)))
            default: return untypedReference(["each"], rest: 0)
            }
        case "count":
            guard attribute(0) == "index" else { return untypedReference(["count"], rest: 0) }
            return ResolvedReference(
                base: Emitted(code: "Count.index", form: .typed, type: .number),
                rest: Array(steps.dropFirst(1)))
        case "path", "terraform", "self":
            guard let name = attribute(0) else { return untypedReference([reference.root], rest: 0) }
            let type: SwiftType? = reference.root == "self" ? nil : .string
            var resolved = untypedReference([reference.root, name], rest: 1)
            resolved.base.type = type
            return resolved
        default:
            guard let name = attribute(0), scope.resources["\(reference.root).\(name)"] != nil else {
                var parts = [reference.root]
                var count = 0
                while let name = attribute(count) {
                    parts.append(name)
                    count += 1
                }
                return untypedReference(parts, rest: count)
            }
            return resourceReference(
                "\(reference.root).\(name)", parts: [reference.root, name], steps: steps, offset: 1)
        }
    }

    /// `ident.attribute` for a resource or data source whose `type.name` steps end at `offset`.
    private func resourceReference(
        _ key: String, parts: [String], steps: [HCLReference.Step], offset: Int
    )
        -> ResolvedReference
    {
        let untyped = Emitted(
            code: "Expression.reference(" + parts.map(\.swiftLiteral).joined(separator: ", ") + ")", form: .untyped,
            type: nil)
        guard let symbol = scope.resources[key] else {
            return ResolvedReference(base: untyped, rest: Array(steps.dropFirst(offset)))
        }
        guard !symbol.repeated, offset < steps.count, case .attribute(let name) = steps[offset] else {
            var resolved = ResolvedReference(base: untyped, rest: Array(steps.dropFirst(offset)))
            // An instance of a repeated resource (`aws_subnet.private[0].id`): read through the typed
            // instance access when the attribute has a generated property.
            if let repetition = symbol.repetition, steps.count >= offset + 2, case .index = steps[offset],
                case .attribute(let name) = steps[offset + 1],
                let reference = symbol.model?.references.first(where: { $0.terraformName == name }),
                let type = SwiftType(valueType: reference.valueType)
            {
                if steps.count == offset + 2 { resolved.finalType = type }
                if !reference.isDeprecated {
                    resolved.instance = TypedInstance(
                        identifier: symbol.identifier, repetition: repetition,
                        property: Naming.escaped(reference.swiftName), type: type)
                }
            }
            return resolved
        }
        let rest = Array(steps.dropFirst(offset + 1))
        guard let model = symbol.model else {
            return ResolvedReference(
                base: Emitted(code: "\(symbol.identifier).ref(\(name.swiftLiteral))", form: .untyped, type: nil),
                rest: rest)
        }
        guard let reference = model.references.first(where: { $0.terraformName == name }),
            let type = SwiftType(valueType: reference.valueType)
        else {
            return ResolvedReference(
                base: Emitted(
                    code: "(\(symbol.identifier).address.attribute(\(name.swiftLiteral)) as Expr<Value>)", form: .typed,
                    type: .value), rest: rest)
        }
        if reference.isDeprecated {
            // The generated property is marked deprecated; reading it through the address keeps converted code warning-free.
            return ResolvedReference(
                base: Emitted(
                    code: "(\(symbol.identifier).address.attribute(\(name.swiftLiteral)) as Expr<\(type)>)",
                    form: .typed,
                    type: type), rest: rest)
        }
        return ResolvedReference(
            base: Emitted(
                code: "\(symbol.identifier).\(Naming.escaped(reference.swiftName))", form: .typed, type: type),
            rest: rest)
    }

    /// `aws_subnet.private[*].id` as `privateSubnet.all.id` (an `Expr<[String]>`): a splat of one
    /// typed attribute over a resource or data source with `count` (or neither). `nil` otherwise,
    /// e.g. over a `for_each` resource, whose instances are a map that `[*]` does not walk.
    func typedSplat(_ source: HCLExpression, _ each: HCLExpression) -> Emitted? {
        guard case .getAttribute(let item, let name) = each.kind, case .splatItem = item.kind,
            let reference = HCLReference(source)
        else { return nil }
        let names = reference.steps.compactMap { step -> String? in
            if case .attribute(let name) = step { return name }
            return nil
        }
        guard names.count == reference.steps.count else { return nil }
        let key = ([reference.root] + names).joined(separator: ".")
        guard names.count == (reference.root == "data" ? 2 : 1), let symbol = scope.resources[key],
            symbol.repetition != .forEach,
            let attribute = symbol.model?.references.first(where: { $0.terraformName == name }),
            !attribute.isDeprecated, let type = SwiftType(valueType: attribute.valueType)
        else { return nil }
        return Emitted(
            code: "\(symbol.identifier).all.\(Naming.escaped(attribute.swiftName))", form: .typed, type: .list(type))
    }

    /// Applies the remaining steps: list indexes stay typed, everything else continues untyped.
    mutating func emit(_ resolved: ResolvedReference) -> Emitted {
        var current = resolved.base
        var rest = resolved.rest[...]
        if let instance = resolved.instance, case .index(let key)? = rest.first {
            let keyCode = typed(key, instance.repetition == .count ? .number : .string)
            current = Emitted(
                code: "\(instance.identifier)[\(keyCode)].\(instance.property)", form: .typed, type: instance.type)
            rest = rest.dropFirst(2)
        }
        for step in rest {
            switch step {
            case .index(let key):
                if current.form == .typed, case .list(let element)? = current.type {
                    current = Emitted(code: "\(current.code)[\(typed(key, .number))]", form: .typed, type: element)
                    continue
                }
                if current.form == .typed { current.code += ".expression" }
                current = Emitted(
                    code: current.code + ".index(\(untyped(key)))", form: .untyped,
                    type: current.type?.element ?? (current.type == .value ? .value : nil))
            case .attribute(let name):
                if current.form == .typed { current.code += ".expression" }
                var next: SwiftType? = current.type == nil ? nil : .value
                if case .map(let element)? = current.type { next = element }
                current = Emitted(code: current.code + ".attribute(\(name.swiftLiteral))", form: .untyped, type: next)
            }
        }
        if let finalType = resolved.finalType { current.type = finalType }
        if current.type == nil { current.type = resolved.type }
        return current
    }
}
