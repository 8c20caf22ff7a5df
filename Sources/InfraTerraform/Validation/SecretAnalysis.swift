// Where the values of one configuration come from, for the secret rules: whether a value
// can be a literal written into a file (a literal, a variable default or tfvars value, a
// function of only those), and whether it is sensitive in Terraform's sense (it reads a
// sensitive variable or attribute), through locals, `each`, and local module calls.

import InfraCore

/// Why a value could put a secret into a file.
enum SecretLeak: Sendable, Hashable {
    /// A literal, or a function of literals only.
    case literal
    /// A variable whose default (or tfvars value) is written to a file.
    case variableValue(name: String, file: String)
    /// `file()` and friends: the value sits in a file next to the configuration.
    case fileFunction(String)
    /// `Expression.raw`: HCL text that cannot be analysed.
    case raw
    /// A local whose value leaks for the inner reason.
    indirect case local(String, SecretLeak)

    /// The reason as a clause: "is a literal value", "comes from var.x, whose default …".
    var explanation: String {
        switch self {
        case .literal: "is a literal value"
        case .variableValue(let name, let file): "comes from var.\(name), whose value is written to \(file)"
        case .fileFunction(let function): "is read by \(function)() from a file next to the configuration"
        case .raw: "is raw HCL (Expression.raw), which cannot be checked"
        case .local(let name, let inner): "comes from local.\(name), which \(inner.explanation)"
        }
    }
}

/// What a value is made of, as far as secrets go.
struct SecretOrigin: Sendable, Hashable {
    /// Some part reads a secret source: a resource, data source, module output or a variable
    /// whose value is given at apply time.
    var hasSource: Bool
    /// Why the value could be a secret written into a file, when it could.
    var leak: SecretLeak?

    static let empty = SecretOrigin(hasSource: false, leak: nil)
    static let source = SecretOrigin(hasSource: true, leak: nil)
}

/// Answers origin and sensitivity questions about the expressions of one configuration.
struct SecretAnalysis {
    /// Functions whose result is the content of a file on disk.
    static let fileFunctions: Set<String> = ["file", "filebase64", "templatefile"]

    let kind: TerraformSynthesizer.Kind
    let index: ConfigurationIndex
    let tfvars: [String: Value]
    /// Variables of a module that receive a sensitive value from the caller being analysed.
    let sensitiveInputs: Set<String>
    let variables: [String: VariableBlock]
    let locals: [String: LocalBlock]
    /// The resources and data sources that have sensitive attributes, with their paths split
    /// into names (most blocks have none, so this stays small on large configurations).
    let sensitiveBlocks: [SensitiveBlock]
    /// ``sensitiveBlocks`` by address, for references.
    let sensitivePaths: [ReferenceTarget: [[String]]]

    /// A block with sensitive attributes.
    struct SensitiveBlock {
        var block: ResourceBlock
        var isData: Bool
        var paths: [[String]]

        /// `aws_db_instance.main` or `data.aws_ssm_parameter.x`.
        var address: String { (isData ? "data." : "") + "\(block.type).\(block.name)" }
    }

    init(
        kind: TerraformSynthesizer.Kind, index: ConfigurationIndex, tfvars: [String: Value],
        sensitiveInputs: Set<String> = []
    ) {
        self.kind = kind
        self.index = index
        self.tfvars = tfvars
        self.sensitiveInputs = sensitiveInputs
        variables = Dictionary(index.variables.map { ($0.name, $0) }) { first, _ in first }
        locals = Dictionary(index.locals.map { ($0.name, $0) }) { first, _ in first }
        var sensitiveBlocks: [SensitiveBlock] = []
        var sensitivePaths: [ReferenceTarget: [[String]]] = [:]
        for (blocks, isData) in [(index.resources, false), (index.dataSources, true)] {
            for block in blocks {
                let paths = SensitiveAttributes.paths(of: block, isData: isData)
                guard !paths.isEmpty else { continue }
                sensitiveBlocks.append(SensitiveBlock(block: block, isData: isData, paths: paths))
                let target: ReferenceTarget =
                    isData ? .data(type: block.type, name: block.name) : .resource(type: block.type, name: block.name)
                sensitivePaths[target] = paths
            }
        }
        self.sensitiveBlocks = sensitiveBlocks
        self.sensitivePaths = sensitivePaths
    }

    // MARK: Origin

    /// Where `node`'s value comes from; `forEach` is the `for_each` that `each.*` reads.
    func origin(_ node: Expression.Node, forEach: Expression? = nil, visiting: Set<String> = []) -> SecretOrigin {
        func function(_ arguments: [Expression.Node]) -> SecretOrigin {
            let parts = arguments.map { origin($0, forEach: forEach, visiting: visiting) }
            if parts.contains(where: \.hasSource) { return .source }
            return SecretOrigin(hasSource: false, leak: parts.lazy.compactMap(\.leak).first)
        }
        switch node {
        case .null: return .empty
        case .string(let text): return text.isEmpty ? .empty : SecretOrigin(hasSource: false, leak: .literal)
        case .bool, .int, .double: return SecretOrigin(hasSource: false, leak: .literal)
        case .raw: return SecretOrigin(hasSource: false, leak: .raw)
        case .list(let elements):
            // Each element is a value of its own: one literal element is a literal secret.
            let parts = elements.map { origin($0, forEach: forEach, visiting: visiting) }
            return SecretOrigin(
                hasSource: parts.contains(where: \.hasSource), leak: parts.lazy.compactMap(\.leak).first)
        case .object(let members):
            let parts = members.map { origin($0.value, forEach: forEach, visiting: visiting) }
            return SecretOrigin(
                hasSource: parts.contains(where: \.hasSource), leak: parts.lazy.compactMap(\.leak).first)
        case .traversal(let traversal):
            return origin(of: traversal, forEach: forEach, visiting: visiting)
        case .call(let name, let arguments), .expandedCall(let name, let arguments):
            if Self.fileFunctions.contains(name) { return SecretOrigin(hasSource: false, leak: .fileFunction(name)) }
            return function(arguments)
        case .splat(let collection, _):
            // Every element of a literal collection is a literal; of a reference, a source.
            return origin(collection, forEach: forEach, visiting: visiting)
        case .forExpression(let loop):
            // The result is built from the collection's elements and the body; a body that only
            // reads the loop's own variables adds nothing, so the collection decides.
            return function([loop.collection] + Self.bodyNodes(of: loop))
        case .template(let parts):
            var arguments: [Expression.Node] = []
            for part in parts {
                switch part {
                case .literal(let text): arguments.append(.string(text))
                case .interpolation(let node): arguments.append(node)
                }
            }
            return function(arguments)
        case .conditional(_, let then, let otherwise):
            // Either branch may be the value.
            let a = origin(then, forEach: forEach, visiting: visiting)
            let b = origin(otherwise, forEach: forEach, visiting: visiting)
            return SecretOrigin(hasSource: a.hasSource || b.hasSource, leak: a.leak ?? b.leak)
        case .binary(_, let lhs, let rhs): return function([lhs, rhs])
        case .unary(_, let operand): return function([operand])
        case .index(let collection, _), .getAttribute(let collection, _):
            // An element of a literal collection is a literal; of a reference, a source.
            return origin(collection, forEach: forEach, visiting: visiting)
        }
    }

    private func origin(of traversal: Traversal, forEach: Expression?, visiting: Set<String>) -> SecretOrigin {
        guard let target = traversal.target else { return .empty }
        switch target {
        case .variable(let name):
            guard let variable = variables[name] else { return .source }  // undefined: reported elsewhere
            if let file = valueFile(of: variable) {
                return SecretOrigin(hasSource: false, leak: .variableValue(name: name, file: file))
            }
            return .source
        case .local(let name):
            guard let local = locals[name], !visiting.contains(name) else { return .empty }
            let inner = origin(local.value.node, visiting: visiting.union([name]))
            return SecretOrigin(hasSource: inner.hasSource, leak: inner.leak.map { .local(name, $0) })
        case .resource, .data, .module: return .source
        case .contextual(let root):
            guard root == "each", let forEach else { return .empty }
            return origin(forEach.node, visiting: visiting)
        }
    }

    /// The file a variable's value is written to, when it has one in this configuration:
    /// `variables.tf.json` for a (non-null) default, `terraform.tfvars.json` for a root's tfvars.
    func valueFile(of variable: VariableBlock) -> String? {
        if kind == .root, tfvars[variable.name] != nil { return "terraform.tfvars.json" }
        if let value = variable.defaultValue, value != .null { return "variables.tf.json (its default)" }
        return nil
    }

    /// The variables `node` reads, through locals and `each` (for module inputs that end up in a
    /// sensitive attribute).
    func variablesRead(by node: Expression.Node, forEach: Expression? = nil, visiting: Set<String> = []) -> Set<String>
    {
        var result = Set<String>()
        for traversal in node.traversals {
            switch traversal.target {
            case .variable(let name)?: result.insert(name)
            case .local(let name)? where !visiting.contains(name):
                if let local = locals[name] {
                    result.formUnion(variablesRead(by: local.value.node, visiting: visiting.union([name])))
                }
            case .contextual("each")?:
                if let forEach { result.formUnion(variablesRead(by: forEach.node, visiting: visiting)) }
            default: break
            }
        }
        return result
    }

    /// The expressions a `for` expression evaluates per element: its result and its filter.
    static func bodyNodes(of loop: ForExpression) -> [Expression.Node] {
        var nodes: [Expression.Node]
        switch loop.result {
        case .list(let element): nodes = [element]
        case .object(let key, let value, _): nodes = [key, value]
        }
        if let condition = loop.condition { nodes.append(condition) }
        return nodes
    }

    // MARK: Sensitivity

    /// Why `node` is sensitive in Terraform's sense (it reads a sensitive variable, a sensitive
    /// attribute, or a sensitive module output), or `nil`. `nonsensitive(…)` clears it.
    func sensitivity(_ node: Expression.Node, visiting: Set<String> = []) -> String? {
        switch node {
        case .null, .bool, .int, .double, .string, .raw: return nil
        case .call("nonsensitive", _): return nil
        case .call("sensitive", _): return "sensitive() marks it"
        case .call(_, let arguments), .expandedCall(_, let arguments), .list(let arguments):
            return first(arguments, visiting)
        case .splat(let collection, let steps):
            if let reason = sensitivity(collection, visiting: visiting) { return reason }
            return first(
                steps.compactMap {
                    if case .index(let key) = $0 { key } else { nil }
                }, visiting)
        case .forExpression(let loop): return first([loop.collection] + Self.bodyNodes(of: loop), visiting)
        case .object(let members): return first(members.map(\.value), visiting)
        case .template(let parts):
            return first(
                parts.compactMap {
                    if case .interpolation(let node) = $0 { node } else { nil }
                }, visiting)
        case .conditional(let condition, let then, let otherwise): return first([condition, then, otherwise], visiting)
        case .binary(_, let lhs, let rhs), .index(let lhs, let rhs): return first([lhs, rhs], visiting)
        case .unary(_, let operand), .getAttribute(let operand, _): return sensitivity(operand, visiting: visiting)
        case .traversal(let traversal):
            if let reason = sensitivity(of: traversal, visiting: visiting) { return reason }
            return first(
                traversal.steps.compactMap {
                    if case .index(let key) = $0 { key } else { nil }
                }, visiting)
        }
    }

    private func first(_ nodes: [Expression.Node], _ visiting: Set<String>) -> String? {
        for node in nodes {
            if let reason = sensitivity(node, visiting: visiting) { return reason }
        }
        return nil
    }

    private func sensitivity(of traversal: Traversal, visiting: Set<String>) -> String? {
        guard let target = traversal.target else { return nil }
        switch target {
        case .variable(let name):
            if variables[name]?.sensitive == true { return "var.\(name) is sensitive" }
            if sensitiveInputs.contains(name) { return "var.\(name) receives a sensitive value" }
            return nil
        case .local(let name):
            guard let local = locals[name], !visiting.contains(name) else { return nil }
            return sensitivity(local.value.node, visiting: visiting.union([name])).map { "local.\(name): \($0)" }
        case .resource, .data:
            guard let sensitive = sensitivePaths[target] else { return nil }
            let skipped = target.isData ? 2 : 1
            let path = attributeNames(traversal.steps.dropFirst(skipped))
            guard
                let hit = sensitive.first(where: {
                    $0.starts(with: path) || path.starts(with: $0)
                })
            else { return nil }
            return "\(target).\(hit.joined(separator: ".")) is a sensitive attribute"
        case .module(let name):
            guard let call = index.modulesByName[name], case .local(let module) = call.source else { return nil }
            let output = traversal.leadingAttributes.dropFirst().first
            return moduleSensitivity(call: call, module: module, output: output, visiting: visiting)
        case .contextual: return nil
        }
    }

    /// Why an output of a local module call is sensitive: its value reads something sensitive,
    /// the module's own or what this call passes in. (An output declared `sensitive = true` whose
    /// value is not sensitive does not mark the value for the caller: terraform 1.11 shows it in
    /// the root's plan, and the root output needs no flag.)
    func moduleSensitivity(
        call: ModuleCallBlock, module: TerraformModule, output: String?, visiting: Set<String>
    ) -> String? {
        let inputs = Set(
            call.inputs.compactMap { sensitivity($0.value.node, visiting: visiting) == nil ? nil : $0.key })
        let inner = SecretAnalysis(
            kind: .module, index: ConfigurationIndex(elements: module.elements), tfvars: [:], sensitiveInputs: inputs)
        for block in inner.index.outputs where output == nil || block.name == output {
            if let reason = inner.sensitivity(block.value.node) {
                return "module.\(call.name).\(block.name) is sensitive (\(reason))"
            }
        }
        return nil
    }

    /// The attribute names of traversal steps, index steps skipped (`user[0].password` → user, password).
    func attributeNames(_ steps: ArraySlice<Traversal.Step>) -> [String] {
        steps.compactMap {
            if case .attribute(let name) = $0 { name } else { nil }
        }
    }
}

extension ReferenceTarget {
    /// Whether the target is a data source.
    fileprivate var isData: Bool {
        if case .data = self { true } else { false }
    }
}
