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
        guard text.contains("${") else { return false }
        let scalars = Array(text.unicodeScalars)
        let needle = Array(address.unicodeScalars)
        guard needle.count <= scalars.count else { return false }
        var index = 0
        while index + needle.count <= scalars.count {
            if Array(scalars[index..<(index + needle.count)]) == needle {
                let before = index == 0 ? nil : scalars[index - 1]
                let after = index + needle.count < scalars.count ? scalars[index + needle.count] : nil
                let boundaryBefore = before.map { !isIdentifier($0) && $0 != "." } ?? true
                let boundaryAfter = after.map { !isIdentifier($0) } ?? true
                if boundaryBefore, boundaryAfter, insideInterpolation(scalars, at: index) { return true }
            }
            index += 1
        }
        return false
    }

    private static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    /// Whether position `index` lies after an unclosed `${`.
    private static func insideInterpolation(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var depth = 0
        var position = 0
        while position < index {
            if scalars[position] == "$", position + 1 < index, scalars[position + 1] == "{" {
                depth += 1
                position += 2
                continue
            }
            if scalars[position] == "}", depth > 0 { depth -= 1 }
            position += 1
        }
        return depth > 0
    }
}
