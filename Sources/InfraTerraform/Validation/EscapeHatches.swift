// Where a configuration leaves the typed layer: raw HCL (`Expr.raw`, `Expression.raw`),
// overrides written after rendering (`.override`) and untyped `Resource`/`DataSource` blocks.
// They stay available on purpose, but validation cannot look into them and the graph does not
// draw what they name, so `infra-manifest check` lists every use with its component path.

import InfraCore

/// One use of an escape hatch in a Terraform configuration.
///
/// ```swift
/// for use in stack.escapeHatches { print(use.note) }
/// // note: dev/aws_sns_topic.alerts: escape hatch: untyped Resource("aws_sns_topic", "alerts") …
/// ```
public struct EscapeHatchUse: Sendable, Hashable {
    /// The kind of escape hatch.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Raw HCL text in an expression.
        case rawExpression = "raw HCL"
        /// A value written at an attribute path after rendering.
        case override = "override"
        /// An untyped `Resource`.
        case untypedResource = "untyped Resource"
        /// An untyped `DataSource`.
        case untypedDataSource = "untyped DataSource"
    }

    /// The kind.
    public var kind: Kind
    /// The block that uses it.
    public var path: ComponentPath
    /// Where in the block and what: `tags = merge(…)`, `override rule.filter`.
    public var detail: String

    /// Creates a use.
    public init(kind: Kind, path: ComponentPath, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    /// The use as a note for `check`: what it is, where, and what it costs.
    public var note: Diagnostic {
        let hint: String
        switch kind {
        case .rawExpression, .override:
            hint = "use the typed form (see Documentation/Expressions.md) so validation and graph see the references"
        case .untypedResource, .untypedDataSource:
            hint = "use the generated type, or generate it with infra-codegen --types"
        }
        return Diagnostic(
            path: path, severity: .note,
            message: "escape hatch: \(kind.rawValue) \(detail) — not type-checked, its references are not validated"
                + " or drawn in the graph", hint: hint)
    }
}

/// A configuration that can say where it uses escape hatches; ``Stack`` and ``TerraformModule`` do.
public protocol EscapeHatchReporting {
    /// Every use of raw HCL, overrides and untyped blocks, in block order.
    var escapeHatches: [EscapeHatchUse] { get }
}

extension Stack: EscapeHatchReporting {
    /// Every use of raw HCL, overrides and untyped blocks in the root.
    public var escapeHatches: [EscapeHatchUse] { EscapeHatchScan.uses(in: elements) }
}

extension TerraformModule: EscapeHatchReporting {
    /// Every use of raw HCL, overrides and untyped blocks in the module.
    public var escapeHatches: [EscapeHatchUse] { EscapeHatchScan.uses(in: elements) }
}

/// Walks the collected blocks of a configuration for escape hatches.
enum EscapeHatchScan {
    static func uses(in elements: [StackElement]) -> [EscapeHatchUse] {
        var uses: [EscapeHatchUse] = []
        func raw(_ node: Expression.Node?, _ location: String, _ path: ComponentPath) {
            guard let node else { return }
            var texts: [String] = []
            node.collectRawText(into: &texts)
            for text in texts {
                uses.append(EscapeHatchUse(kind: .rawExpression, path: path, detail: "in \(location): `\(text)`"))
            }
        }
        func block(_ body: Block, prefix: String, _ path: ComponentPath) {
            for (name, expression) in body.attributes.sorted(by: { $0.key < $1.key }) {
                raw(expression.node, prefix + name, path)
            }
            for (type, list) in body.blocks.sorted(by: { $0.key < $1.key }) {
                for nested in list { block(nested, prefix: prefix + type + ".", path) }
            }
            for dynamic in body.dynamicBlocks {
                raw(dynamic.forEach.node, "\(prefix)dynamic.\(dynamic.type).for_each", path)
                block(dynamic.content, prefix: "\(prefix)dynamic.\(dynamic.type).content.", path)
            }
        }
        func meta(_ meta: MetaArguments, _ path: ComponentPath) {
            raw(meta.count?.node, "count", path)
            raw(meta.forEach?.node, "for_each", path)
            if let lifecycle = meta.lifecycle {
                for expression in lifecycle.replaceTriggeredBy { raw(expression.node, "replace_triggered_by", path) }
                for condition in lifecycle.preconditions + lifecycle.postconditions {
                    raw(condition.condition.expression.node, "lifecycle condition", path)
                }
            }
            for override in meta.overrides {
                uses.append(EscapeHatchUse(kind: .override, path: path, detail: "of \(override.path)"))
            }
        }
        for element in elements {
            switch element {
            case .resource(let b), .data(let b):
                let isData: Bool = if case .data = element { true } else { false }
                if b.isUntyped {
                    let name = isData ? "DataSource" : "Resource"
                    uses.append(
                        EscapeHatchUse(
                            kind: isData ? .untypedDataSource : .untypedResource, path: b.path,
                            detail: "\(name)(\"\(b.type)\", \"\(b.name)\")"))
                }
                block(b.body, prefix: "", b.path)
                meta(b.meta, b.path)
            case .module(let m):
                for (name, expression) in m.inputs.sorted(by: { $0.key < $1.key }) {
                    raw(expression.node, name, m.path)
                }
                meta(m.meta, m.path)
            case .output(let o):
                raw(o.value.node, "value", o.path ?? ComponentPath(segments: ["output." + o.name]))
            case .local(let l):
                raw(l.value.node, "value", l.path ?? ComponentPath(segments: ["local." + l.name]))
            case .variable(let v):
                for validation in v.validations {
                    raw(
                        validation.condition.expression.node, "validation",
                        v.path ?? ComponentPath(segments: ["var." + v.name]))
                }
            case .provider(let p):
                block(p.body, prefix: "", p.path ?? ComponentPath(segments: ["provider." + p.name]))
            case .moved, .importBlock, .removed, .rootRequirement, .diagnostic:
                break
            }
        }
        return uses
    }
}

extension Expression.Node {
    /// Appends the text of every raw HCL node in the tree.
    func collectRawText(into texts: inout [String]) {
        switch self {
        case .null, .bool, .int, .double, .string: return
        case .raw(let text): texts.append(text)
        case .list(let elements): elements.forEach { $0.collectRawText(into: &texts) }
        case .object(let members):
            for member in members {
                member.keyExpression?.collectRawText(into: &texts)
                member.value.collectRawText(into: &texts)
            }
        case .traversal(let t): Self.collectRawText(in: t.steps, into: &texts)
        case .call(_, let arguments), .expandedCall(_, let arguments):
            arguments.forEach { $0.collectRawText(into: &texts) }
        case .template(let parts): for case .interpolation(let n) in parts { n.collectRawText(into: &texts) }
        case .conditional(let a, let b, let c): [a, b, c].forEach { $0.collectRawText(into: &texts) }
        case .binary(_, let a, let b), .index(let a, let b): [a, b].forEach { $0.collectRawText(into: &texts) }
        case .unary(_, let a), .getAttribute(let a, _): a.collectRawText(into: &texts)
        case .splat(let source, let steps):
            source.collectRawText(into: &texts)
            Self.collectRawText(in: steps, into: &texts)
        case .forExpression(let f):
            f.collection.collectRawText(into: &texts)
            switch f.result {
            case .list(let element): element.collectRawText(into: &texts)
            case .object(let key, let value, _):
                key.collectRawText(into: &texts)
                value.collectRawText(into: &texts)
            }
            f.condition?.collectRawText(into: &texts)
        }
    }

    private static func collectRawText(in steps: [Traversal.Step], into texts: inout [String]) {
        for case .index(let key) in steps { key.collectRawText(into: &texts) }
    }
}
