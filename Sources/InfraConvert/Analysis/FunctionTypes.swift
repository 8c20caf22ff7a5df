// What Terraform's built-in functions return, for typing calls the typed layer has no
// helper for (`upper(x)` is a string, `keys(m)` a list of strings), and the helpers `Fn`
// has today with their parameter types, so a call is written as `Fn.join(…)` when its
// arguments fit and as an untyped `Expression.call` otherwise.

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

/// A typed helper of `Fn` (InfraTerraform) and the Swift types of its parameters.
struct FunctionHelper {
    /// Argument labels, `nil` for unlabeled.
    var labels: [String?]
    /// Parameter types; `nil` means `Expression` (untyped).
    var parameters: [SwiftType?]
    /// The last parameter repeats (`merge`, `concat`, `format`).
    var variadic: Bool
    var result: SwiftType

    /// The helper for a call with these argument types, when `Fn` has one that fits.
    ///
    /// Only helpers whose signature is the same in the hand-written `Fn` and in the generated one
    /// that replaces it (all of Terraform's functions, typed) are used, so converted code compiles
    /// against both; every other call is written as `Expression.call`.
    static func helper(_ name: String, _ arguments: [SwiftType?]) -> FunctionHelper? {
        let count = arguments.count
        func fixed(_ labels: [String?], _ parameters: [SwiftType?], _ result: SwiftType) -> FunctionHelper? {
            labels.count == count
                ? FunctionHelper(labels: labels, parameters: parameters, variadic: false, result: result) : nil
        }
        switch name {
        case "cidrsubnet": return fixed([nil, "newbits", "netnum"], [.string, .number, .number], .string)
        case "jsondecode": return fixed([nil], [.string], .value)
        case "join": return fixed([nil, nil], [.string, .list(.string)], .string)
        case "file": return fixed([nil], [.string], .string)
        case "base64encode": return fixed([nil], [.string], .string)
        case "merge" where count >= 1:
            guard case .map? = arguments[0], Set(arguments).count == 1 else { return nil }
            return FunctionHelper(
                labels: Array(repeating: nil, count: count), parameters: arguments, variadic: true,
                result: arguments[0] ?? .value)
        case "concat" where count >= 1:
            guard case .list? = arguments[0], Set(arguments).count == 1 else { return nil }
            return FunctionHelper(
                labels: Array(repeating: nil, count: count), parameters: arguments, variadic: true,
                result: arguments[0] ?? .value)
        case "tolist":
            guard case .set(let element)? = arguments.first ?? nil else { return nil }
            return fixed([nil], [.set(element)], .list(element))
        case "toset":
            guard case .list(let element)? = arguments.first ?? nil else { return nil }
            return fixed([nil], [.list(element)], .set(element))
        default: return nil
        }
    }
}
