// The result builder behind `Stack { … }` and `Group { … }`: it only collects values
// (with `if`, `if/else` and `for`); all checking happens later, in validation.

import InfraCore

/// Collects ``StackContent`` values.
@resultBuilder
public enum StackBuilder {
    /// One piece of content.
    public static func buildExpression(_ content: some StackContent) -> [any StackContent] { [content] }
    /// An array of content, e.g. from `map`.
    public static func buildExpression(_ contents: [any StackContent]) -> [any StackContent] { contents }
    /// A homogeneous array of content.
    public static func buildExpression<C: StackContent>(_ contents: [C]) -> [any StackContent] { contents }
    /// A block of statements.
    public static func buildBlock(_ parts: [any StackContent]...) -> [any StackContent] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [any StackContent]?) -> [any StackContent] { part ?? [] }
    /// The first branch of `if`/`else`.
    public static func buildEither(first part: [any StackContent]) -> [any StackContent] { part }
    /// The second branch of `if`/`else`.
    public static func buildEither(second part: [any StackContent]) -> [any StackContent] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[any StackContent]]) -> [any StackContent] { parts.flatMap { $0 } }
    /// `if #available`.
    public static func buildLimitedAvailability(_ part: [any StackContent]) -> [any StackContent] { part }
}

/// Groups content under a component path segment, e.g. `prod/network/…`, without
/// changing Terraform names.
///
/// ```swift
/// Group("network") { vpc; subnet }
/// ```
public struct Group: StackContent {
    /// The path segment.
    public var name: String
    /// The grouped content.
    public var content: [any StackContent]

    /// Creates a group.
    public init(_ name: String, @StackBuilder content: () -> [any StackContent]) {
        self.name = name
        self.content = content()
    }

    /// The children's blocks under `parent/name`.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        return content.flatMap { $0.stackElements(in: path) }
    }
}
