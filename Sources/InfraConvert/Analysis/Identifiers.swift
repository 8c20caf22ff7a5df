// Swift names for converted blocks: `aws_vpc.main` becomes `main` (or `vpc` when the name says
// nothing, like `this`), `var.cidr_block` becomes `cidrBlock`, and clashes are settled by
// adding the type. cdktf's construct-path names (`network_vpc_4E8F0223`) become readable
// Terraform names (`network_vpc`) and Swift names (`networkVpc`); the caller keeps the state
// with a `moved` block.

/// Makes Swift identifiers.
enum Identifiers {
    /// Swift keywords and names that would shadow what converted code uses.
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "as", "false", "is", "nil", "self", "super", "throws", "true", "try", "await", "async", "some", "any",
        "stack", "module", "units", "settings", "Fn", "Expr", "Expression", "Value",
    ]

    /// Names that say nothing about the block (`this`, `main`): the type names it instead.
    static let generic: Set<String> = ["this", "main", "default", "self", "current", "it", "default_"]

    /// Splits a Terraform name into words: `flow-log_group` → [flow, log, group].
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in name {
            if character == "_" || character == "-" || character == "." || character == "/" || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isLetter || character.isNumber {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `flow-log_group` → `flowLogGroup`; a leading digit gets an underscore.
    static func lowerCamel(_ words: [String]) -> String {
        var result = ""
        for (position, word) in words.enumerated() {
            if position == 0 {
                result += word.prefix(1).lowercased() + word.dropFirst()
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        if result.isEmpty { result = "value" }
        if let first = result.first, first.isNumber { result = "_" + result }
        return result
    }

    /// `environments/dev` → `EnvironmentsDev`.
    static func upperCamel(_ words: [String]) -> String {
        let lower = lowerCamel(words)
        return lower.hasPrefix("_") ? "T" + lower : lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// The type words without the provider prefix: `aws_iam_role` → [iam, role].
    static func typeWords(_ type: String) -> [String] {
        Array(words(type).dropFirst())
    }

    /// cdktf's construct-path name: `<path words joined by _>_<8 hex digits>`.
    static func cdktfReadableName(name: String, path: String?) -> String? {
        guard let path else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count > 2 else { return nil }  // top-level constructs keep their id
        guard let suffix = name.split(separator: "_").last, suffix.count == 8,
            suffix.allSatisfy({ $0.isHexDigit && !$0.isLowercase })
        else { return nil }
        let readable = parts.dropFirst().flatMap(words).map { $0.lowercased() }.joined(separator: "_")
        return readable.isEmpty ? nil : readable
    }
}

/// Hands out unique identifiers within one Swift scope.
struct IdentifierScope {
    private var used: Set<String> = []

    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// The first of `candidates` not taken (a number is added to the last one if all are).
    mutating func claim(_ candidates: [String]) -> String {
        for candidate in candidates where !used.contains(candidate) && !Identifiers.reserved.contains(candidate) {
            used.insert(candidate)
            return candidate
        }
        let base = candidates.last ?? "value"
        var counter = 2
        while used.contains("\(base)\(counter)") { counter += 1 }
        used.insert("\(base)\(counter)")
        return "\(base)\(counter)"
    }
}
