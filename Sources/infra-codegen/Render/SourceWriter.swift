// A tiny indentation-aware line buffer, so renderers read like the code they emit.

/// Accumulates Swift source lines.
struct SourceWriter {
    private(set) var text = ""
    private var indent = 0

    /// Appends one line at the current indentation (empty lines carry no spaces).
    mutating func line(_ content: String = "") {
        if content.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: "    ", count: indent) + content + "\n"
        }
    }

    /// Appends `///` doc lines.
    mutating func doc(_ lines: [String]) {
        for content in lines { line(content.isEmpty ? "///" : "/// " + content) }
    }

    /// Runs `body` one level deeper.
    mutating func indented(_ body: (inout SourceWriter) -> Void) {
        indent += 1
        body(&self)
        indent -= 1
    }

    /// `header {` … `}`.
    mutating func braced(_ header: String, _ body: (inout SourceWriter) -> Void) {
        line(header + " {")
        indented(body)
        line("}")
    }

    /// The current indentation width in columns.
    var column: Int { indent * 4 }
}
