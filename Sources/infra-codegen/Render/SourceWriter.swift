// A tiny indentation-aware line buffer, so renderers read like the code they emit.

import InfraAWSBindings

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

    /// The project's line limit (.swift-format `lineLength`).
    static let lineLength = 120

    /// Whether `content` fits on one line at the current indentation.
    func fits(_ content: String) -> Bool { column + content.count <= Self.lineLength }

    /// `head tail` on one line when it fits, else `head` and the tail indented on the next line
    /// (the shape swift-format gives long assignments and typealiases).
    mutating func line(_ head: String, continuation tail: String) {
        if fits(head + " " + tail) {
            line(head + " " + tail)
        } else {
            line(head)
            indented { $0.line(tail) }
        }
    }

    /// `name(a, b)` on one line when it fits, else one argument per line.
    mutating func call(_ name: String, _ arguments: [String], suffix: String = "") {
        let oneLine = "\(name)(\(arguments.joined(separator: ", ")))\(suffix)"
        if fits(oneLine) || arguments.isEmpty {
            line(oneLine)
            return
        }
        line(name + "(")
        indented { w in
            for (index, argument) in arguments.enumerated() {
                w.line(argument + (index == arguments.count - 1 ? ")" + suffix : ","))
            }
        }
    }

    /// `public struct Name: A, B {` … `}`, wrapped the way swift-format wraps a long header.
    mutating func structHeader(_ name: String, conformances: [String], _ body: (inout SourceWriter) -> Void) {
        let header = "public struct \(name): \(conformances.joined(separator: ", "))"
        if fits(header + " {") {
            braced(header, body)
            return
        }
        line("public struct \(name): \(conformances[0]),")
        indented { $0.line(conformances.dropFirst().joined(separator: ", ")) }
        line("{")
        indented(body)
        line("}")
    }

    /// The elements of a multi-line array literal, one per line, the way swift-format lays them
    /// out: a trailing comma after each, except after a lone element.
    mutating func arrayElements(_ elements: [String]) {
        for element in elements { line(element + (elements.count == 1 ? "" : ",")) }
    }

    /// The current indentation width in columns.
    var column: Int { indent * 4 }
}
