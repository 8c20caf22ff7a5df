// Small readers for Terraform JSON values: nested blocks may be an object or a list of
// objects, booleans may be written as strings, and references live inside `${…}`.

import InfraCore

/// Helpers for reading Terraform JSON attribute values.
public enum TerraformValue {
    /// The objects of a section that may be one object or a list of objects.
    static func objects(_ value: Value?) -> [ValueObject] {
        switch value {
        case .object(let object)?: [object]
        case .array(let elements)?: elements.compactMap(\.objectValue)
        default: []
        }
    }

    /// The nested blocks of an attribute: `{…}` gives one block, `[{…}, {…}]` several.
    public static func blocks(_ value: Value?) -> [Value] {
        switch value {
        case .object?: value.map { [$0] } ?? []
        case .array(let elements)?: elements.filter { $0.objectValue != nil }
        default: []
        }
    }

    /// The first nested block of an attribute.
    public static func block(_ value: Value?) -> Value? { blocks(value).first }

    /// `true` for `true` and `"true"`; `false` for anything else (missing included).
    public static func isTrue(_ value: Value?) -> Bool {
        switch value {
        case .bool(true)?: true
        case .string(let text)?: text.lowercased() == "true"
        default: false
        }
    }

    /// `false` only for an explicit `false` / `"false"`.
    public static func isFalse(_ value: Value?) -> Bool {
        switch value {
        case .bool(false)?: true
        case .string(let text)?: text.lowercased() == "false"
        default: false
        }
    }

    /// An integer from `7`, `7.0` or `"7"`.
    public static func int(_ value: Value?) -> Int? {
        switch value {
        case .int(let number)?: number
        case .double(let number)?: number.isFinite ? Int(exactly: number.rounded()) : nil
        case .string(let text)?: Int(text)
        default: nil
        }
    }

    /// The strings of a scalar or a list (`"a"` → `["a"]`, `["a", "b"]` → both).
    public static func strings(in value: Value?) -> [String] {
        switch value {
        case .string(let text)?: [text]
        case .array(let elements)?: elements.compactMap(\.stringValue)
        default: []
        }
    }

    /// Whether `text` has an interpolation referring to `address` (`aws_vpc.main` in
    /// `${aws_vpc.main.id}` or `${aws_vpc.main[0].id}`, but not in `${aws_vpc.main2.id}`).
    public static func refers(_ text: String, to address: String) -> Bool {
        referencedAddresses(in: text).contains(address)
    }

    /// The addresses referred to inside the `${…}` interpolations of `text`: `type.name`,
    /// `data.type.name`, `module.name` (and `var.x`, `local.x`), whatever attribute follows.
    ///
    /// ```swift
    /// TerraformValue.referencedAddresses(in: "arn:${aws_s3_bucket.logs[0].arn}/*")   // ["aws_s3_bucket.logs"]
    /// ```
    public static func referencedAddresses(in text: String) -> Set<String> {
        guard text.contains("${") else { return [] }
        var addresses = Set<String>()
        var token: [Character] = []
        var depth = 0
        var dollars = 0  // consecutive `$` before the current character; `$${` is an escaped literal
        func flush() {
            if depth > 0, !token.isEmpty { addresses.formUnion(address(of: String(token))) }
            token.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character == "{", dollars % 2 == 1 {
                flush()
                depth += 1
            } else if character == "}", depth > 0 {
                flush()
                depth -= 1
            } else if depth > 0, isTraversal(character) {
                // An index (`[0]`) ends the address part; the rest of the traversal is ignored.
                token.append(character)
            } else {
                flush()
            }
            dollars = character == "$" ? dollars + 1 : 0
        }
        return addresses
    }

    private static func isTraversal(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }

    /// `aws_vpc.main.id` → `aws_vpc.main`; `data.aws_ami.x.id` → `data.aws_ami.x`.
    private static func address(of traversal: String) -> Set<String> {
        let parts = traversal.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, !(first.first?.isNumber ?? true) else { return [] }
        let length = first == "data" ? 3 : 2
        guard parts.count >= length, parts.prefix(length).allSatisfy({ !$0.isEmpty }) else { return [] }
        return [parts.prefix(length).joined(separator: ".")]
    }
}
