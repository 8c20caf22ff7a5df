// Rendering of Kubernetes API values to InfraCore's `Value` document model. The generated
// types call `renderValue()` member by member (no Codable synthesis), so the key order is
// the one the generator chose and the compiled code stays small.

import InfraCore

/// A Kubernetes API value that renders itself as an InfraCore `Value`.
///
/// ```swift
/// let value = Container(name: "app", image: "nginx:1.27").renderValue()
/// ```
public protocol ValueRenderable: Sendable {
    /// The value as JSON-like data, keys in the conventional order.
    func renderValue() -> Value
}

extension String: ValueRenderable {
    /// The string as a `Value.string(_:)` (InfraCore).
    public func renderValue() -> Value { .string(self) }
}

extension Int: ValueRenderable {
    /// The integer as a `Value.int(_:)` (InfraCore).
    public func renderValue() -> Value { .int(self) }
}

extension Double: ValueRenderable {
    /// The number as a `Value.double(_:)` (InfraCore).
    public func renderValue() -> Value { .double(self) }
}

extension Bool: ValueRenderable {
    /// The boolean as a `Value.bool(_:)` (InfraCore).
    public func renderValue() -> Value { .bool(self) }
}

extension Value: ValueRenderable {
    /// The value itself (free-form fields such as `RawExtension`).
    public func renderValue() -> Value { self }
}

extension Array: ValueRenderable where Element: ValueRenderable {
    /// The elements, each rendered, in order.
    public func renderValue() -> Value { .array(map { $0.renderValue() }) }
}

extension Dictionary: ValueRenderable where Key == String, Value: ValueRenderable {
    /// The entries sorted by key (Unicode scalar order), so output never depends on hashing.
    public func renderValue() -> InfraCore.Value {
        var object = ValueObject()
        for key in keysInRenderOrder {
            if let value = self[key] { object.appendUnique(key, value.renderValue()) }
        }
        return .object(object)
    }
}

extension Dictionary where Key == String {
    /// The keys in the order ``ValueRenderable/renderValue()`` writes them: by Unicode scalars,
    /// never by hash. The YAML writer and the field checks follow the same order.
    var keysInRenderOrder: [String] {
        keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}

extension ValueObject {
    /// Appends `key` with the rendered value; a `nil` value is left out.
    @inline(__always)
    mutating func render(_ key: String, _ value: (some ValueRenderable)?) {
        if let value { appendUnique(key, value.renderValue()) }
    }
}
