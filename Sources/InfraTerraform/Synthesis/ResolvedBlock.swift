// One block of a Terraform configuration in the resolved model: the typed declaration it came
// from, its address, file, component path and the blocks it depends on. The JSON and HCL
// writers write these and nothing else; the policy engine, the test templates and the CLI
// read them through InfraCore's `ModelNode`.

import InfraCore

/// A Terraform block after validation resolved it: what the configuration's files are written from.
///
/// ```swift
/// let blocks = stack.synthesize().model.nodes.compactMap { $0 as? ResolvedBlock }
/// let vpc = blocks.first { $0.address == "aws_vpc.main" }
/// vpc?.references   // ["aws_internet_gateway.main"] when it depends on one
/// vpc?.document()   // the JSON body, meta-arguments included
/// ```
public struct ResolvedBlock: ModelNode {
    /// The declaration, by kind of block.
    public enum Content: Sendable, Hashable {
        /// `resource "type" "name"`.
        case resource(ResourceBlock)
        /// `data "type" "name"`.
        case data(ResourceBlock)
        /// `module "name"`, with the relative source folder of a local module.
        case module(ModuleCallBlock, localSource: String?)
        /// `variable "name"`.
        case variable(VariableBlock)
        /// `output "name"`.
        case output(OutputBlock)
        /// One entry of `locals`.
        case local(LocalBlock)
        /// `provider "name"` (a configuration, possibly aliased).
        case provider(ProviderBlock)
        /// The `terraform {}` block.
        case settings(TerraformSettings)
        /// A `moved` block.
        case moved(MovedBlock)
        /// The values of a root's variables (`terraform.tfvars.json`).
        case variableValues([String: Value])
    }

    /// The typed declaration.
    public let content: Content
    /// The address: `aws_vpc.main`, `data.aws_ami.ubuntu`, `module.vpc`, `var.region`,
    /// `output.vpc_id`, `local.tags`, `provider.aws.eu`, `terraform`, `moved.aws_vpc.old`, `tfvars`.
    public let address: String
    /// Where it was defined.
    public let path: ComponentPath
    /// The file it is written to, relative to the output root (`terraform/environments/dev/main.tf.json`).
    public let file: String
    /// The addresses of the blocks of the same configuration it refers to or depends on.
    public let references: [String]

    /// Creates a resolved block; the address comes from the content.
    public init(_ content: Content, path: ComponentPath, file: String, references: [String] = []) {
        self.init(content, address: Self.address(of: content), path: path, file: file, references: references)
    }

    /// Creates a resolved block whose address the caller already built from the content.
    init(_ content: Content, address: String, path: ComponentPath, file: String, references: [String]) {
        self.content = content
        self.address = address
        self.path = path
        self.file = file
        self.references = references
    }

    /// Terraform (JSON or HCL).
    public var language: ModelLanguage { .terraform }

    /// Resources, data sources and module calls are the infrastructure; the rest configures it.
    public var role: ModelRole {
        switch content {
        case .resource, .data, .module: .resource
        default: .configuration
        }
    }

    /// The resource type (`aws_vpc`), `data.<type>` for data sources, else the block keyword
    /// (`module`, `variable`, `output`, `local`, `provider`, `terraform`, `moved`, `tfvars`).
    public var kind: String {
        switch content {
        case .resource(let block): block.type
        case .data(let block): "data." + block.type
        case .module: "module"
        case .variable: "variable"
        case .output: "output"
        case .local: "local"
        case .provider: "provider"
        case .settings: "terraform"
        case .moved: "moved"
        case .variableValues: "tfvars"
        }
    }

    /// The local name (`main`), the provider's name with its alias (`aws.eu`), or the keyword for
    /// blocks without a name.
    public var name: String {
        switch content {
        case .resource(let block), .data(let block): block.name
        case .module(let call, _): call.name
        case .variable(let variable): variable.name
        case .output(let output): output.name
        case .local(let local): local.name
        case .provider(let provider): provider.alias.map { "\(provider.name).\($0)" } ?? provider.name
        case .settings: "terraform"
        case .moved(let move): move.from.description
        case .variableValues: "tfvars"
        }
    }

    /// The JSON the block's file holds for it: a resource's body with its meta-arguments, a
    /// module call's arguments, a variable's type and default, an output's value, a local's value,
    /// a provider's arguments (and alias), the `terraform` block, a move, or the variable values.
    public func document() -> Value {
        switch content {
        case .resource(let block), .data(let block): block.jsonValue
        case .module(let call, let localSource): call.jsonValue(sourcePath: localSource)
        case .variable(let variable): variable.jsonValue
        case .output(let output): output.jsonValue
        case .local(let local): local.value.jsonValue
        case .provider(let provider): provider.jsonValue
        case .settings(let settings): settings.jsonValue
        case .moved(let move): move.jsonValue
        case .variableValues(let values): Value.sortedObject(values)
        }
    }

    /// The address of a block with this content (see ``address``).
    static func address(of content: Content) -> String {
        switch content {
        case .resource(let block): block.type + "." + block.name
        case .data(let block): "data." + block.type + "." + block.name
        case .module(let call, _): "module." + call.name
        case .variable(let variable): "var." + variable.name
        case .output(let output): "output." + output.name
        case .local(let local): "local." + local.name
        case .provider(let provider): "provider." + provider.name + (provider.alias.map { "." + $0 } ?? "")
        case .settings: "terraform"
        case .moved(let move): "moved." + move.from.description
        case .variableValues: "tfvars"
        }
    }
}
