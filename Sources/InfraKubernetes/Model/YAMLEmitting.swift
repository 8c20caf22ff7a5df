// YAML written straight from the typed API values: byte for byte what InfraCore's `YAMLWriter`
// writes for their `renderValue()`, without building the `Value` tree first (building and
// freeing those trees was most of the cost of synthesizing a large manifest). The generated
// types list their members (`emitYAML`); primitives, arrays, maps and free-form `Value`s are here.

import InfraCore

/// Where a value goes after `key:` or `- `: a block on the following lines (a non-empty mapping
/// or sequence) or inline on the same line (scalars, `{}` and `[]`).
enum YAMLLayout {
    /// A non-empty mapping, written below its key.
    case mapping
    /// A non-empty sequence, written below its key.
    case sequence
    /// A scalar or an empty collection, written on the key's line.
    case inline
}

/// A value that writes itself as YAML exactly as `YAMLWriter` writes its `renderValue()`.
protocol YAMLEmitting: ValueRenderable {
    /// How the value is laid out after a key or a sequence dash.
    var yamlLayout: YAMLLayout { get }
    /// Writes a mapping's members or a sequence's items at `indent` (the first one at the
    /// current column), or the inline form without the line break after it.
    func emitYAML(indent: Int, to out: inout [UInt8])
}

extension YAMLEmitting {
    /// Writes what follows `key:` in a mapping at `indent` (`YAMLWriter.appendNested`).
    @inline(__always)
    func emitYAMLMemberValue(indent: Int, to out: inout [UInt8]) {
        switch yamlLayout {
        case .mapping, .sequence:
            out.append(0x0A)
            YAMLEmission.spaces(indent + 2, &out)
            emitYAML(indent: indent + 2, to: &out)
        case .inline:
            out.append(0x20)
            emitYAML(indent: indent + 2, to: &out)
            out.append(0x0A)
        }
    }

    /// Writes what follows `- ` in a sequence at `indent`.
    @inline(__always)
    func emitYAMLItem(indent: Int, to out: inout [UInt8]) {
        emitYAML(indent: indent + 2, to: &out)
        if case .inline = yamlLayout { out.append(0x0A) }
    }
}

/// Shared pieces of direct YAML emission.
enum YAMLEmission {
    /// Appends `n` spaces.
    @inline(__always)
    static func spaces(_ n: Int, _ out: inout [UInt8]) {
        for _ in 0..<n { out.append(0x20) }
    }

    /// Appends an integer in decimal without allocating.
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(0x30 &+ UInt8(value))
            return
        }
        if value == Int.min {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var magnitude = value < 0 ? -value : value
        if value < 0 { out.append(0x2D) }
        let start = out.count
        while magnitude > 0 {
            out.append(0x30 &+ UInt8(magnitude % 10))
            magnitude /= 10
        }
        out[start...].reverse()
    }
}

/// The members of one mapping being written, in order.
struct YAMLMappingEmitter {
    /// The mapping's indentation.
    let indent: Int
    /// Whether no member has been written yet (the first one continues the current line).
    var first = true

    init(indent: Int) { self.indent = indent }

    /// Starts a member whose key is a literal the generator found plain-safe.
    @inline(__always)
    mutating func plainKey(_ key: StaticString, to out: inout [UInt8]) {
        if first { first = false } else { YAMLEmission.spaces(indent, &out) }
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(0x3A)
    }

    /// Starts a member with any key, quoted when YAML 1.1 needs it.
    @inline(__always)
    mutating func key(_ key: String, to out: inout [UInt8]) {
        if first { first = false } else { YAMLEmission.spaces(indent, &out) }
        YAMLWriter.appendString(key, indent: indent, allowBlock: false, to: &out)
        out.append(0x3A)
    }

    /// Writes `key: value` when `value` is set (plain-safe literal key).
    @inline(__always)
    mutating func member(_ key: StaticString, _ value: (some YAMLEmitting)?, to out: inout [UInt8]) {
        guard let value else { return }
        plainKey(key, to: &out)
        value.emitYAMLMemberValue(indent: indent, to: &out)
    }

    /// Writes `key: value` when `value` is set (any key).
    @inline(__always)
    mutating func member(quoting key: String, _ value: (some YAMLEmitting)?, to out: inout [UInt8]) {
        guard let value else { return }
        self.key(key, to: &out)
        value.emitYAMLMemberValue(indent: indent, to: &out)
    }
}

extension String: YAMLEmitting {
    var yamlLayout: YAMLLayout { .inline }
    func emitYAML(indent: Int, to out: inout [UInt8]) {
        YAMLWriter.appendString(self, indent: indent, allowBlock: true, to: &out)
    }
}

extension Int: YAMLEmitting {
    var yamlLayout: YAMLLayout { .inline }
    func emitYAML(indent: Int, to out: inout [UInt8]) { YAMLEmission.appendInt(self, to: &out) }
}

extension Double: YAMLEmitting {
    var yamlLayout: YAMLLayout { .inline }
    func emitYAML(indent: Int, to out: inout [UInt8]) { YAMLWriter.appendNumber(self, to: &out) }
}

extension Bool: YAMLEmitting {
    var yamlLayout: YAMLLayout { .inline }
    func emitYAML(indent: Int, to out: inout [UInt8]) {
        out.append(contentsOf: (self ? "true" : "false").utf8)
    }
}

extension Quantity: YAMLEmitting {
    var yamlLayout: YAMLLayout { .inline }
    func emitYAML(indent: Int, to out: inout [UInt8]) {
        YAMLWriter.appendString(text, indent: indent, allowBlock: true, to: &out)
    }
}

extension IntOrString: YAMLEmitting {
    var yamlLayout: YAMLLayout { .inline }
    func emitYAML(indent: Int, to out: inout [UInt8]) {
        switch self {
        case .int(let value): YAMLEmission.appendInt(value, to: &out)
        case .string(let value): YAMLWriter.appendString(value, indent: indent, allowBlock: true, to: &out)
        }
    }
}

extension Value: YAMLEmitting {
    var yamlLayout: YAMLLayout {
        switch self {
        case .object(let o) where !o.isEmpty: .mapping
        case .array(let a) where !a.isEmpty: .sequence
        default: .inline
        }
    }
    func emitYAML(indent: Int, to out: inout [UInt8]) {
        YAMLWriter().appendBody(self, indent: indent, to: &out)
    }
}

extension Array: YAMLEmitting where Element: YAMLEmitting {
    var yamlLayout: YAMLLayout { isEmpty ? .inline : .sequence }
    func emitYAML(indent: Int, to out: inout [UInt8]) {
        if isEmpty {
            out.append(contentsOf: [0x5B, 0x5D])
            return
        }
        var first = true
        for element in self {
            if first { first = false } else { YAMLEmission.spaces(indent, &out) }
            out.append(0x2D)
            out.append(0x20)
            element.emitYAMLItem(indent: indent, to: &out)
        }
    }
}

extension Dictionary: YAMLEmitting where Key == String, Value: YAMLEmitting {
    var yamlLayout: YAMLLayout { isEmpty ? .inline : .mapping }
    func emitYAML(indent: Int, to out: inout [UInt8]) {
        if isEmpty {
            out.append(contentsOf: [0x7B, 0x7D])
            return
        }
        // The order of `renderValue()`: keys by Unicode scalars.
        var mapping = YAMLMappingEmitter(indent: indent)
        if count == 1, let only = first {
            mapping.member(quoting: only.key, only.value, to: &out)
            return
        }
        for key in keysInRenderOrder {
            mapping.member(quoting: key, self[key], to: &out)
        }
    }
}

extension ObjectMeta {
    /// The metadata as a manifest with `defaultNamespace` writes it: with that namespace when it
    /// names none. Only the metadata is copied, and only then.
    @inline(__always)
    func defaultingNamespace(to defaultNamespace: String?) -> ObjectMeta {
        guard let defaultNamespace, namespace == nil else { return self }
        var copy = self
        copy.namespace = defaultNamespace
        return copy
    }
}
