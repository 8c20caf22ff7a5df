// A pattern that a synthesized value is compared against, in the spirit of AWS CDK's
// `Match`. Plain literals (strings, numbers, arrays, dictionaries) are patterns too, so
// `["tags": ["env": "prod"]]` reads like the document it describes.

import InfraCore

/// A pattern to compare a synthesized `Value` against.
///
/// Build matchers with the factories on ``Match`` or write literals directly:
///
/// ```swift
/// let pattern: Matcher = ["bucket": Match.stringLike("^logs-"), "tags": ["env": "prod"]]
/// ```
///
/// A literal object inside ``Match/objectLike(_:)`` matches partially (extra keys are
/// allowed at every depth); inside ``Match/objectEquals(_:)`` it must match exactly.
/// Literal arrays must have the same length; use ``Match/arrayWith(_:)`` for a subset.
public struct Matcher: Sendable, Hashable, CustomStringConvertible {
    indirect enum Kind: Sendable, Hashable {
        /// A literal scalar compared for equality (ints and doubles compare by number).
        case scalar(InfraCore.Value)
        /// An object whose partiality comes from the nearest enclosing object matcher.
        case object([String: Matcher], mode: ObjectMode)
        /// An array matched element by element, same length.
        case array([Matcher])
        /// An array that contains these elements in this order, possibly with others between.
        case arrayWith([Matcher])
        /// The key must be missing (or `null`).
        case absent
        /// Any present, non-null value.
        case anyValue
        /// A string matched by a regular expression.
        case stringLike(String)
        /// Deep equality, no partial objects anywhere below.
        case exact(InfraCore.Value)
        /// A Terraform interpolation referring to an address (and optionally an attribute).
        case reference(address: String, attribute: String?)
        /// The inner pattern must not match.
        case not(Matcher)
    }

    enum ObjectMode: Sendable, Hashable {
        case inherit
        case partial
        case exact
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// A matcher that compares against `value`, with objects inside matched as partially as the
    /// enclosing matcher allows.
    ///
    /// ```swift
    /// template.hasResourceProperties("aws_vpc", Matcher(["cidr_block": "10.0.0.0/16"]))
    /// ```
    public init(_ value: InfraCore.Value) {
        switch value {
        case .object(let object):
            var members: [String: Matcher] = [:]
            for (key, member) in object { members[key] = Matcher(member) }
            kind = .object(members, mode: .inherit)
        case .array(let elements):
            kind = .array(elements.map(Matcher.init))
        default:
            kind = .scalar(value)
        }
    }

    /// A short human-readable form, used in failure messages.
    public var description: String {
        switch kind {
        case .scalar(let value), .exact(let value): return ValueText.render(value)
        case .object(let members, let mode):
            let body = members.keys.sorted().map { "\(ValueText.quote($0)): \(members[$0]?.description ?? "")" }
            let text = "{" + body.joined(separator: ", ") + "}"
            switch mode {
            case .inherit: return text
            case .partial: return "objectLike(\(text))"
            case .exact: return "objectEquals(\(text))"
            }
        case .array(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .arrayWith(let elements): return "arrayWith([" + elements.map(\.description).joined(separator: ", ") + "])"
        case .absent: return "absent()"
        case .anyValue: return "anyValue()"
        case .stringLike(let pattern): return "a string matching /\(pattern)/"
        case .reference(let address, let attribute):
            return "a reference to \(address)\(attribute.map { ".\($0)" } ?? "")"
        case .not(let inner): return "not(\(inner))"
        }
    }
}

extension Matcher: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A literal string matches an equal string.
    public init(stringLiteral value: String) { kind = .scalar(.string(value)) }
    /// A literal integer matches an equal number.
    public init(integerLiteral value: Int) { kind = .scalar(.int(value)) }
    /// A literal floating-point number matches an equal number.
    public init(floatLiteral value: Double) { kind = .scalar(.double(value)) }
    /// A literal boolean matches an equal boolean.
    public init(booleanLiteral value: Bool) { kind = .scalar(.bool(value)) }
    /// A literal array matches an array of the same length, element by element.
    public init(arrayLiteral elements: Matcher...) { kind = .array(elements) }
    /// A literal dictionary matches an object; partial or exact as the enclosing matcher says
    /// (partial at the top level of ``TerraformTemplate/hasResourceProperties(_:_:sourceLocation:)``).
    public init(dictionaryLiteral elements: (String, Matcher)...) {
        var members: [String: Matcher] = [:]
        for (key, value) in elements { members[key] = value }
        kind = .object(members, mode: .inherit)
    }
    /// A `nil` literal matches `null` or a missing key, like ``Match/absent()``.
    public init(nilLiteral: ()) { kind = .absent }
}
