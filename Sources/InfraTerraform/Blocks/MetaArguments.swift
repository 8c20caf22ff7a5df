// Meta-arguments every resource, data source and module call may carry:
// depends_on, count, for_each, provider, lifecycle, plus raw overrides.

import InfraCore

/// The meta-arguments of a resource or data source, and the raw overrides applied to it.
///
/// Usually set through modifiers: `AWSVPC(...).dependsOn(gateway).provider(.aws(alias: "eu"))`.
public struct MetaArguments: Sendable, Hashable {
    /// Explicit dependencies, as references to other blocks (`aws_iam_role.node`).
    public var dependsOn: [ReferenceTarget]
    /// `count`: how many instances to create.
    public var count: Expression?
    /// `for_each`: a map or set of strings, one instance per element.
    public var forEach: Expression?
    /// The provider configuration, e.g. `aws.eu`.
    public var provider: ProviderReference?
    /// The `lifecycle` block.
    public var lifecycle: Lifecycle?
    /// Raw values set at attribute paths after rendering (the escape hatch).
    public var overrides: [RawOverride]
    /// `dynamic` blocks added with the `dynamic` modifier; they join the block's body when the
    /// stack collects it.
    public var dynamicBlocks: [DynamicBlock]
    /// The file (without `.tf.json`) the block is written to; `main` by default.
    public var file: String?
    /// Where the block was defined, for diagnostics; defaults to `<stack>/<name>`.
    public var componentPath: ComponentPath?

    /// Creates empty meta-arguments.
    public init(
        dependsOn: [ReferenceTarget] = [], count: Expression? = nil, forEach: Expression? = nil,
        provider: ProviderReference? = nil, lifecycle: Lifecycle? = nil, overrides: [RawOverride] = [],
        dynamicBlocks: [DynamicBlock] = [], file: String? = nil, componentPath: ComponentPath? = nil
    ) {
        self.dependsOn = dependsOn
        self.count = count
        self.forEach = forEach
        self.provider = provider
        self.lifecycle = lifecycle
        self.overrides = overrides
        self.dynamicBlocks = dynamicBlocks
        self.file = file
        self.componentPath = componentPath
    }

    /// Adds the meta-arguments to a rendered body object.
    func apply(to object: inout ValueObject) {
        if !dependsOn.isEmpty { object["depends_on"] = .array(dependsOn.map { .string($0.description) }) }
        if let count { object["count"] = count.jsonValue }
        if let forEach { object["for_each"] = forEach.jsonValue }
        if let provider { object["provider"] = .string(provider.description) }
        if let lifecycle, !lifecycle.isEmpty { object["lifecycle"] = lifecycle.jsonValue }
        for override in overrides { override.apply(to: &object) }
    }

    /// Every traversal the meta-arguments contain.
    var traversals: [Traversal] {
        var result: [Traversal] = []
        count?.node.collectTraversals(into: &result)
        forEach?.node.collectTraversals(into: &result)
        result += lifecycle?.traversals ?? []
        return result
    }
}

/// A raw value written at an attribute path after rendering, like cdktf's `addOverride`.
///
/// ```swift
/// RawOverride("metadata_options.http_tokens", "required")
/// RawOverride("ingress.0.description", nil)   // removes the attribute
/// ```
public struct RawOverride: Sendable, Hashable {
    /// The dot-separated path; numeric segments index arrays.
    public var path: String
    /// The value to write, or `nil` to delete the attribute.
    public var value: Expression?

    /// Creates an override.
    public init(_ path: String, _ value: Expression?) {
        self.path = path
        self.value = value
    }

    /// Writes the override into a rendered object, creating intermediate objects as needed.
    func apply(to object: inout ValueObject) {
        let segments = path.split(separator: ".").map(String.init)
        guard !segments.isEmpty else { return }
        var root = Value.object(object)
        RawOverride.set(&root, segments[...], value?.jsonValue)
        if case .object(let updated) = root { object = updated }
    }

    private static func set(_ target: inout Value, _ segments: ArraySlice<String>, _ value: Value?) {
        guard let head = segments.first else { return }
        let rest = segments.dropFirst()
        if case .array(var elements) = target, let index = Int(head), elements.indices.contains(index) {
            if rest.isEmpty {
                if let value { elements[index] = value } else { elements.remove(at: index) }
            } else {
                set(&elements[index], rest, value)
            }
            target = .array(elements)
            return
        }
        var object = target.objectValue ?? ValueObject()
        if rest.isEmpty {
            object[head] = value
        } else {
            var child = object[head] ?? .object(ValueObject())
            set(&child, rest, value)
            object[head] = child
        }
        target = .object(object)
    }
}

/// A reference to a provider configuration: `aws` or `aws.eu`.
public struct ProviderReference: Sendable, Hashable, CustomStringConvertible {
    /// The provider's local name, e.g. `aws`.
    public var name: String
    /// The alias, when not the default configuration.
    public var alias: String?

    /// Creates a reference.
    public init(_ name: String, alias: String? = nil) {
        self.name = name
        self.alias = alias
    }

    /// The AWS provider, optionally an aliased configuration.
    public static func aws(alias: String? = nil) -> ProviderReference {
        ProviderReference("aws", alias: alias)
    }

    /// `aws` or `aws.eu`.
    public var description: String {
        alias.map { "\(name).\($0)" } ?? name
    }
}
