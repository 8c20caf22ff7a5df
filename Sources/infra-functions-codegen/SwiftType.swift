// The Swift side of a signature: the phantom types of `Expr<T>`. Parsed from the refinement
// file's spelling (`[String: V]`, `Set<E>`, `[[E]]`) and checked against the cty type it refines.

/// A phantom type of `Expr<T>`.
indirect enum SwiftType: Equatable, CustomStringConvertible {
    case string, number, bool, value
    case generic(String)
    case list(SwiftType), set(SwiftType), map(SwiftType)

    /// The default mapping of a cty type: `dynamic` (and object/tuple) become `fresh()` for a
    /// parameter, `Value` where nothing can be inferred.
    static func from(_ cty: CtyType, dynamic fresh: () -> SwiftType) -> SwiftType {
        switch cty {
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .dynamic: fresh()
        case .list(let e): .list(from(e, dynamic: fresh))
        case .set(let e): .set(from(e, dynamic: fresh))
        case .map(let e): .map(from(e, dynamic: fresh))
        case .object, .tuple: .value
        }
    }

    /// Swift spelling: `[String: V]`.
    var description: String {
        switch self {
        case .string: "String"
        case .number: "Double"
        case .bool: "Bool"
        case .value: "Value"
        case .generic(let name): name
        case .list(let e): "[\(e)]"
        case .set(let e): "Set<\(e)>"
        case .map(let e): "[String: \(e)]"
        }
    }

    /// Whether this type only narrows what `cty` leaves open: concrete cty types must map to
    /// the same Swift type; `dynamic` accepts anything.
    func refines(_ cty: CtyType) -> Bool {
        switch (cty, self) {
        case (.dynamic, _): true
        case (.string, .string), (.number, .number), (.bool, .bool): true
        case (.list(let c), .list(let s)), (.set(let c), .set(let s)), (.map(let c), .map(let s)): s.refines(c)
        case (.object, .value), (.tuple, .value): true
        default: false
        }
    }

    /// The generic parameters the type mentions.
    var generics: [String] {
        switch self {
        case .generic(let name): [name]
        case .list(let e), .set(let e), .map(let e): e.generics
        default: []
        }
    }

    /// Parses the refinement spelling; `generics` are the names that stand for type parameters.
    static func parse(_ text: String, generics: Set<String>) throws -> SwiftType {
        var parser = Parser(text: Array(text.filter { !$0.isWhitespace }), generics: generics)
        let type = try parser.type()
        guard parser.position == parser.text.count else { throw CodegenError("trailing text in type \"\(text)\"") }
        return type
    }

    private struct Parser {
        let text: [Character]
        let generics: Set<String>
        var position = 0

        mutating func type() throws -> SwiftType {
            if take("[") {
                if take("String:") {
                    let value = try type()
                    try expect("]")
                    return .map(value)
                }
                let element = try type()
                try expect("]")
                return .list(element)
            }
            if take("Set<") {
                let element = try type()
                try expect(">")
                return .set(element)
            }
            var name = ""
            while position < text.count, text[position].isLetter || text[position].isNumber {
                name.append(text[position])
                position += 1
            }
            switch name {
            case "String": return .string
            case "Double": return .number
            case "Bool": return .bool
            case "Value": return .value
            case _ where generics.contains(name): return .generic(name)
            default: throw CodegenError("unknown type \"\(name)\" in \"\(String(text))\"")
            }
        }

        mutating func take(_ token: String) -> Bool {
            let characters = Array(token)
            guard position + characters.count <= text.count,
                Array(text[position..<(position + characters.count)]) == characters
            else { return false }
            position += characters.count
            return true
        }

        mutating func expect(_ token: String) throws {
            guard take(token) else { throw CodegenError("expected \"\(token)\" in \"\(String(text))\"") }
        }
    }
}
