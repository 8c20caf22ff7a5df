// The result builder behind `Manifest { ... }` and `ObjectGroup { ... }`: it only collects
// content (objects, arrays, helpers) with `if`/`else`/`for`; checks happen in validation.

/// Collects ``ManifestContent`` in a block, with `if`, `if`/`else`, `switch` and `for`.
///
/// ```swift
/// Manifest("dev") {
///     namespace
///     for service in services { service }
///     if enableMonitoring { monitoringObjects }
/// }
/// ```
@resultBuilder
public enum ManifestBuilder {
    /// Accepts any content: an object, an array of objects, a helper.
    public static func buildExpression(_ content: some ManifestContent) -> [any ManifestContent] {
        [content]
    }

    /// Accepts an array of mixed content.
    public static func buildExpression(_ contents: [any ManifestContent]) -> [any ManifestContent] {
        contents
    }

    /// Accepts an array of mixed objects, kept as one content (converting each element to
    /// `any ManifestContent` was a dynamic cast per object).
    public static func buildExpression(_ objects: [any KubernetesObject]) -> [any ManifestContent] {
        [ObjectList(objects: objects)]
    }

    /// A block of one statement, passed on as it is.
    public static func buildBlock(_ part: [any ManifestContent]) -> [any ManifestContent] {
        part
    }

    /// Joins the statements of a block.
    public static func buildBlock(_ parts: [any ManifestContent]...) -> [any ManifestContent] {
        parts.flatMap { $0 }
    }

    /// `if` without `else`.
    public static func buildOptional(_ part: [any ManifestContent]?) -> [any ManifestContent] {
        part ?? []
    }

    /// The first branch of `if`/`else` or `switch`.
    public static func buildEither(first part: [any ManifestContent]) -> [any ManifestContent] {
        part
    }

    /// The second branch of `if`/`else` or `switch`.
    public static func buildEither(second part: [any ManifestContent]) -> [any ManifestContent] {
        part
    }

    /// `for … in` loops.
    public static func buildArray(_ parts: [[any ManifestContent]]) -> [any ManifestContent] {
        parts.flatMap { $0 }
    }

    /// `if #available` blocks.
    public static func buildLimitedAvailability(_ part: [any ManifestContent]) -> [any ManifestContent] {
        part
    }
}

/// An array of objects given to a builder, as one content.
struct ObjectList: ManifestContent {
    /// The objects, in order.
    var objects: [any KubernetesObject]

    var manifestObjects: [any KubernetesObject] { objects }

    func appendManifestObjects(to objects: inout [any KubernetesObject]) {
        objects += self.objects
    }
}
