// HCL expressions → typed Swift. Literals are written for the Swift type they feed
// (`"10.0.0.0/16"`, `["a", "b"]`, `["Name": "web"]`); references become the converted
// values' typed properties (`vpc.id`, `region.value`); calls use the typed `Fn` helpers when
// their arguments fit; templates become Swift string interpolation. What the typed layer cannot
// say yet — `for` expressions whose collection or body it cannot type, splats other than
// `x[*].attribute` over a counted resource, template directives, `...` expansion, computed
// object keys — stays HCL text in `.raw(…)`, and a note says so above the statement.

import InfraAWSBindings
import InfraHCL

/// An emitted Swift expression and what it is.
struct Emitted {
    enum Form: Equatable {
        /// `code` has the static type `Expr<type>`.
        case typed
        /// `code` has the static type `Expression`.
        case untyped
    }

    var code: String
    var form: Form
    /// The Terraform type, when known (also for untyped code).
    var type: SwiftType?
}

/// Writes the Swift form of expressions for one statement, collecting notes about escapes.
struct ExpressionEmitter {
    let scope: EmitScope
    /// Comment lines for the statement being written (`convert: …`).
    var notes: [String] = []
    /// Report entries for the statement being written.
    var entries: [ConversionReport.Entry] = []
    /// The block being written, for report entries (`aws_vpc.main`).
    var subject = ""
    /// Names bound inside the expression being written: `for` variables and `dynamic` iterators.
    var bindings: [String: LoopBinding] = [:]

    init(scope: EmitScope) {
        self.scope = scope
    }

    // MARK: Types

    /// The Terraform type an expression evaluates to, when it can be told without evaluating it.
    func type(of expression: HCLExpression) -> SwiftType? {
        switch expression.kind {
        case .number: return .number
        case .bool: return .bool
        case .null, .invalid, .splatItem: return nil
        case .template: return .string
        case .templateWrap(let inner), .parenthesized(let inner): return type(of: inner)
        case .tuple(let elements):
            let types = elements.map(type(of:))
            if let first = types.first, let element = first, types.allSatisfy({ $0 == element }) {
                return .list(element)
            }
            return elements.isEmpty ? .list(.string) : .value
        case .object(let items):
            let types = items.map { type(of: $0.value) }
            if let first = types.first, let element = first, types.allSatisfy({ $0 == element }) {
                return .map(element)
            }
            return items.isEmpty ? .map(.string) : .value
        case .call(let name, let arguments, _):
            return FunctionTypes.result(name, arguments.map(type(of:)))
        case .unary(let op, _): return op == .not ? .bool : .number
        case .binary(let op, _, _):
            switch op {
            case .add, .subtract, .multiply, .divide, .modulo: return .number
            default: return .bool
            }
        case .conditional(_, let then, let otherwise):
            let a = type(of: then)
            let b = type(of: otherwise)
            if a == b { return a }
            if case .null = then.kind { return b }
            if case .null = otherwise.kind { return a }
            return .value
        case .forExpression(let forExpression): return forType(forExpression) ?? .value
        case .splat(let source, let each, _): return typedSplat(source, each)?.type ?? .value
        case .variable, .getAttribute, .index:
            return resolve(expression)?.type
        }
    }

    // MARK: Entry points

    /// Code of static type `Expr<target>`, for an argument of that type.
    mutating func typed(_ expression: HCLExpression, _ target: SwiftType) -> String {
        typedCode(expression, target).flat
    }

    /// Code of static type `Expression` (or literal syntax an `Expression` accepts).
    mutating func untyped(_ expression: HCLExpression) -> String {
        untypedCode(expression).flat
    }

    /// ``typed(_:_:)`` as laid-out code (collections can break over lines).
    mutating func typedCode(_ expression: HCLExpression, _ target: SwiftType) -> SwiftCode {
        switch expression.kind {
        case .templateWrap(let inner), .parenthesized(let inner):
            return typedCode(inner, target)
        case .null:
            return .text("nil")
        case .number(let text):
            switch target {
            case .number: return .text(Self.swiftNumber(text))
            case .string: return .text(Self.terraformString(ofNumber: text).swiftLiteral)
            default: return wrap(untypedCode(expression), target, literal: true)
            }
        case .bool(let flag):
            switch target {
            case .bool: return .text(flag ? "true" : "false")
            case .string: return .text((flag ? "true" : "false").swiftLiteral)
            default: return wrap(untypedCode(expression), target, literal: true)
            }
        case .template(let template):
            if let text = template.literalText {
                switch target {
                case .string: return .text(text.swiftLiteral)
                case .number where Double(text) != nil && text.allSatisfy({ "0123456789.-eE+".contains($0) }):
                    return .text(Self.swiftNumber(text))
                case .bool where text == "true" || text == "false": return .text(text)
                default: return wrap(.text(text.swiftLiteral), target, literal: true)
                }
            }
            guard let interpolated = interpolation(template) else { return .text(raw(expression, target)) }
            return target == .string ? .text(interpolated) : wrap(.text(interpolated), target, literal: true)
        case .tuple(let elements):
            switch target {
            case .list(let element), .set(let element):
                return .array(elements.map { typedCode($0, element) })
            default: return wrap(untypedCode(expression), target, literal: true)
            }
        case .object(let items):
            guard case .map(let element) = target else { return wrap(untypedCode(expression), target, literal: true) }
            guard let keys = Self.literalKeys(items) else { return .text(raw(expression, target)) }
            return .dictionary(zip(keys, items).map { ($0.swiftLiteral, typedCode($1.value, element)) })
        default:
            let emitted = natural(expression)
            switch emitted.form {
            case .typed:
                return .text(emitted.type == target ? emitted.code : emitted.code + ".unsafeCast(to: \(target).self)")
            case .untyped:
                if emitted.code.hasPrefix("Expression.raw(") {
                    return .text("Expr<\(target)>" + String(emitted.code.dropFirst(10)))
                }
                return .text("Expr<\(target)>(\(emitted.code))")
            }
        }
    }

    /// ``untyped(_:)`` as laid-out code.
    mutating func untypedCode(_ expression: HCLExpression) -> SwiftCode {
        switch expression.kind {
        case .templateWrap(let inner), .parenthesized(let inner):
            return untypedCode(inner)
        case .null: return .text("nil")
        case .number(let text): return .text(Self.swiftNumber(text))
        case .bool(let flag): return .text(flag ? "true" : "false")
        case .template(let template):
            if let text = template.literalText { return .text(text.swiftLiteral) }
            return .text(interpolation(template) ?? raw(expression, nil))
        case .tuple(let elements):
            return .array(elements.map { untypedCode($0) })
        case .object(let items):
            guard let keys = Self.literalKeys(items) else { return .text(raw(expression, nil)) }
            return .dictionary(zip(keys, items).map { ($0.swiftLiteral, untypedCode($1.value)) })
        default:
            let emitted = natural(expression)
            return .text(emitted.form == .typed ? emitted.code + ".expression" : emitted.code)
        }
    }

    /// `Fn` helpers with a list and a set overload, which a collection literal alone cannot choose.
    static let overloadedOnCollections: Set<String> = ["toset", "contains"]

    /// `Expr<T>(…)` around untyped code (the type spelled, so generic helpers can infer theirs);
    /// literal syntax is pinned to `Expression` first.
    private func wrap(_ code: SwiftCode, _ target: SwiftType, literal: Bool) -> SwiftCode {
        .sequence([.text("Expr<\(target)>("), code, .text(literal ? " as Expression)" : ")")])
    }

    /// Untyped code that is certainly an `Expression` value (not literal syntax).
    private mutating func expressionValue(_ expression: HCLExpression) -> String {
        let code = untyped(expression)
        return Self.isLiteralSyntax(expression) ? "(\(code) as Expression)" : code
    }

    static func isLiteralSyntax(_ expression: HCLExpression) -> Bool {
        switch expression.kind {
        case .number, .bool, .null, .template, .tuple, .object: true
        case .templateWrap(let inner), .parenthesized(let inner): isLiteralSyntax(inner)
        default: false
        }
    }

    /// Object keys when every key is a literal name.
    static func literalKeys(_ items: [HCLObjectItem]) -> [String]? {
        var keys: [String] = []
        for item in items {
            switch item.key {
            case .identifier(let name): keys.append(name)
            case .expression(let key):
                switch key.constantValue {
                case .string(let text)?: keys.append(text)
                case .number(let text)?: keys.append(text)
                default: return nil
                }
            }
        }
        return keys
    }

    // MARK: Natural forms

    /// References, calls, operators and conditionals in their own type.
    mutating func natural(_ expression: HCLExpression) -> Emitted {
        switch expression.kind {
        case .variable, .getAttribute, .index:
            if let resolved = resolve(expression) { return emit(resolved) }
            return Emitted(code: rawCode(expression), form: .untyped, type: nil)
        case .call(let name, let arguments, let expandsFinal):
            if expandsFinal { return rawEmitted(expression, "argument expansion (`...`)") }
            let types = arguments.map(type(of:))
            // A `null` argument stays written (`lookup(m, k, null)`): the helpers' optional parameters drop nil.
            let passesNull = arguments.contains { if case .null = $0.kind { true } else { false } }
            if !passesNull, let helper = FunctionHelper.helper(name, types) {
                var parts: [String] = []
                for (position, argument) in arguments.enumerated() {
                    let label = helper.labels[position].map { "\($0): " } ?? ""
                    let parameter = helper.parameters[position]
                    // A generic parameter takes the argument in its own type (`Value` when unknown).
                    var code = parameter.map { typed(argument, $0) } ?? genericArgument(argument)
                    if let parameter, Self.overloadedOnCollections.contains(name), parameter.element != nil,
                        Self.isLiteralSyntax(argument), !code.hasPrefix("Expr<")
                    {
                        // `Fn.toset` and `Fn.contains` take a list or a set: a literal fits both.
                        code = "(\(code) as Expr<\(parameter)>)"
                    }
                    parts.append(label + code)
                }
                return Emitted(code: "Fn.\(name)(\(parts.joined(separator: ", ")))", form: .typed, type: helper.result)
            }
            let parts = arguments.map { untyped($0) }
            return Emitted(
                code: "Expression.call(\(([name.swiftLiteral] + parts).joined(separator: ", ")))", form: .untyped,
                type: FunctionTypes.result(name, types))
        case .binary(let op, let left, let right):
            return binary(op, left, right)
        case .unary(let op, let operand):
            if op == .not, type(of: operand) == .bool, case .typed = natural(operand).form {
                return Emitted(code: "!" + typed(operand, .bool), form: .typed, type: .bool)
            }
            return Emitted(
                code: "Expression(.unary(\(op.rawValue.swiftLiteral), \(expressionValue(operand)).node))",
                form: .untyped,
                type: op == .not ? .bool : .number)
        case .conditional(let condition, let then, let otherwise):
            if type(of: condition) == .bool, let result = type(of: expression) {
                // `.if` takes one type for both branches (`null` is `nil`).
                return Emitted(
                    code: "Expr<\(result)>.if(\(typed(condition, .bool)), then: \(typed(then, result)), "
                        + "else: \(typed(otherwise, result)))",
                    form: .typed, type: result)
            }
            return Emitted(
                code: "Expression.conditional(\(untyped(condition)), \(untyped(then)), \(untyped(otherwise)))",
                form: .untyped, type: type(of: expression))
        case .forExpression(let forExpression):
            return typedFor(forExpression) ?? rawEmitted(expression, "`for` expression")
        case .splat(let source, let each, _):
            return typedSplat(source, each) ?? rawEmitted(expression, "splat (`[*]`)")
        case .template:
            return rawEmitted(expression, "template directive (`%{…}`)")
        case .templateWrap(let inner), .parenthesized(let inner):
            return natural(inner)
        default:
            return Emitted(code: expressionValue(expression), form: .untyped, type: type(of: expression))
        }
    }

    private mutating func binary(_ op: HCLBinaryOperator, _ left: HCLExpression, _ right: HCLExpression) -> Emitted {
        let leftType = type(of: left)
        let rightType = type(of: right)
        let swiftOperator: String? =
            switch op {
            case .and where leftType == .bool && rightType == .bool: "&&"
            case .or where leftType == .bool && rightType == .bool: "||"
            case .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual, .add, .subtract, .multiply, .divide,
                .modulo:
                leftType == .number && rightType == .number ? op.rawValue : nil
            default: nil
            }
        if let swiftOperator, let operandType = leftType {
            let result: SwiftType =
                [.and, .or, .add, .subtract, .multiply, .divide, .modulo].contains(op) ? operandType : .bool
            return Emitted(
                code: "(\(typedValue(left, operandType)) \(swiftOperator) \(typed(right, operandType)))", form: .typed,
                type: result)
        }
        if op == .equal || op == .notEqual {
            // `.==`/`.!=` compare two values of one type; the left operand's type decides it.
            let leftEmitted = natural(left)
            if leftEmitted.form == .typed, let leftType = leftEmitted.type, !Self.isLiteralSyntax(left) {
                let swiftOperator = op == .equal ? ".==" : ".!="
                return Emitted(
                    code: "(\(leftEmitted.code) \(swiftOperator) \(typed(right, leftType)))", form: .typed, type: .bool)
            }
        }
        let result: SwiftType =
            switch op {
            case .add, .subtract, .multiply, .divide, .modulo: .number
            default: .bool
            }
        return Emitted(
            code: "Expression.binary(\(op.rawValue.swiftLiteral), \(untyped(left)), \(untyped(right)))", form: .untyped,
            type: result)
    }

    /// An argument for a generic `Expr<A>` parameter: typed in its own type, never bare literal
    /// syntax (the generic parameter could not be inferred from it).
    private mutating func genericArgument(_ expression: HCLExpression) -> String {
        let target = type(of: expression) ?? .value
        let code = typed(expression, target)
        guard Self.isLiteralSyntax(expression), !code.hasPrefix("Expr<") else { return code }
        // A list or map of `Value` holds `Expr<Value>(…)` elements, which only the typed collection
        // literal takes (`Expr<T>(…)` takes an untyped `Expression`): pin it instead.
        switch target {
        case .list(.value), .set(.value), .map(.value): return "(\(code) as Expr<\(target)>)"
        default: return "Expr<\(target)>(\(code))"
        }
    }

    /// Typed code that is a value (never bare literal syntax): a literal is pinned with `as Expr<T>`,
    /// so a generic closure (a `for` body) can infer its result type from it.
    mutating func pinnedValue(_ expression: HCLExpression, _ target: SwiftType) -> String {
        let code = typed(expression, target)
        return Self.isLiteralSyntax(expression) ? "(\(code) as Expr<\(target)>)" : code
    }

    /// Typed code that is a value (never bare literal syntax), for operator operands.
    private mutating func typedValue(_ expression: HCLExpression, _ target: SwiftType) -> String {
        let code = typed(expression, target)
        return Self.isLiteralSyntax(expression) ? "Expr<\(target)>(\(code))" : code
    }

    // MARK: Templates

    /// `"text \(value) text"` for a template of literal text and interpolations; `nil` with directives.
    private mutating func interpolation(_ template: HCLTemplate) -> String? {
        var out = "\""
        for part in template.parts {
            switch part {
            case .literal(let text): out += text.swiftEscaped
            case .interpolation(let inner):
                if let constant = Self.interpolatedConstant(inner) {
                    out += constant.swiftEscaped
                    continue
                }
                out += "\\(" + natural(inner).code + ")"
            case .ifDirective, .forDirective:
                return nil
            }
        }
        return out + "\""
    }

    /// The text a literal interpolation adds (`${"x"}`, `${5}`, `${true}`).
    private static func interpolatedConstant(_ expression: HCLExpression) -> String? {
        switch expression.constantValue {
        case .string(let text)?: text
        case .number(let text)?: terraformString(ofNumber: text)
        case .bool(let flag)?: flag ? "true" : "false"
        default: nil
        }
    }

    // MARK: Escape hatch

    private mutating func rawEmitted(_ expression: HCLExpression, _ what: String) -> Emitted {
        note(what, expression)
        return Emitted(code: rawCode(expression), form: .untyped, type: type(of: expression))
    }

    /// `Expr<T>.raw(…)` (or `Expression.raw(…)` when `target` is `nil`).
    private mutating func raw(_ expression: HCLExpression, _ target: SwiftType?) -> String {
        note(Self.describe(expression), expression)
        return (target.map { "Expr<\($0)>" } ?? "Expression") + ".raw(\(expression.hcl.swiftLiteral))"
    }

    private func rawCode(_ expression: HCLExpression) -> String {
        "Expression.raw(\(expression.hcl.swiftLiteral))"
    }

    private static func describe(_ expression: HCLExpression) -> String {
        switch expression.kind {
        case .object: "object with computed keys"
        case .template: "template directive (`%{…}`)"
        default: "expression"
        }
    }

    private mutating func note(_ what: String, _ expression: HCLExpression) {
        let line = "convert: \(what) kept as HCL: \(expression.range)"
        if !notes.contains(line) { notes.append(line) }
        entries.append(
            ConversionReport.Entry(
                kind: .escapeHatch, subject: subject, location: expression.range.description,
                message: "\(what) kept as HCL text (`.raw`) until the typed layer can express it"))
    }

    // MARK: Numbers

    /// A Swift numeric literal for an HCL number (`80`, `2.5`, `1e3`; big integers as floats).
    static func swiftNumber(_ text: String) -> String {
        if Int(text) != nil { return text }
        if text.allSatisfy({ $0.isNumber || $0 == "-" }) { return text + ".0" }
        return text
    }

    /// How Terraform converts a number to a string (`1e3` → `1000`, `2.50` → `2.5`).
    static func terraformString(ofNumber text: String) -> String {
        if Int(text) != nil { return text }
        guard let value = Double(text) else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        if !text.contains("e"), !text.contains("E"), text.contains(".") {
            var trimmed = Substring(text)
            while trimmed.last == "0" { trimmed.removeLast() }
            if trimmed.last == "." { trimmed.removeLast() }
            return String(trimmed)
        }
        return String(value)
    }
}
