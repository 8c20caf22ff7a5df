// A small XML reader for AWS query/REST-XML responses (STS, S3, EC2 and their error bodies).
// It builds an element tree of names and text; attributes, namespaces prefixes and DTDs are ignored.
// Limits: no CDATA sections beyond plain text, only the five predefined entities and numeric references.

/// One XML element: its local name, its text and its children.
///
/// ```swift
/// let root = XMLNode.parse(Array("<a><b>1</b></a>".utf8))
/// root?.child("b")?.text  // "1"
/// ```
public struct XMLNode: Sendable, Hashable {
    /// The element name without namespace prefix.
    public var name: String
    /// The concatenated text directly inside the element, entity-decoded.
    public var text: String
    /// Child elements in document order.
    public var children: [XMLNode]

    /// The first child named `name`.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// All children named `name`.
    public func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The first element named `name` anywhere below (depth first), or self.
    public func find(_ name: String) -> XMLNode? {
        if self.name == name { return self }
        for child in children {
            if let found = child.find(name) { return found }
        }
        return nil
    }

    /// The text of the descendant reached by `path` (e.g. `["GetCallerIdentityResult", "Account"]`).
    public func value(_ path: String...) -> String? {
        var node: XMLNode? = self
        for name in path { node = node?.child(name) }
        return node?.text
    }

    /// Parses a document and returns its root element, or `nil` when it is not XML.
    public static func parse(_ bytes: [UInt8]) -> XMLNode? {
        var index = 0
        var stack: [XMLNode] = []
        var root: XMLNode?
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                let inner = bytes[(index + 1)..<close]
                index = close + 1
                guard let first = inner.first else { return nil }
                if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") { continue }
                if first == UInt8(ascii: "/") {
                    guard var node = stack.popLast() else { return nil }
                    node.text = node.text.trimmingWhitespace()
                    if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
                    continue
                }
                let selfClosing = inner.last == UInt8(ascii: "/")
                let nameEnd =
                    inner.firstIndex { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == UInt8(ascii: "/") }
                    ?? inner.endIndex
                var name = String(decoding: inner[inner.startIndex..<nameEnd], as: UTF8.self)
                if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
                let node = XMLNode(name: name, text: "", children: [])
                if selfClosing {
                    if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
                } else {
                    stack.append(node)
                }
            } else {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                if !stack.isEmpty {
                    stack[stack.count - 1].text += decodeEntities(String(decoding: bytes[index..<end], as: UTF8.self))
                }
                index = end
            }
        }
        return stack.isEmpty ? root : nil
    }

    /// Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[rest.startIndex..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "amp": output += "&"
            case "lt": output += "<"
            case "gt": output += ">"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16),
                    let scalar = Unicode.Scalar(code)
                {
                    output.unicodeScalars.append(scalar)
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()),
                    let scalar = Unicode.Scalar(code)
                {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return output + rest
    }

    /// Escapes text for an XML body.
    public static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !" \t\r\n".unicodeScalars.contains($0) }),
            let last = scalars.lastIndex(where: { !" \t\r\n".unicodeScalars.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
