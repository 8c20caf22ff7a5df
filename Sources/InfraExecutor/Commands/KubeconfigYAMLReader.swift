// Reads existing kubeconfig files so `kubeconfig` can merge into them. Supports JSON and the block-YAML subset
// kubectl and `aws eks update-kubeconfig` write: nested mappings, `- ` sequences (also at the parent's indent),
// plain / single- / double-quoted scalars, `{}` / `[]`, comments. Not supported (a clear error instead):
// block scalars (`|`, `>`), anchors/aliases, multi-document files, non-empty flow collections.

import Foundation
import InfraCore

/// Why a kubeconfig file could not be read.
///
/// ```swift
/// catch let error as KubeconfigReadError { print(error) }
/// ```
public struct KubeconfigReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The explanation with a line number.
    public var message: String

    /// The explanation.
    public var description: String { message }
}

/// A reader for the kubeconfig subset of YAML (and JSON).
///
/// ```swift
/// let config = try KubeconfigYAMLReader.parse(text)
/// ```
public enum KubeconfigYAMLReader {
    private struct Line {
        var number: Int
        var indent: Int
        var text: String
    }

    /// Parses `text` into a `Value` (an empty file is an empty object).
    public static func parse(_ text: String) throws -> Value {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return .object(ValueObject()) }
        if trimmed.hasPrefix("{") {
            do {
                return try JSONReader.read(trimmed)
            } catch {
                throw KubeconfigReadError(message: "kubeconfig looks like JSON but does not parse: \(error)")
            }
        }
        var lines = [Line]()
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = stripComment(String(raw))
            let body = content.trimmingWhitespace()
            if body.isEmpty || body == "---" { continue }
            if body == "..." { break }
            let indent = content.prefix { $0 == " " }.count
            lines.append(Line(number: index + 1, indent: indent, text: body))
        }
        var position = 0
        guard !lines.isEmpty else { return .object(ValueObject()) }
        let result = try block(&lines, &position, indent: lines[0].indent)
        if position < lines.count {
            throw KubeconfigReadError(message: "line \(lines[position].number): unexpected indentation")
        }
        return result
    }

    private static func block(_ lines: inout [Line], _ position: inout Int, indent: Int) throws -> Value {
        let first = lines[position]
        if first.text == "-" || first.text.hasPrefix("- ") { return try sequence(&lines, &position, indent: indent) }
        return try mapping(&lines, &position, indent: indent)
    }

    private static func sequence(_ lines: inout [Line], _ position: inout Int, indent: Int) throws -> Value {
        var items = [Value]()
        while position < lines.count, lines[position].indent == indent,
            lines[position].text == "-" || lines[position].text.hasPrefix("- ")
        {
            let line = lines[position]
            let rest = line.text == "-" ? "" : String(line.text.dropFirst(2)).trimmingWhitespace()
            if rest.isEmpty {
                position += 1
                if position < lines.count, lines[position].indent > indent {
                    items.append(try block(&lines, &position, indent: lines[position].indent))
                } else {
                    items.append(.null)
                }
            } else if splitKey(rest) != nil || rest.hasPrefix("- ") {
                // "- key: value" starts a mapping whose column is after "- ".
                let column = indent + (line.text.count - rest.count)
                lines[position] = Line(number: line.number, indent: column, text: rest)
                items.append(try block(&lines, &position, indent: column))
            } else {
                items.append(try scalar(rest, line: line.number))
                position += 1
            }
        }
        return .array(items)
    }

    private static func mapping(_ lines: inout [Line], _ position: inout Int, indent: Int) throws -> Value {
        var object = ValueObject()
        while position < lines.count, lines[position].indent == indent {
            let line = lines[position]
            if line.text.hasPrefix("- ") || line.text == "-" { break }
            guard let (key, rest) = splitKey(line.text) else {
                throw KubeconfigReadError(message: "line \(line.number): expected `key: value`")
            }
            position += 1
            if !rest.isEmpty {
                object[key] = try scalar(rest, line: line.number)
            } else if position < lines.count, lines[position].indent > indent {
                object[key] = try block(&lines, &position, indent: lines[position].indent)
            } else if position < lines.count, lines[position].indent == indent,
                lines[position].text == "-" || lines[position].text.hasPrefix("- ")
            {
                object[key] = try sequence(&lines, &position, indent: indent)
            } else {
                object[key] = .null
            }
        }
        return .object(object)
    }

    /// `key: rest` → (key, rest); `nil` when the text is not a mapping entry.
    private static func splitKey(_ text: String) -> (String, String)? {
        if text.hasPrefix("\"") || text.hasPrefix("'") {
            let quote = text.first ?? "\""
            guard let close = text.dropFirst().firstIndex(of: quote) else { return nil }
            let after = text[text.index(after: close)...]
            guard after.hasPrefix(":") else { return nil }
            let key = String(text[text.index(after: text.startIndex)..<close])
            return (key, String(after.dropFirst()).trimmingWhitespace())
        }
        guard let colon = text.range(of: ": ") ?? (text.hasSuffix(":") ? text.range(of: ":", options: .backwards) : nil)
        else { return nil }
        let key = String(text[..<colon.lowerBound]).trimmingWhitespace()
        guard !key.isEmpty, !key.contains(" ") || !key.hasPrefix("{") else { return nil }
        return (key, String(text[colon.upperBound...]).trimmingWhitespace())
    }

    private static func scalar(_ text: String, line: Int) throws -> Value {
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 {
            guard let decoded = (try? JSONReader.read(text))?.stringValue else {
                throw KubeconfigReadError(message: "line \(line): bad double-quoted string")
            }
            return .string(decoded)
        }
        if text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2 {
            return .string(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        switch text {
        case "{}": return .object(ValueObject())
        case "[]": return .array([])
        case "null", "~": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if text.hasPrefix("|") || text.hasPrefix(">") || text.hasPrefix("&") || text.hasPrefix("*")
            || text.hasPrefix("{") || text.hasPrefix("[")
        {
            throw KubeconfigReadError(
                message: "line \(line): this YAML feature (block scalar, anchor or flow collection) is not supported")
        }
        if let number = Int(text) { return .int(number) }
        return .string(text)
    }

    private static func stripComment(_ line: String) -> String {
        guard line.contains("#") else { return line }
        var quote: Character?
        var previous: Character = " "
        var output = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && (previous == " " || previous == "\t" || output.isEmpty) {
                break
            }
            output.append(character)
            previous = character
        }
        return output
    }
}
