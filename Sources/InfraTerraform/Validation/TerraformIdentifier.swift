// Terraform's identifier rules, checked before anything is written.

/// Terraform naming rules.
public enum TerraformIdentifier {
    /// Whether `name` is a valid Terraform identifier: a letter or `_`, then letters,
    /// digits, `_` or `-`.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || isLetter($0) || ("0"..."9").contains($0) }
    }

    /// Whether `type` looks like a resource type: `provider_name`, lower-case.
    public static func isValidType(_ type: String) -> Bool {
        guard let first = type.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return type.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Names Terraform reserves for variables.
    public static let reservedVariableNames: Set<String> = [
        "source", "version", "providers", "count", "for_each", "lifecycle", "depends_on", "locals",
    ]

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }

    /// Turns any text into a valid identifier: invalid characters become `_`, and a leading
    /// digit or dash gets a `_` prefix. Used by constructs to derive names from paths.
    public static func sanitize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            scalars.append(s == "-" || s == "_" || isLetter(s) || ("0"..."9").contains(s) ? s : "_")
        }
        var result = String(scalars)
        if let first = result.unicodeScalars.first, !(first == "_" || isLetter(first)) { result = "_" + result }
        return result.isEmpty ? "_" : result
    }
}
