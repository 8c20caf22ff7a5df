// The `lifecycle` meta-argument block of a resource.

import InfraCore

/// A resource's `lifecycle` block.
///
/// ```swift
/// Lifecycle(preventDestroy: true, ignoreChanges: .attributes(["tags"]))
/// ```
public struct Lifecycle: Sendable, Hashable {
    /// Which attribute changes Terraform ignores.
    public enum IgnoreChanges: Sendable, Hashable {
        /// Ignore every attribute (`ignore_changes = all`).
        case all
        /// Ignore the named attributes (Terraform attribute paths such as `tags` or `tags["Owner"]`).
        case attributes([String])
    }

    /// A custom condition with the message shown when it fails.
    public struct Condition: Sendable, Hashable {
        /// The condition; must evaluate to a boolean.
        public var condition: Expr<Bool>
        /// The message shown when the condition is false.
        public var errorMessage: String

        /// Creates a condition.
        public init(_ condition: Expr<Bool>, errorMessage: String) {
            self.condition = condition
            self.errorMessage = errorMessage
        }
    }

    /// Create the replacement before destroying the old object.
    public var createBeforeDestroy: Bool?
    /// Refuse any plan that would destroy the object.
    public var preventDestroy: Bool?
    /// Attribute changes to ignore.
    public var ignoreChanges: IgnoreChanges?
    /// References whose change forces a replacement (e.g. `aws_launch_template.nodes.latest_version`).
    public var replaceTriggeredBy: [Expression]
    /// Checked before the resource is planned.
    public var preconditions: [Condition]
    /// Checked after the resource is applied.
    public var postconditions: [Condition]

    /// Creates a lifecycle block.
    public init(
        createBeforeDestroy: Bool? = nil, preventDestroy: Bool? = nil, ignoreChanges: IgnoreChanges? = nil,
        replaceTriggeredBy: [Expression] = [], preconditions: [Condition] = [], postconditions: [Condition] = []
    ) {
        self.createBeforeDestroy = createBeforeDestroy
        self.preventDestroy = preventDestroy
        self.ignoreChanges = ignoreChanges
        self.replaceTriggeredBy = replaceTriggeredBy
        self.preconditions = preconditions
        self.postconditions = postconditions
    }

    /// Whether nothing is set.
    public var isEmpty: Bool {
        createBeforeDestroy == nil && preventDestroy == nil && ignoreChanges == nil && replaceTriggeredBy.isEmpty
            && preconditions.isEmpty && postconditions.isEmpty
    }

    /// The block as Terraform JSON. Reference lists are bare traversals (no `${}`), as
    /// Terraform's JSON syntax requires for meta-arguments.
    public var jsonValue: Value {
        var o = ValueObject()
        if let createBeforeDestroy { o["create_before_destroy"] = .bool(createBeforeDestroy) }
        if let preventDestroy { o["prevent_destroy"] = .bool(preventDestroy) }
        switch ignoreChanges {
        case .all: o["ignore_changes"] = "all"
        case .attributes(let names): o["ignore_changes"] = .array(names.map(Value.string))
        case nil: break
        }
        if !replaceTriggeredBy.isEmpty {
            o["replace_triggered_by"] = .array(replaceTriggeredBy.map { .string($0.hcl) })
        }
        if !preconditions.isEmpty { o["precondition"] = .array(preconditions.map(\.jsonValue)) }
        if !postconditions.isEmpty { o["postcondition"] = .array(postconditions.map(\.jsonValue)) }
        return .object(o)
    }

    /// Every traversal in conditions and triggers.
    var traversals: [Traversal] {
        replaceTriggeredBy.flatMap(\.node.traversals)
            + (preconditions + postconditions).flatMap(\.condition.expression.node.traversals)
    }
}

extension Lifecycle.Condition {
    /// `{"condition": "${…}", "error_message": "…"}`.
    var jsonValue: Value {
        [
            "condition": condition.expression.jsonValue,
            "error_message": .string(Expression.escapeTemplateLiteral(errorMessage)),
        ]
    }
}
