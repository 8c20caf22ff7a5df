// A Terraform block as aspects see it: the stack element (typed, mutable) with the address,
// kind and component path the resolved model will give it.

import InfraCore

/// One block of a stack or module, as an `Aspect` visits it.
///
/// ```swift
/// mutating func visit(_ visit: inout AspectVisit) {
///     guard var node = visit.node as? TerraformAspectNode, var block = node.resource else { return }
///     block.body["tags"] = nil
///     node.resource = block
///     visit.node = node
/// }
/// ```
public struct TerraformAspectNode: AspectNode {
    /// The block.
    public var element: StackElement
    /// The component path of its unit, for blocks that record none (variables, outputs, …).
    public let unitPath: ComponentPath

    /// Creates a node.
    public init(element: StackElement, unitPath: ComponentPath) {
        self.element = element
        self.unitPath = unitPath
    }

    /// The `resource` block, when it is one; setting it replaces the element.
    public var resource: ResourceBlock? {
        get { if case .resource(let block) = element { block } else { nil } }
        set { if let newValue { element = .resource(newValue) } }
    }

    /// Terraform.
    public var language: ModelLanguage { .terraform }

    /// As ``ResolvedBlock/kind``: the resource type, `data.<type>`, or the block keyword.
    public var kind: String {
        switch element {
        case .resource(let block): block.type
        case .data(let block): "data." + block.type
        case .variable: "variable"
        case .output: "output"
        case .local: "local"
        case .module: "module"
        case .provider: "provider"
        case .moved: "moved"
        case .importBlock: "import"
        case .removed: "removed"
        case .rootRequirement: "data.terraform_remote_state"
        case .diagnostic: "diagnostic"
        }
    }

    /// As ``ResolvedBlock/name``.
    public var name: String {
        switch element {
        case .resource(let block), .data(let block): block.name
        case .variable(let variable): variable.name
        case .output(let output): output.name
        case .local(let local): local.name
        case .module(let call): call.name
        case .provider(let provider): provider.alias.map { provider.name + "." + $0 } ?? provider.name
        case .moved(let move): move.fromAddress.description
        case .importBlock(let adoption): adoption.toAddress
        case .removed(let removal): removal.from.description
        case .rootRequirement(let requirement): requirement.name
        case .diagnostic(let diagnostic): diagnostic.message
        }
    }

    /// As ``ResolvedBlock/address``.
    public var address: String {
        switch element {
        case .resource(let block): block.type + "." + block.name
        case .data(let block): "data." + block.type + "." + block.name
        case .variable(let variable): "var." + variable.name
        case .output(let output): "output." + output.name
        case .local(let local): "local." + local.name
        case .module(let call): "module." + call.name
        case .provider: "provider." + name
        case .moved: "moved." + name
        case .importBlock: "import." + name
        case .removed: "removed." + name
        case .rootRequirement: "data.terraform_remote_state." + name
        case .diagnostic: "diagnostic"
        }
    }

    /// Where it was defined (its unit's path when the block records none).
    public var path: ComponentPath {
        switch element {
        case .resource(let block), .data(let block): block.path
        case .variable(let variable): variable.path ?? unitPath
        case .output(let output): output.path ?? unitPath
        case .local(let local): local.path ?? unitPath
        case .module(let call): call.path
        case .provider(let provider): provider.path ?? unitPath
        case .moved(let move): move.path ?? unitPath
        case .importBlock(let adoption): adoption.path ?? unitPath
        case .removed(let removal): removal.path ?? unitPath
        case .rootRequirement(let requirement): requirement.path ?? unitPath
        case .diagnostic(let diagnostic): diagnostic.path
        }
    }
}

extension AspectRun {
    /// The elements after the aspects visited each block in order; a construct's diagnostics
    /// pass through unvisited.
    mutating func visit(_ elements: [StackElement], unit: ComponentPath, directory: String) -> [StackElement] {
        elements.map { element in
            if case .diagnostic = element { return element }
            return visit(TerraformAspectNode(element: element, unitPath: unit), unit: unit, directory: directory)
                .element
        }
    }
}

extension Stack: AspectVisitable {
    /// The root with every block visited by the run's aspects.
    public func applyingAspects(_ run: inout AspectRun) -> any SynthesisUnit {
        var copy = self
        copy.elements = run.visit(elements, unit: componentPath, directory: outputDirectory)
        return copy
    }
}

extension TerraformModule: AspectVisitable {
    /// The module with every block visited by the run's aspects.
    public func applyingAspects(_ run: inout AspectRun) -> any SynthesisUnit {
        var copy = self
        copy.elements = run.visit(elements, unit: componentPath, directory: outputDirectory)
        return copy
    }
}
