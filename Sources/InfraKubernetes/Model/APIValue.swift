// Equality and hashing of the generated API types through their rendered `Value`. Synthesized
// `Hashable` for ~300 large structs dominated the module's compile time; comparing the
// rendered documents is equivalent (rendering is injective: unset fields are absent, maps
// are sorted, numbers and strings stay distinct) and compiles to two small functions.

import InfraCore

/// A generated Kubernetes API type: `Sendable`, `Hashable` and renderable.
///
/// Two values are equal when they render to the same document.
/// ```swift
/// Container(name: "app", image: "nginx") == Container(name: "app", image: "nginx")   // true
/// ```
public protocol APIValue: Sendable, Hashable, ValueRenderable {}

extension APIValue {
    /// Whether both values render to the same document.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.renderValue() == rhs.renderValue()
    }

    /// Hashes the rendered document.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(renderValue())
    }
}
