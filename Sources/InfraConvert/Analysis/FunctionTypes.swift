// What Terraform's built-in functions return, for typing calls the converter writes untyped
// (`upper(x)` is a string, `keys(m)` a list of strings), and the functions of the generated
// `Fn` whose parameters it can type, so a call is written as `Fn.join(…)` when its arguments
// fit and as an untyped `Expression.call` otherwise.

/// Result types of Terraform functions.
enum FunctionTypes {
    static let strings: Set<String> = [
        "abspath", "base64decode", "base64encode", "base64gzip", "base64sha256", "base64sha512", "basename",
        "bcrypt", "chomp", "cidrhost", "cidrnetmask", "cidrsubnet", "dirname", "endswith", "file", "filebase64",
        "filebase64sha256", "filebase64sha512", "filemd5", "filesha1", "filesha256", "filesha512", "format",
        "formatdate", "indent", "join", "jsonencode", "lower", "md5", "pathexpand", "plantimestamp", "replace",
        "rsadecrypt", "sha1", "sha256", "sha512", "strrev", "substr", "templatefile", "textdecodebase64",
        "textencodebase64", "timeadd", "timestamp", "title", "tostring", "trim", "trimprefix", "trimspace",
        "trimsuffix", "upper", "urlencode", "uuid", "uuidv5", "yamlencode",
    ]
    static let numbers: Set<String> = [
        "abs", "ceil", "floor", "index", "length", "log", "max", "min", "parseint", "pow", "signum", "sum",
        "tonumber",
    ]
    static let bools: Set<String> = [
        "alltrue", "anytrue", "can", "contains", "fileexists", "issensitive", "startswith", "tobool",
    ]
    static let stringLists: Set<String> = ["cidrsubnets", "formatlist", "keys", "split", "sort"]

    /// The result type of `name(arguments)` given the arguments' types (`nil` when unknown).
    static func result(_ name: String, _ arguments: [SwiftType?]) -> SwiftType? {
        if strings.contains(name) { return .string }
        if numbers.contains(name) { return .number }
        if bools.contains(name) { return .bool }
        if stringLists.contains(name) { return .list(.string) }
        switch name {
        case "range": return .list(.number)
        case "fileset": return .set(.string)
        case "toset":
            if case .list(let element)? = arguments.first ?? nil { return .set(element) }
            return .set(.string)
        case "tolist":
            if case .set(let element)? = arguments.first ?? nil { return .list(element) }
            return arguments.first ?? nil
        case "concat", "distinct", "reverse", "slice", "compact", "setunion", "setintersection", "setsubtract":
            return arguments.first ?? nil
        case "merge":
            let types = Set(arguments.compactMap { $0 })
            return types.count == 1 && arguments.allSatisfy({ $0 != nil }) ? types.first : .value
        case "element":
            return (arguments.first ?? nil)?.element
        case "lookup":
            if case .map(let element)? = arguments.first ?? nil { return element }
            return .value
        case "coalesce":
            let types = Set(arguments.compactMap { $0 })
            return types.count == 1 ? types.first : .value
        case "values":
            if case .map(let element)? = arguments.first ?? nil { return .list(element) }
            return .value
        case "zipmap":
            if case .list(let element)? = arguments.count > 1 ? arguments[1] : nil { return .map(element) }
            return .value
        case "tomap":
            return (arguments.first ?? nil).flatMap { if case .map = $0 { $0 } else { nil } } ?? .value
        default: return nil
        }
    }
}

/// A typed function of `Fn` (InfraTerraform, generated from Terraform's function metadata) and
/// the Swift types of its parameters.
struct FunctionHelper {
    /// Argument labels, `nil` for unlabeled.
    var labels: [String?]
    /// Parameter types; `nil` is a generic parameter (`Expr<A>`): the argument keeps its own type.
    var parameters: [SwiftType?]
    var result: SwiftType

    /// The typed function for a call with these argument types, when its signature in `Fn` fits.
    ///
    /// `Fn` has every Terraform function; the ones here are those whose parameters the converter
    /// can type from what it knows of the arguments. Every other call is written as
    /// `Expression.call`, typed by its result (``FunctionTypes``).
    static func helper(_ name: String, _ arguments: [SwiftType?]) -> FunctionHelper? {
        let count = arguments.count
        func fixed(_ labels: [String?], _ parameters: [SwiftType?], _ result: SwiftType) -> FunctionHelper? {
            labels.count == count ? FunctionHelper(labels: labels, parameters: parameters, result: result) : nil
        }
        let first = arguments.first ?? nil
        switch name {
        case "cidrsubnet": return fixed([nil, "newbits", "netnum"], [.string, .number, .number], .string)
        case "cidrhost": return fixed([nil, "hostnum"], [.string, .number], .string)
        case "jsondecode": return fixed([nil], [.string], .value)
        case "jsonencode": return fixed([nil], [nil], .string)
        case "length": return fixed([nil], [nil], .number)
        case "can": return fixed([nil], [nil], .bool)
        case "tostring": return fixed([nil], [nil], .string)
        case "tonumber": return fixed([nil], [nil], .number)
        case "file", "base64encode", "upper", "lower", "trimspace":
            return fixed([nil], [.string], .string)
        case "replace": return fixed([nil, "substr", "replace"], [.string, .string, .string], .string)
        case "format" where count >= 1:
            return FunctionHelper(
                labels: Array(repeating: nil, count: count),
                parameters: [.string] + Array(repeating: nil, count: count - 1), result: .string)
        case "join" where count >= 2:
            return FunctionHelper(
                labels: Array(repeating: nil, count: count),
                parameters: [.string] + Array(repeating: .list(.string), count: count - 1), result: .string)
        case "merge" where count >= 1:
            guard case .map? = first, Set(arguments).count == 1 else { return nil }
            return FunctionHelper(
                labels: Array(repeating: nil, count: count), parameters: arguments, result: first ?? .value)
        case "concat" where count >= 1:
            guard case .list? = first, Set(arguments).count == 1 else { return nil }
            return FunctionHelper(
                labels: Array(repeating: nil, count: count), parameters: arguments, result: first ?? .value)
        case "element":
            guard case .list(let element)? = first else { return nil }
            return fixed([nil, "index"], [.list(element), .number], element)
        case "lookup":
            guard case .map(let element)? = first else { return nil }
            return fixed(
                Array([nil, "key", "default"].prefix(count)), Array([.map(element), .string, element].prefix(count)),
                element)
        case "contains":
            switch first {
            case .list(let element)?: return fixed([nil, "value"], [.list(element), element], .bool)
            case .set(let element)?: return fixed([nil, "value"], [.set(element), element], .bool)
            default: return nil
            }
        case "keys":
            guard case .map(let element)? = first else { return nil }
            return fixed([nil], [.map(element)], .list(.string))
        case "values":
            guard case .map(let element)? = first else { return nil }
            return fixed([nil], [.map(element)], .list(element))
        case "tolist":
            guard case .set(let element)? = first else { return nil }
            return fixed([nil], [.set(element)], .list(element))
        case "toset":
            guard case .list(let element)? = first else { return nil }
            return fixed([nil], [.list(element)], .set(element))
        default: return nil
        }
    }
}
