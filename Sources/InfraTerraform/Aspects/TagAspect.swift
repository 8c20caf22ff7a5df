// Tags on every taggable resource, for every provider — including those without the AWS
// provider's `default_tags`. Taggable means the provider schema gives the type a settable
// `tags` map (the generated AWSTaggableTypes table, plus the types a user names); nothing else
// is touched, and data sources never are (there `tags` is a filter).

import InfraCore

/// Adds tags to every resource whose type takes a `tags` argument.
///
/// ```swift
/// let infra = Infrastructure { dev; prod }
///     .aspect(TagAspect(["owner": "platform", "cost-center": "1234"]))
///     .aspect(TagAspect(["environment": "prod"]), scope: "prod")
/// ```
///
/// A resource's own tags win over the aspect's unless `overwrite` is set. When its `tags` is an
/// expression rather than a literal map (`local.tags`, a `merge(…)`), the aspect wraps it:
/// `merge({aspect tags}, <expression>)` (or the other way round with `overwrite`).
public struct TagAspect: Aspect {
    /// The tags to add, by key.
    public var tags: [String: Expression]
    /// Whether the aspect's values replace a resource's own values for the same key.
    public var overwrite: Bool
    /// Resource types of other providers that take a `tags` map (`cloudflare_…` has none; a
    /// `google_…` type takes `labels`, which is not `tags`).
    public var additionalTypes: Set<String>
    /// Types to leave alone even though they take tags.
    public var excludedTypes: Set<String>

    /// Creates a tagging aspect.
    public init(
        _ tags: [String: Expression], overwrite: Bool = false, additionalTypes: Set<String> = [],
        excludedTypes: Set<String> = []
    ) {
        self.tags = tags
        self.overwrite = overwrite
        self.additionalTypes = additionalTypes
        self.excludedTypes = excludedTypes
    }

    /// Whether hashicorp/aws's schema gives resource `type` a settable `tags` map.
    ///
    /// ```swift
    /// TagAspect.awsTakesTags("aws_vpc")             // true
    /// TagAspect.awsTakesTags("aws_route_table_association")   // false
    /// ```
    public static func awsTakesTags(_ type: String) -> Bool { AWSTaggableTypes.types.contains(type) }

    /// Whether the aspect tags resources of `type`.
    public func tags(type: String) -> Bool {
        !excludedTypes.contains(type) && (Self.awsTakesTags(type) || additionalTypes.contains(type))
    }

    /// Tags the visited resource when its type takes tags.
    public mutating func visit(_ visit: inout AspectVisit) {
        guard !tags.isEmpty, var node = visit.node as? TerraformAspectNode, var block = node.resource,
            tags(type: block.type)
        else { return }
        block.body["tags"] = merged(into: block.body["tags"])
        node.resource = block
        visit.node = node
    }

    /// The resource's `tags` with the aspect's added.
    func merged(into existing: Expression?) -> Expression {
        let keys = tags.keys.sorted()
        guard let existing, existing.node != .null else {
            return Expression(.object(keys.map { Expression.ObjectMember(key: $0, value: tags[$0, default: ""].node) }))
        }
        guard case .object(var members) = existing.node, members.allSatisfy({ $0.keyExpression == nil }) else {
            let ours = Expression(
                .object(keys.map { Expression.ObjectMember(key: $0, value: tags[$0, default: ""].node) }))
            return overwrite ? .call("merge", existing, ours) : .call("merge", ours, existing)
        }
        for key in keys {
            guard let value = tags[key] else { continue }
            if let position = members.firstIndex(where: { $0.key == key }) {
                if overwrite { members[position].value = value.node }
            } else {
                members.append(Expression.ObjectMember(key: key, value: value.node))
            }
        }
        return Expression(.object(members))
    }
}
