// Typed `each.key` / `each.value` of a `for_each` block and `count.index` of a `count` block.
// They are plain references (validation reports them where no for_each/count is set); the
// types come from the collection, so `each.value.cidr` is an `Expr<String>` when the
// collection's values have a typed `cidr`.

import InfraCore

/// The `each` object of a block with `for_each`, typed by the collection's values.
///
/// ```swift
/// let zones: Expr<[String: String]> = ["us-east-1a": "10.0.0.0/19"]
/// let each = Each.of(zones)                  // Each<String>
/// AWSSubnet("app", vpcId: vpc.id, availabilityZone: each.key, cidrBlock: each.value).forEach(zones)
/// ```
public struct Each<V>: Sendable, Hashable {
    /// `each` for values of type `V`; `Each.of(collection)` takes the type from the collection instead.
    public init() {}

    /// `each.key`: the map key (or, for a set, the element).
    public var key: Expr<String> { Expr<String>(.eachKey) }

    /// `each.value`: the map value (or, for a set, the element).
    public var value: Expr<V> { Expr<V>(.eachValue) }

    /// The `each` of a `for_each` over a map: `each.value` has the map's value type.
    public static func of(_ collection: Expr<[String: V]>) -> Each<V> { Each<V>() }
}

extension Each where V == String {
    /// The `each` of a `for_each` over a set of strings: key and value are the element.
    public static func of(_ collection: Expr<Set<String>>) -> Each<String> { Each<String>() }
}

/// The `count` object of a block with `count`.
///
/// ```swift
/// AWSSubnet("app", vpcId: vpc.id, cidrBlock: Fn.cidrsubnet(cidr, newbits: 8, netnum: Count.index)).count(3)
/// ```
public enum Count {
    /// `count.index`: the instance's number, from 0.
    public static var index: Expr<Double> { Expr<Double>(.countIndex) }
}

/// A Terraform collection a `for` expression or `dynamic` block can walk, with the types of its
/// keys and values: a list (`[E]`: index number, element), a set (`Set<E>`: the element twice),
/// a map (`[String: V]`: key, value) or an untyped `Value`.
public protocol TerraformIterable {
    /// The type of the first `for` variable (index or key).
    associatedtype IterationKey
    /// The type of the element variable.
    associatedtype IterationValue
}

extension Array: TerraformIterable {
    /// The index, a number.
    public typealias IterationKey = Double
    /// The element.
    public typealias IterationValue = Element
}

extension Set: TerraformIterable {
    /// A set's "key" is the element itself.
    public typealias IterationKey = Element
    /// The element.
    public typealias IterationValue = Element
}

extension Dictionary: TerraformIterable where Key == String {
    /// The map key.
    public typealias IterationKey = String
    /// The map value.
    public typealias IterationValue = Value
}

extension InfraCore.Value: TerraformIterable {
    /// An untyped key (a number for lists, a string for maps).
    public typealias IterationKey = InfraCore.Value
    /// An untyped element.
    public typealias IterationValue = InfraCore.Value
}
