// Input variables: typed declarations whose `value` is a typed `var.` reference.

import InfraCore

/// A `variable` block, typed by the Swift type of its value.
///
/// ```swift
/// let region = Variable<String>("region", default: "us-east-1", description: "AWS region")
/// AWSProvider(region: region.value)
/// let token = Variable<String>("api_token", sensitive: true, providedAtApply: true)   // secrets: no default
/// ```
public struct Variable<T: TerraformTyped>: StackContent, Hashable {
    /// The variable's name.
    public var name: String
    /// The variable's declaration.
    public var block: VariableBlock

    /// Declares a variable.
    ///
    /// - Parameters:
    ///   - name: the variable's name, referenced as `var.<name>`.
    ///   - type: the type constraint; `nil` uses the one of `T` (e.g. `string`, `list(string)`).
    ///   - defaultValue: the value used when none is given (label `default:`); `nil` makes the
    ///     variable required.
    ///   - description: what the variable is for, shown by `terraform plan` prompts and docs.
    ///   - sensitive: hides the value in Terraform's output. A sensitive variable may have no
    ///     default and no tfvars value (either would write it to a file): mark it
    ///     `providedAtApply` and pass it with `TF_VAR_<name>`; root outputs that read it must be
    ///     sensitive too.
    ///   - nullable: whether `null` is an accepted value.
    ///   - validations: `validation` rules; each condition must reference the variable.
    ///   - providedAtApply: a required variable deliberately left for apply time (e.g. a secret
    ///     passed with `TF_VAR_…`); without it a required variable with no value is an error.
    public init(
        _ name: String, type: String? = nil, default defaultValue: Value? = nil, description: String? = nil,
        sensitive: Bool? = nil, nullable: Bool? = nil, validations: [VariableValidation] = [],
        providedAtApply: Bool = false
    ) {
        self.name = name
        self.block = VariableBlock(
            name: name, type: type ?? T.terraformTypeConstraint, defaultValue: defaultValue, description: description,
            sensitive: sensitive, nullable: nullable, validations: validations, providedAtApply: providedAtApply,
            path: nil)
    }

    /// The typed reference `var.<name>`.
    public var value: Expr<T> { Expr(.reference("var", name)) }

    /// The variable block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("var." + name)
        return [.variable(block)]
    }
}

/// A `validation` rule of a variable.
public struct VariableValidation: Sendable, Hashable {
    /// The condition; must reference the variable.
    public var condition: Expr<Bool>
    /// The message when the condition is false.
    public var errorMessage: String

    /// Creates a rule.
    public init(_ condition: Expr<Bool>, errorMessage: String) {
        self.condition = condition
        self.errorMessage = errorMessage
    }
}

/// The untyped declaration of a variable, as synthesized.
public struct VariableBlock: Sendable, Hashable {
    /// The name.
    public var name: String
    /// The type constraint, e.g. `list(string)`.
    public var type: String
    /// The default (a literal: Terraform does not evaluate variable defaults as templates).
    public var defaultValue: Value?
    /// The description.
    public var description: String?
    /// Whether values are hidden in plan output.
    public var sensitive: Bool?
    /// Whether `null` is accepted.
    public var nullable: Bool?
    /// Validation rules.
    public var validations: [VariableValidation]
    /// A required variable deliberately supplied at apply time.
    public var providedAtApply: Bool
    /// Where it was defined.
    public var path: ComponentPath?

    /// The block as Terraform JSON.
    public var jsonValue: Value {
        var o = ValueObject()
        o["type"] = .string(type)
        if let defaultValue { o["default"] = defaultValue }
        if let description { o["description"] = .string(description) }
        if let sensitive { o["sensitive"] = .bool(sensitive) }
        if let nullable { o["nullable"] = .bool(nullable) }
        if !validations.isEmpty {
            o["validation"] = .array(
                validations.map {
                    [
                        "condition": $0.condition.expression.jsonValue,
                        "error_message": .string(Expression.escapeTemplateLiteral($0.errorMessage)),
                    ]
                })
        }
        return .object(o)
    }

    /// Whether a value must come from tfvars or the caller.
    public var isRequired: Bool { defaultValue == nil }
}
