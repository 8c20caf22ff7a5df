// Doc comments for generated declarations: the schema description (first sentences,
// Markdown kept, whitespace collapsed) or, when the provider ships none, a line that
// still says what the declaration is and how Terraform treats it.

/// Builds doc comment lines (without the `///` prefix).
package enum DocText {
    /// Longest description kept, in characters; the provider docs have the rest.
    package static let maxLength = 400
    /// Wrap width of doc lines.
    package static let width = 100

    /// The doc of a resource or data source struct.
    package static func topLevel(_ entry: SchemaEntry, source: String = "hashicorp/aws") -> [String] {
        let kind = entry.isDataSource ? "data source" : "resource"
        var lines = wrap(summary(entry.block.description) ?? "The Terraform \(kind) `\(entry.type)`.")
        lines.append("")
        lines.append("Terraform \(kind) `\(entry.type)` (\(source)). Required arguments are the")
        lines.append("non-optional initializer parameters; computed attributes are typed references.")
        if entry.block.deprecated { lines.append("- Note: deprecated by the provider.") }
        return lines
    }

    /// The doc of an argument's stored property.
    package static func argument(_ attribute: SchemaAttribute) -> [String] {
        var flags = [attribute.required ? "required" : "optional"]
        if attribute.computed { flags.append("computed when unset") }
        if attribute.sensitive { flags.append("sensitive") }
        let fallback = "Argument `\(attribute.name)` (\(flags.joined(separator: ", ")))."
        guard let text = summary(attribute.description) else { return [fallback] }
        return wrap(text) + ["", fallback]
    }

    /// The doc of a typed reference.
    package static func reference(_ attribute: SchemaAttribute, type: String) -> [String] {
        let kind = attribute.isComputedOnly ? "computed attribute" : "attribute"
        var lines = ["Reference to the \(kind) `\(attribute.name)`."]
        if let text = summary(attribute.description) { lines = wrap(text) + [""] + lines }
        return lines
    }

    /// The doc of a nested block property.
    package static func block(_ blockType: SchemaBlockType) -> [String] {
        var limits = blockType.minItems > 0 ? "required" : "optional"
        if let max = blockType.maxItems, max > 1 { limits += ", at most \(max)" }
        let fallback = "Nested block `\(blockType.name)` (\(limits))."
        guard let text = summary(blockType.block.description) else { return [fallback] }
        return wrap(text) + ["", fallback]
    }

    /// The doc of a nested block struct.
    package static func blockType(_ blockType: SchemaBlockType) -> [String] {
        let fallback = "The body of a `\(blockType.name)` block."
        guard let text = summary(blockType.block.description) else { return [fallback] }
        return wrap(text) + ["", fallback]
    }

    /// The doc of the struct of a nested attribute type.
    package static func nestedAttributeType(_ attribute: SchemaAttribute) -> [String] {
        let shape =
            switch attribute.nested?.nesting {
            case .list?, .set?: "one element of the list"
            case .map?: "one value of the map"
            default: "the object"
            }
        let fallback = "The value of attribute `\(attribute.name)` (\(shape))."
        guard let text = summary(attribute.description) else { return [fallback] }
        return wrap(text) + ["", fallback]
    }

    /// The first sentences of a description, whitespace collapsed, at most ``maxLength`` characters.
    package static func summary(_ description: String?) -> String? {
        guard let description else { return nil }
        let words = description.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        var text = ""
        for word in words {
            if text.count + word.count + 1 > maxLength {
                text += " …"
                break
            }
            text += text.isEmpty ? String(word) : " " + word
        }
        return text
    }

    /// Greedy word wrap at ``width``.
    package static func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
