// Short, single-line renderings of values for failure messages: compact JSON, truncated
// so that a message about one attribute never prints a whole document.

import InfraCore

/// Compact one-line text for values in failure messages.
enum ValueText {
    /// The longest rendering before it is cut with `…`.
    static let limit = 120

    /// Compact JSON with sorted keys, cut at ``limit`` characters.
    static func render(_ value: Value) -> String {
        let text = JSONWriter(sortKeys: true, pretty: false).string(value)
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    /// A JSON-quoted string.
    static func quote(_ string: String) -> String {
        JSONWriter(sortKeys: true, pretty: false).string(.string(string))
    }
}
