// Terraform local names for the resources a construct creates: derived from the
// construct's name and the resource's role, never from declaration order, so moving a
// construct around in a definition changes nothing in the output.

/// Builds Terraform local names from a construct name and role suffixes.
///
/// ```swift
/// ConstructNaming.local("prod-network", "public")   // "prod_network_public"
/// ```
public enum ConstructNaming {
    /// Joins the parts with `_`, replacing characters Terraform names do not allow.
    public static func local(_ parts: String...) -> String {
        local(parts)
    }

    /// Joins the parts with `_`, replacing characters Terraform names do not allow.
    public static func local(_ parts: [String]) -> String {
        let joined = parts.filter { !$0.isEmpty }.joined(separator: "_")
        var result = String(joined.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
        if let first = result.first, !(first.isLetter || first == "_") { result = "_" + result }
        return result.isEmpty ? "_" : result
    }

    /// Whether `name` is a usable construct name: letters, digits, `-` and `_`, starting with a letter.
    public static func isValidConstructName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
