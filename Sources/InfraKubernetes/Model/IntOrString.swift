// Kubernetes' `IntOrString` (ports, rolling-update surges, PDB budgets): either a number
// or a string such as a named port (`http`) or a percentage (`25%`).

import InfraCore

/// A value that is either an integer or a string, e.g. `targetPort: 8080` or `targetPort: "http"`.
///
/// ```swift
/// let port: IntOrString = 8080
/// let named: IntOrString = "http"
/// ```
public enum IntOrString: Sendable, Hashable, ValueRenderable, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// A number.
    case int(Int)
    /// A string (a port name, a percentage).
    case string(String)

    /// Creates an integer from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }

    /// Creates a string from a literal.
    public init(stringLiteral value: String) { self = .string(value) }

    /// The integer, when this is one.
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// `8080` or `http`.
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        }
    }

    /// An integer or a string value.
    public func renderValue() -> Value {
        switch self {
        case .int(let value): .int(value)
        case .string(let value): .string(value)
        }
    }
}
