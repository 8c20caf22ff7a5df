// Templates: the string sub-language of HCL. Literal text is stored decoded (escapes,
// `$${`/`%%{`, strip markers and `<<-` indentation already applied), so a consumer sees
// exactly the characters Terraform would produce.

/// A quoted (`"…"`) or heredoc (`<<EOT`) template.
///
/// ```swift
/// // "web-${var.env}" → [.literal("web-"), .interpolation(var.env)]
/// ```
public struct HCLTemplate: Sendable, Hashable {
    /// How the template was written.
    public enum Style: Sendable, Hashable {
        /// `"…"`.
        case quoted
        /// `<<MARKER` (or `<<-MARKER` when `indented`).
        case heredoc(marker: String, indented: Bool)
        /// A bare template, such as a JSON string read as a template.
        case standalone
    }

    /// The parts, in order; consecutive literal text is merged.
    public var parts: [HCLTemplatePart]
    /// How it was written.
    public var style: Style

    /// Creates a template.
    public init(parts: [HCLTemplatePart], style: Style) {
        self.parts = parts
        self.style = style
    }

    /// The text when the template is literal text only (no interpolation or directive).
    public var literalText: String? {
        var text = ""
        for part in parts {
            guard case .literal(let literal) = part else { return nil }
            text += literal
        }
        return text
    }
}

/// One part of a template.
public indirect enum HCLTemplatePart: Sendable, Hashable {
    /// Literal text, decoded.
    case literal(String)
    /// `${expression}`.
    case interpolation(HCLExpression)
    /// `%{ if condition }…%{ else }…%{ endif }`.
    case ifDirective(condition: HCLExpression, then: [HCLTemplatePart], otherwise: [HCLTemplatePart])
    /// `%{ for key, value in collection }…%{ endfor }`.
    case forDirective(key: String?, value: String, collection: HCLExpression, body: [HCLTemplatePart])
}
