// Reading a multi-document YAML stream with libyaml (through Yams) into InfraCore `Value`s, the
// way kubectl reads manifests: YAML 1.1 scalars (`yes`/`on` are booleans, `0755` is octal),
// merge keys, aliases, duplicate keys as errors, timestamps as strings. Every document keeps its
// node tree until it is decoded, so a problem found later still gets its line and column.

import InfraCore
import Yams

/// A place in a YAML text: line and column, both from 1 (columns count Unicode scalars).
struct YAMLLocation: Sendable, Hashable, CustomStringConvertible {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Yams.Mark?) {
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// `12:3`.
    var description: String { "\(line):\(column)" }
}

/// A problem in the YAML itself (syntax, tags, numbers), at its place.
struct YAMLProblem: Sendable, Hashable {
    var location: YAMLLocation
    var message: String
    var hint: String?
}

/// One document of a stream: its value and its node tree (for locating later problems).
struct YAMLDocument {
    /// The document as a value (`null` for an empty document).
    var value: Value
    /// The parsed tree, with marks.
    var node: Yams.Node
    /// Where the document starts.
    var location: YAMLLocation { YAMLLocation(node.mark) }

    /// The place of `path` in the document: the key of the last mapping member on it, else the
    /// node itself; as deep as the path can be followed.
    func location(of path: [ValueDecoder.PathComponent]) -> YAMLLocation {
        var current = node
        var found = YAMLLocation(current.mark)
        for component in path {
            switch (component, current) {
            case (.key(let key), .mapping(let mapping)):
                guard let pair = mapping.first(where: { YAMLStream.keyText($0.key) == key }) else { return found }
                found = YAMLLocation(pair.key.mark)
                current = pair.value
            case (.index(let index), .sequence(let sequence)) where index < sequence.count:
                current = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
                found = YAMLLocation(current.mark)
            default:
                return found
            }
        }
        return found
    }
}

/// Reads YAML streams.
enum YAMLStream {
    /// The documents of `text`, or the first problem that stops libyaml (a syntax error, a
    /// duplicate key) with its place. Problems inside values (unknown tags, numbers out of
    /// range) are collected in `problems` and the value is left out.
    static func documents(_ text: String, problems: inout [YAMLProblem]) -> [YAMLDocument]? {
        do {
            // `basic`: no implicit typing by Yams; plain scalars are typed here, the YAML 1.1 way.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            var documents: [YAMLDocument] = []
            var budget = max(200_000, text.utf8.count * 20)
            while let node = try parser.nextRoot() {
                let value = convert(node, problems: &problems, budget: &budget)
                documents.append(YAMLDocument(value: value, node: node))
            }
            return documents
        } catch let error as YamlError {
            problems.append(problem(error, text: text))
            return nil
        } catch {
            problems.append(YAMLProblem(location: YAMLLocation(line: 1, column: 1), message: "\(error)"))
            return nil
        }
    }

    /// The text of a mapping key (keys are scalars in Kubernetes YAML).
    static func keyText(_ node: Yams.Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// A libyaml or Yams error as a problem at its place.
    static func problem(_ error: YamlError, text: String) -> YAMLProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " (\(context.text) at \(context.mark))" }
            return YAMLProblem(location: YAMLLocation(mark), message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = YAMLLocation(context.mark)
            let key = duplicates.first ?? ""
            // Yams points at the first occurrence; the duplicate is the next line with the same
            // key at the same column.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var location = first
            for number in first.line..<lines.count {
                let line = lines[number]
                let indent = line.unicodeScalars.prefix { $0 == " " || $0 == "-" }.count
                if indent + 1 == first.column,
                    line.unicodeScalars.dropFirst(indent).starts(with: "\(key):".unicodeScalars)
                        || line.unicodeScalars.dropFirst(indent).starts(with: "\"\(key)\":".unicodeScalars)
                {
                    location = YAMLLocation(line: number + 1, column: first.column)
                    break
                }
            }
            let others = duplicates.count > 1 ? " (also \(duplicates.dropFirst().joined(separator: ", ")))" : ""
            return YAMLProblem(
                location: location,
                message: "duplicate key '\(key)'\(others), first at line \(first.line)",
                hint: "kubectl rejects duplicate keys; keep one")
        case .reader(let problem, let offset, _, _):
            let prefix = text.utf8.prefix(offset ?? 0)
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return YAMLProblem(location: YAMLLocation(line: line, column: 1), message: problem)
        default:
            return YAMLProblem(location: YAMLLocation(line: 1, column: 1), message: "\(error)")
        }
    }

    /// A node as a value; aliases are expanded within `budget` values (a "billion laughs" stream
    /// is a problem, not an out-of-memory).
    static func convert(_ node: Yams.Node, problems: inout [YAMLProblem], budget: inout Int) -> Value {
        budget -= 1
        if budget == 0 {
            problems.append(
                YAMLProblem(
                    location: YAMLLocation(node.mark),
                    message: "the document expands to too many values through aliases"))
        }
        if budget <= 0 { return .null }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, problems: &problems)
        case .sequence(let sequence):
            return .array(sequence.map { convert($0, problems: &problems, budget: &budget) })
        case .mapping(let mapping):
            var members: [ValueObject.Member] = []
            var keys: Set<String> = []
            var merged: [Yams.Node] = []
            for pair in mapping {
                guard let key = keyText(pair.key) else {
                    problems.append(
                        YAMLProblem(
                            location: YAMLLocation(pair.key.mark),
                            message: "a mapping key must be a scalar, not a mapping or a sequence"))
                    continue
                }
                if key == "<<", case .scalar(let scalar) = pair.key, scalar.style == .plain || scalar.style == .any {
                    merged.append(pair.value)
                    continue
                }
                keys.insert(key)
                members.append(.init(key: key, value: convert(pair.value, problems: &problems, budget: &budget)))
            }
            // Merge keys (`<<: *defaults`): members not written explicitly, earlier sources first.
            var sources: [Yams.Node] = []
            for node in merged {
                if case .sequence(let sequence) = node { sources += sequence } else { sources.append(node) }
            }
            for source in sources {
                guard case .mapping = source,
                    case .object(let object) = convert(source, problems: &problems, budget: &budget)
                else {
                    problems.append(
                        YAMLProblem(location: YAMLLocation(source.mark), message: "a merge key ('<<') needs a mapping"))
                    continue
                }
                for member in object.members where keys.insert(member.key).inserted { members.append(member) }
            }
            return .object(ValueObject(uniqueMembers: members))
        case .alias(let alias):
            problems.append(
                YAMLProblem(location: YAMLLocation(alias.mark), message: "unresolved alias"))
            return .null
        }
    }

    /// The tags that keep a scalar's text as a string.
    static let stringTags: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp", "!",
    ]

    /// A scalar's value: plain scalars are resolved (YAML 1.1, as kubectl's YAML reader does),
    /// quoted and block scalars are strings, explicit tags are followed.
    static func scalarValue(_ scalar: Yams.Node.Scalar, problems: inout [YAMLProblem]) -> Value {
        let text = scalar.string
        // The tag as written (empty when implicit); reading `Yams.Node.tag` would resolve it in place.
        let tag = scalar.tag.rawValue
        if tag.isEmpty {
            return scalar.style == .plain || scalar.style == .any ? resolvePlain(text) : .string(text)
        }
        if stringTags.contains(tag) { return .string(text) }
        let resolved = resolvePlain(text)
        switch (tag, resolved) {
        case ("tag:yaml.org,2002:int", .int), ("tag:yaml.org,2002:float", .double), ("tag:yaml.org,2002:bool", .bool),
            ("tag:yaml.org,2002:null", .null):
            return resolved
        case ("tag:yaml.org,2002:float", .int(let int)):
            return .double(Double(int))
        default:
            let name = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
            problems.append(
                YAMLProblem(
                    location: YAMLLocation(scalar.mark),
                    message: "'\(text)' cannot be read as \(name)",
                    hint: "Kubernetes YAML uses the standard tags (!!str, !!int, !!float, !!bool, !!null) only"))
            return .string(text)
        }
    }

    /// The YAML 1.1 value of a plain scalar, as go-yaml (kubectl) reads it: null, booleans
    /// (`y`, `yes`, `on`, …), integers (decimal, `0x`, `0o`/leading `0` octal, `0b`, with `_`),
    /// floats (`.inf`, `.nan`), everything else a string (timestamps too).
    static func resolvePlain(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        guard let first = text.utf8.first,
            first == 0x2B || first == 0x2D || first == 0x2E || (0x30...0x39).contains(first)
        else { return .string(text) }
        // Digit separators dropped byte by byte: Foundation's generic `replacingOccurrences` costs a
        // runtime conformance lookup (a scan of every conformance record) on first use.
        let plain =
            text.utf8.contains(0x5F) ? String(decoding: text.utf8.filter { $0 != 0x5F }, as: UTF8.self) : text
        if let int = integer(plain) { return .int(int) }
        if isFloat(plain), let double = Double(plain) { return .double(double) }
        return .string(text)
    }

    /// An integer the way Go's `strconv.ParseInt(s, 0, 64)` reads it, or `nil`.
    static func integer(_ text: String) -> Int? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var radix = 10
        if body.count > 1 && body.hasPrefix("0") {
            let marker = body.dropFirst().first
            switch marker {
            case "x", "X": radix = 16; body = body.dropFirst(2)
            case "o", "O": radix = 8; body = body.dropFirst(2)
            case "b", "B": radix = 2; body = body.dropFirst(2)
            default: radix = 8; body = body.dropFirst()
            }
        }
        guard !body.isEmpty, let magnitude = Int(body, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Whether `text` has go-yaml's float form: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    static func isFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let sign = bytes.first, sign == 0x2B || sign == 0x2D { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { (0x30...0x39).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        let whole = digits()
        if bytes.first == 0x2E {
            bytes = bytes.dropFirst()
            if digits() == 0 && whole == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if let e = bytes.first, e == 0x65 || e == 0x45 {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == 0x2B || sign == 0x2D { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
