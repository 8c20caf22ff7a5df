// A JSON-like value: the document model both back ends render to bytes.
// Objects keep their members in insertion order so producers control key order;
// the writers can also sort keys for output that does not depend on build order.

/// A JSON-like value shared by the Terraform and Kubernetes back ends.
///
/// ```swift
/// let tags: Value = ["env": "prod", "replicas": 3, "public": false]
/// ```
public enum Value: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer, written without a fraction.
    case int(Int)
    /// A floating-point number, written in its shortest round-tripping form.
    case double(Double)
    /// A string.
    case string(String)
    /// An ordered list.
    case array([Value])
    /// An object whose members keep their insertion order.
    case object(ValueObject)
}

/// The members of a ``Value/object(_:)``, in insertion order, with unique keys.
///
/// Setting an existing key replaces its value in place, so the order never depends on
/// how often a key was written.
public struct ValueObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One member of an object.
    public struct Member: Sendable, Hashable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: Value

        /// Creates a member.
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public private(set) var members: [Member]

    /// Creates an empty object.
    public init() { members = [] }

    /// Creates an object from members; a later duplicate key replaces an earlier one.
    public init(_ pairs: some Sequence<(String, Value)>) {
        members = []
        for (key, value) in pairs { self[key] = value }
    }

    /// Creates an object from a dictionary literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    /// Creates an object from members the caller guarantees to have unique keys.
    ///
    /// Used by renderers that build large objects from already-unique keys, where the
    /// duplicate check of ``subscript(_:)`` would make construction quadratic.
    public init(uniqueMembers: [Member]) {
        members = uniqueMembers
    }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// Reads or writes the value for `key`; writing `nil` removes the member.
    public subscript(key: String) -> Value? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Appends a member without checking for an existing key (the caller knows it is new).
    public mutating func appendUnique(_ key: String, _ value: Value) {
        members.append(Member(key: key, value: value))
    }

    /// The object with its members sorted by key (Unicode scalar order).
    public func sortedByKey() -> ValueObject {
        func precedes(_ a: Member, _ b: Member) -> Bool {
            a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
        }
        // Renderers usually build objects already sorted; the writer then sorts again. A
        // linear check keeps that second pass from allocating and sorting every object.
        if zip(members, members.dropFirst()).allSatisfy({ !precedes($1, $0) }) { return self }
        return ValueObject(uniqueMembers: members.sorted(by: precedes))
    }

    /// Iterates the members as `(key, value)` pairs.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        members.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    /// Creates a string value from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates an integer value from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// Creates a floating-point value from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// Creates a boolean value from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates an array value from a literal.
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    /// Creates an object value from a literal, keeping the literal's key order.
    public init(dictionaryLiteral elements: (String, Value)...) { self = .object(ValueObject(elements)) }
    /// Creates `null` from a `nil` literal.
    public init(nilLiteral: ()) { self = .null }
}

extension Value {
    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The members, when this value is an object.
    public var objectValue: ValueObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, when this value is an array.
    public var arrayValue: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// Reads the member `key` of an object; `nil` for other values or a missing key.
    public subscript(key: String) -> Value? {
        objectValue?[key]
    }

    /// Builds an object from string-keyed values, sorting the keys so the result does not
    /// depend on the dictionary's iteration order.
    public static func sortedObject(_ dictionary: [String: Value]) -> Value {
        .object(
            ValueObject(
                uniqueMembers: dictionary.keys.sorted().map {
                    ValueObject.Member(key: $0, value: dictionary[$0] ?? .null)
                }
            )
        )
    }
}
