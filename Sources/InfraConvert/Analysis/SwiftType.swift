// The Terraform types the typed layer can spell, as the Swift type argument of `Expr<T>`:
// `String`, `Double`, `Bool`, `[T]`, `Set<T>`, `[String: T]` and `Value` for anything else
// (objects, tuples, `any`). Parsed from the generator's value types and from variable type
// constraints, and compared when an expression of one type feeds an argument of another.

import InfraHCL

/// A Terraform type as the typed layer writes it.
indirect enum SwiftType: Hashable, Sendable, CustomStringConvertible {
    case string, number, bool, value
    case list(SwiftType)
    case set(SwiftType)
    case map(SwiftType)

    /// The Swift spelling: `String`, `[String: Double]`, `Set<String>`.
    var description: String {
        switch self {
        case .string: "String"
        case .number: "Double"
        case .bool: "Bool"
        case .value: "Value"
        case .list(let element): "[\(element)]"
        case .set(let element): "Set<\(element)>"
        case .map(let element): "[String: \(element)]"
        }
    }

    /// Reads a generator value type (`[String: Set<Double>]`).
    init?(valueType text: String) {
        var parser = Substring(text)
        guard let type = SwiftType.parse(&parser), parser.isEmpty else { return nil }
        self = type
    }

    private static func parse(_ text: inout Substring) -> SwiftType? {
        if text.hasPrefix("[String: ") {
            text = text.dropFirst(9)
            guard let element = parse(&text), text.first == "]" else { return nil }
            text = text.dropFirst()
            return .map(element)
        }
        if text.hasPrefix("[") {
            text = text.dropFirst()
            guard let element = parse(&text), text.first == "]" else { return nil }
            text = text.dropFirst()
            return .list(element)
        }
        if text.hasPrefix("Set<") {
            text = text.dropFirst(4)
            guard let element = parse(&text), text.first == ">" else { return nil }
            text = text.dropFirst()
            return .set(element)
        }
        for (name, type) in [("String", SwiftType.string), ("Double", .number), ("Bool", .bool), ("Value", .value)]
        where text.hasPrefix(name) {
            text = text.dropFirst(name.count)
            return type
        }
        return nil
    }

    /// The type of a variable's type constraint (`list(string)` → `[String]`; objects → `Value`).
    init(constraint: HCLExpression?) {
        guard let constraint else {
            self = .value
            return
        }
        switch constraint.kind {
        case .variable("string"): self = .string
        case .variable("number"): self = .number
        case .variable("bool"): self = .bool
        case .call(let name, let arguments, _) where arguments.count == 1:
            let element = SwiftType(constraint: arguments[0])
            switch name {
            case "list": self = .list(element)
            case "set": self = element.isHashable ? .set(element) : .value
            case "map": self = .map(element)
            default: self = .value
            }
        default: self = .value
        }
    }

    /// The type of a constant (`"x"` → `String`, `{a = "x"}` → `[String: String]`, mixed → `Value`).
    init(value: HCLValue) {
        switch value {
        case .string: self = .string
        case .number: self = .number
        case .bool: self = .bool
        case .null: self = .value
        case .tuple(let elements):
            let types = Set(elements.map(SwiftType.init(value:)))
            self = types.count == 1 ? .list(types.first ?? .value) : .value
        case .object(let members):
            let types = Set(members.map { SwiftType(value: $0.value) })
            self = types.count == 1 ? .map(types.first ?? .value) : .value
        }
    }

    /// Whether `Set<Self>` is a valid Swift type.
    var isHashable: Bool { true }

    /// The element type of a list or set.
    var element: SwiftType? {
        switch self {
        case .list(let element), .set(let element), .map(let element): element
        default: nil
        }
    }
}
