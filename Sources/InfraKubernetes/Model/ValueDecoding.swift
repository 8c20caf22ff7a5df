// Reading typed API values back from a document `Value` (what `Include` parsed from YAML): the
// generated types decode member by member (no Codable: hand-shaped code, like their rendering),
// and every unknown field, missing required field and value of the wrong type is reported with
// its place in the document instead of stopping at the first.

import InfraCore

/// A type that can be read from a document `Value` (InfraCore) — every generated API type and
/// the building blocks they use.
///
/// ```swift
/// var decoder = ValueDecoder()
/// let container = Container.decode(["name": "app", "image": "nginx:1.27"], &decoder)
/// ```
public protocol ValueDecodable {
    /// Reads a value of this type; problems go to `decoder`, and `nil` means it could not be read.
    static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> Self?
}

/// A top-level object type that ``Include`` reads documents of its `apiVersion` and `kind` into.
///
/// Generated kinds conform, built-in ones and those `infra-manifest import-crd` writes:
/// ```swift
/// Deployment.objectAPIVersion   // "apps/v1"
/// ```
public protocol DecodableKubernetesObject: KubernetesObject, ValueDecodable {
    /// The API group and version documents of this type carry, e.g. `apps/v1`.
    static var objectAPIVersion: String { get }
    /// The kind documents of this type carry, e.g. `Deployment`.
    static var objectKind: String { get }
}

/// Collects what goes wrong while reading typed values, with the place of each problem.
///
/// ```swift
/// var decoder = ValueDecoder()
/// _ = Deployment.decode(document, &decoder)
/// for problem in decoder.problems { print(problem.location, problem.message) }
/// ```
public struct ValueDecoder: Sendable {
    /// One step into a document: a mapping key or a sequence position.
    public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
        /// The member `key` of a mapping.
        case key(String)
        /// The element at `index` of a sequence.
        case index(Int)

        /// `key` or `[index]`.
        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// One problem and where it is.
    public struct Problem: Sendable, Hashable {
        /// The place in the document, from its root.
        public var path: [PathComponent]
        /// How serious it is: an error drops the value, a warning only informs.
        public var severity: Diagnostic.Severity
        /// What is wrong.
        public var message: String
        /// How to fix it, when there is a useful suggestion.
        public var hint: String?

        /// The place written `spec.template.spec.containers[0].image`.
        public var location: String {
            var text = ""
            for component in path {
                if case .key = component, !text.isEmpty { text += "." }
                text += component.description
            }
            return text
        }
    }

    /// Every problem found so far, in document order.
    public private(set) var problems: [Problem] = []
    /// Where the decoder is: the path of the value being read.
    public internal(set) var path: [PathComponent] = []

    /// Creates a decoder with no problems.
    public init() {}

    /// Whether an error was found.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Records a problem at the current place.
    public mutating func report(
        _ message: String, severity: Diagnostic.Severity = .error, hint: String? = nil
    ) {
        problems.append(Problem(path: path, severity: severity, message: message, hint: hint))
    }

    /// The members of `value` when it is a mapping; otherwise reports that `type` needs one.
    public mutating func object<T>(_ value: Value, of type: T.Type) -> ValueObject? {
        if case .object(let object) = value { return object }
        report("\(T.self) must be a mapping, not \(ValueDecoder.describe(value))")
        return nil
    }

    /// Reads the value of `member` (an unset `null` is `nil`, like a missing member).
    public mutating func decode<T: ValueDecodable>(_ member: ValueObject.Member) -> T? {
        if case .null = member.value { return nil }
        path.append(.key(member.key))
        defer { path.removeLast() }
        return T.decode(member.value, &self)
    }

    /// Reads the element at `index` of a sequence.
    mutating func decode<T: ValueDecodable>(_ value: Value, at index: Int) -> T? {
        path.append(.index(index))
        defer { path.removeLast() }
        return T.decode(value, &self)
    }

    /// Reports a member the type does not have (strict validation and the API server reject it).
    public mutating func unknown<T>(_ member: ValueObject.Member, of type: T.Type) {
        path.append(.key(member.key))
        defer { path.removeLast() }
        report(
            "unknown field '\(member.key)' in \(T.self)",
            hint:
                "check the spelling; the types follow Kubernetes \(KubernetesVersionWindow.generatedFrom) and the CRDs they were generated from"
        )
    }

    /// Reports that the required member `key` is missing, unless it is present (then reading it
    /// already reported why it could not be read).
    public mutating func missing<T>(_ key: String, in object: ValueObject, of type: T.Type) {
        if let present = object[key], present != .null { return }
        report("\(T.self) needs '\(key)'")
    }

    /// Notes a top-level `status`: the server writes it and `kubectl apply` ignores it, so the
    /// typed object leaves it out (a warning unless it holds nothing).
    public mutating func serverOwned(_ member: ValueObject.Member) {
        /// Whether a value holds nothing but empty mappings, sequences and nulls (`loadBalancer: {}`).
        func isEmpty(_ value: Value) -> Bool {
            switch value {
            case .null: true
            case .object(let object): object.members.allSatisfy { isEmpty($0.value) }
            case .array(let elements): elements.allSatisfy(isEmpty)
            default: false
            }
        }
        if isEmpty(member.value) { return }
        path.append(.key(member.key))
        defer { path.removeLast() }
        report(
            "'\(member.key)' is written by the API server and left out", severity: .warning,
            hint: "remove it from the YAML")
    }

    /// Reports that `value` is not what `expected` names.
    mutating func mismatch(_ value: Value, expected: String, hint: String? = nil) {
        report("expected \(expected), found \(ValueDecoder.describe(value))", hint: hint)
    }

    /// `the string "x"`, `the number 8080`, `a mapping`, … for messages.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): "the boolean \(bool)"
        case .int(let int): "the number \(int)"
        case .double(let double): "the number \(double)"
        case .string(let string): "the string \"\(string.count > 40 ? String(string.prefix(40)) + "…" : string)\""
        case .array: "a sequence"
        case .object: "a mapping"
        }
    }
}

extension String: ValueDecodable {
    /// A string; a number or boolean is an error (the API server rejects it: quote it).
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> String? {
        if case .string(let string) = value { return string }
        switch value {
        case .int, .double, .bool: decoder.mismatch(value, expected: "a string", hint: "quote it")
        default: decoder.mismatch(value, expected: "a string")
        }
        return nil
    }
}

extension Int: ValueDecodable {
    /// An integer (a float with no fraction counts).
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> Int? {
        switch value {
        case .int(let int): return int
        case .double(let double) where double.rounded() == double && abs(double) < 9.2e18: return Int(double)
        default:
            decoder.mismatch(value, expected: "an integer")
            return nil
        }
    }
}

extension Double: ValueDecodable {
    /// A number.
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> Double? {
        switch value {
        case .double(let double): return double
        case .int(let int): return Double(int)
        default:
            decoder.mismatch(value, expected: "a number")
            return nil
        }
    }
}

extension Bool: ValueDecodable {
    /// A boolean.
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> Bool? {
        if case .bool(let bool) = value { return bool }
        decoder.mismatch(value, expected: "a boolean")
        return nil
    }
}

extension Value: ValueDecodable {
    /// Any value, as it is (free-form fields).
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> Value? { value }
}

extension IntOrString: ValueDecodable {
    /// An integer or a string.
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> IntOrString? {
        switch value {
        case .int(let int): return .int(int)
        case .string(let string): return .string(string)
        case .double(let double) where double.rounded() == double && abs(double) < 9.2e18: return .int(Int(double))
        default:
            decoder.mismatch(value, expected: "an integer or a string")
            return nil
        }
    }
}

extension Quantity: ValueDecodable {
    /// A quantity written as a string (`500m`) or a number (`2`); its text is what is written back.
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> Quantity? {
        switch value {
        case .string(let string): return Quantity(string)
        case .int(let int): return Quantity(integerLiteral: int)
        case .double(let double): return Quantity(floatLiteral: double)
        default:
            decoder.mismatch(value, expected: "a quantity (a string such as \"500m\" or a number)")
            return nil
        }
    }
}

extension Array: ValueDecodable where Element: ValueDecodable {
    /// A sequence; each element is read at its position (elements that cannot be read are left out
    /// and reported).
    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> [Element]? {
        guard case .array(let elements) = value else {
            decoder.mismatch(value, expected: "a sequence")
            return nil
        }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            if let decoded: Element = decoder.decode(element, at: index) { result.append(decoded) }
        }
        return result
    }
}

extension Dictionary: ValueDecodable where Key == String, Value: ValueDecodable {
    /// A mapping with string keys; each value is read under its key.
    public static func decode(_ value: InfraCore.Value, _ decoder: inout ValueDecoder) -> [String: Value]? {
        guard case .object(let object) = value else {
            decoder.mismatch(value, expected: "a mapping")
            return nil
        }
        var result: [String: Value] = [:]
        result.reserveCapacity(object.count)
        for member in object.members {
            if case .null = member.value {
                decoder.path.append(.key(member.key))
                decoder.mismatch(member.value, expected: "a value")
                decoder.path.removeLast()
                continue
            }
            if let decoded: Value = decoder.decode(member) { result[member.key] = decoded }
        }
        return result
    }
}

/// The kinds ``Include`` reads into typed values, by `apiVersion` and `kind`; documents of other
/// kinds become ``UnstructuredObject``s.
///
/// ```swift
/// let kinds = KubernetesKindRegistry.builtIn.adding([Widget.self])   // a type from `import-crd`
/// Include(file: "vendor/widgets.yaml", kinds: kinds)
/// ```
public struct KubernetesKindRegistry: Sendable {
    /// `apiVersion kind` → type.
    private var types: [String: any DecodableKubernetesObject.Type]

    /// A registry of `types`; a later type of the same `apiVersion` and `kind` replaces an earlier one.
    public init(_ types: [any DecodableKubernetesObject.Type]) {
        self.types = [:]
        for type in types { self.types[KubernetesKindRegistry.key(type.objectAPIVersion, type.objectKind)] = type }
    }

    /// This registry with `types` added (replacing types of the same `apiVersion` and `kind`).
    public func adding(_ types: [any DecodableKubernetesObject.Type]) -> KubernetesKindRegistry {
        var copy = self
        for type in types { copy.types[KubernetesKindRegistry.key(type.objectAPIVersion, type.objectKind)] = type }
        return copy
    }

    /// The type documents of `apiVersion` and `kind` are read into, if any.
    public func type(apiVersion: String, kind: String) -> (any DecodableKubernetesObject.Type)? {
        types[KubernetesKindRegistry.key(apiVersion, kind)]
    }

    /// How many kinds the registry knows.
    public var count: Int { types.count }

    /// Whether `other` reads the same kinds into the same types (so what one read, the other would).
    func hasSameTypes(as other: KubernetesKindRegistry) -> Bool {
        types.count == other.types.count
            && types.allSatisfy { key, type in
                other.types[key].map { ObjectIdentifier($0) == ObjectIdentifier(type) } ?? false
            }
    }

    private static func key(_ apiVersion: String, _ kind: String) -> String { "\(apiVersion) \(kind)" }
}
