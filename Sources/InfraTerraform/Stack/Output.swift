// Output values and local values.

import InfraCore

/// An `output` block.
///
/// A root output whose value reads a sensitive value (a sensitive variable or attribute, also
/// through locals, functions and module outputs) must be declared `sensitive: true`: validation
/// refuses it otherwise, as `terraform plan` would ("Output refers to sensitive values").
///
/// ```swift
/// Output("vpc_id", vpc.id, description: "The VPC's id")
/// Output("api_token", token.value, sensitive: true)   // token: a sensitive Variable
/// ```
public struct Output: StackContent, Hashable {
    /// The declaration.
    public var block: OutputBlock

    /// Declares an output.
    public init<T>(
        _ name: String, _ value: Expr<T>, description: String? = nil, sensitive: Bool? = nil,
        dependsOn: [ReferenceTarget] = []
    ) {
        block = OutputBlock(
            name: name, value: value.expression, description: description, sensitive: sensitive, dependsOn: dependsOn,
            path: nil)
    }

    /// Declares an output from an untyped expression.
    public init(
        _ name: String, expression: Expression, description: String? = nil, sensitive: Bool? = nil,
        dependsOn: [ReferenceTarget] = []
    ) {
        block = OutputBlock(
            name: name, value: expression, description: description, sensitive: sensitive, dependsOn: dependsOn,
            path: nil)
    }

    /// The output block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("output." + block.name)
        return [.output(block)]
    }
}

/// The untyped declaration of an output.
public struct OutputBlock: Sendable, Hashable {
    /// The name.
    public var name: String
    /// The value.
    public var value: Expression
    /// The description.
    public var description: String?
    /// Whether the value is hidden in CLI output.
    public var sensitive: Bool?
    /// Explicit dependencies.
    public var dependsOn: [ReferenceTarget]
    /// Where it was defined.
    public var path: ComponentPath?

    /// The block as Terraform JSON.
    public var jsonValue: Value {
        var o = ValueObject()
        o["value"] = value.jsonValue
        if let description { o["description"] = .string(description) }
        if let sensitive { o["sensitive"] = .bool(sensitive) }
        if !dependsOn.isEmpty { o["depends_on"] = .array(dependsOn.map { .string($0.description) }) }
        return .object(o)
    }
}

/// One named local value (`locals { name = … }`).
///
/// ```swift
/// let common = Local<[String: String]>("common_tags", ["Project": "oves"])
/// AWSVPC("main", tags: common.value)
/// ```
public struct Local<T>: StackContent, Hashable {
    /// The declaration.
    public var block: LocalBlock

    /// Declares a local value.
    public init(_ name: String, _ value: Expr<T>) {
        block = LocalBlock(name: name, value: value.expression, path: nil)
    }

    /// The typed reference `local.<name>`.
    public var value: Expr<T> { Expr(.reference("local", block.name)) }

    /// The local block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("local." + block.name)
        return [.local(block)]
    }
}

/// The untyped declaration of a local value.
public struct LocalBlock: Sendable, Hashable {
    /// The name.
    public var name: String
    /// The value.
    public var value: Expression
    /// Where it was defined.
    public var path: ComponentPath?
}
