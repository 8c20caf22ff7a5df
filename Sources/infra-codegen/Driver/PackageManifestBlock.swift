// Rewrites only the delimited generated block at the end of Package.swift (the family
// products and targets); everything outside the markers is left byte-for-byte alone.

import Foundation
import InfraAWSBindings

/// The generated section of Package.swift.
enum PackageManifestBlock {
    static let begin = "// BEGIN generated AWS family targets"
    static let end = "// END generated AWS family targets"

    /// Replaces the text between the markers (inclusive) with `block`, or appends it.
    static func update(manifest path: String, block: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let updated = replacing(in: text, with: block)
        if updated != text { try updated.write(toFile: path, atomically: true, encoding: .utf8) }
    }

    /// `text` with the generated block replaced (or appended when absent).
    static func replacing(in text: String, with block: String) -> String {
        if let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) {
            var lineEnd = stop.upperBound
            if lineEnd < text.endIndex, text[lineEnd] == "\n" { lineEnd = text.index(after: lineEnd) }
            return text.replacingCharacters(in: start.lowerBound..<lineEnd, with: block)
        }
        return text + (text.hasSuffix("\n") ? "" : "\n") + "\n" + block
    }

    /// The block currently in `text`, if any.
    static func current(in text: String) -> String? {
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return nil }
        var lineEnd = stop.upperBound
        if lineEnd < text.endIndex, text[lineEnd] == "\n" { lineEnd = text.index(after: lineEnd) }
        return String(text[start.lowerBound..<lineEnd])
    }
}
