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
    // Resources and data sources (the many) are a boxed `ResourceBlock`; the rest are `indirect`,
    // so every resolved block's box does not carry a slot as wide as a module call.
    /// The declaration, by kind of block.
    public enum Content: Sendable, Hashable {
        /// `resource "type" "name"`.
        case resource(ResourceBlock)
        /// `data "type" "name"`.
        case data(ResourceBlock)
        /// `module "name"`, with the relative source folder of a local module.
        indirect case module(ModuleCallBlock, localSource: String?)
        /// `variable "name"`.
        indirect case variable(VariableBlock)
        /// `output "name"`.
        indirect case output(OutputBlock)
        /// One entry of `locals`.
        indirect case local(LocalBlock)
        /// `provider "name"` (a configuration, possibly aliased).
        indirect case provider(ProviderBlock)
        /// The `terraform {}` block.
        indirect case settings(TerraformSettings)
        /// A `moved` block.
        indirect case moved(MovedBlock)
        /// An `import` block.
        indirect case importBlock(ImportBlock)
        /// A `removed` block.
        indirect case removed(RemovedBlock)
        /// The values of a root's variables (`terraform.tfvars.json`).
        case variableValues([String: Value])
    }

    /// What kind of top-level block it is, without its declaration (a cheap switch for writers).
    public enum Section: Sendable, Hashable {
        /// `resource`.
        case resource
        /// `data`.
        case data
        /// `module`.
        case module
        /// `variable`.
        case variable
        /// `output`.
        case output
        /// `locals` (one entry).
        case local
        /// `provider`.
        case provider
        /// `terraform`.
        case settings
        /// `moved`.
        case moved
        /// `import`.
        case importBlock
        /// `removed`.
        case removed
        /// The variable values file.
        case variableValues
    }

    /// The typed declaration.
    public var content: Content { storage.content }
    /// The kind of block.
    public var section: Section { storage.section }
    /// The address: `aws_vpc.main`, `data.aws_ami.ubuntu`, `module.vpc`, `var.region`,
    /// `output.vpc_id`, `local.tags`, `provider.aws.eu`, `terraform`, `moved.aws_vpc.old`,
    /// `import.aws_s3_bucket.state`, `removed.aws_s3_bucket.logs`, `tfvars`.
    public var address: String { storage.address }
    /// The resource type (`aws_vpc`), `data.<type>` for data sources, else the block keyword
    /// (`module`, `variable`, `output`, `local`, `provider`, `terraform`, `moved`, `import`, `removed`, `tfvars`).
    public var kind: String { storage.kind }
    /// The resource or data source type (`aws_vpc`), or the provider's name (`aws`); `nil` for other blocks.
    public var type: String? { storage.type }
    /// The local name (`main`), the provider's name with its alias (`aws.eu`), or the keyword for
    /// blocks without a name.
    public var name: String { storage.name }
    /// Where it was defined.
    public var path: ComponentPath { storage.path }
    /// The file it is written to, relative to the output root (`terraform/environments/dev/main.tf.json`).
    public var file: String { storage.file }
    /// The addresses of the blocks of the same configuration it refers to or depends on.
    public var references: [String] { storage.references }

    /// Creates a resolved block; its address, kind and name come from the content.
    public init(_ content: Content, path: ComponentPath, file: String, references: [String] = []) {
        storage = Storage(content: content, path: path, file: file, references: { _ in references })
    }

    /// Creates a resolved block whose references are looked up by its address.
    init(_ content: Content, path: ComponentPath, file: String, references: (String) -> [String]) {
        storage = Storage(content: content, path: path, file: file, references: references)
    }

    /// Terraform (JSON or HCL).
    public var language: ModelLanguage { .terraform }

    /// Resources, data sources and module calls are the infrastructure; the rest configures it.
    public var role: ModelRole {
        switch storage.section {
        case .resource, .data, .module: .resource
        default: .configuration
        }
    }

    /// The JSON the block's file holds for it: a resource's body with its meta-arguments, a
    /// module call's arguments, a variable's type and default, an output's value, a local's value,
    /// a provider's arguments (and alias), the `terraform` block, a move, an import, a removal, or
    /// the variable values.
    public func document() -> Value { storage.document() }

    /// The fields, in one immutable box: a block is copied into arrays, existentials and the
    /// writers' tables, and a copy is then one retain (the declaration alone is hundreds of
    /// bytes), and a block fits in an existential's inline buffer without an allocation. What
    /// readers ask for often (kind, name, address) is worked out once, here.
    private let storage: Storage

    private final class Storage: Sendable {
        let content: Content
        let section: Section
        let address: String
        let kind: String
        let type: String?
        let name: String
        let path: ComponentPath
        let file: String
        let references: [String]

        init(content: Content, path: ComponentPath, file: String, references: (String) -> [String]) {
            self.content = content
            self.path = path
            self.file = file
            switch content {
            case .resource(let block):
                (section, type, name, kind) = (.resource, block.type, block.name, block.type)
                address = block.type + "." + block.name
            case .data(let block):
                (section, type, name, kind) = (.data, block.type, block.name, "data." + block.type)
                address = "data." + block.type + "." + block.name
            case .module(let call, _):
                (section, type, name, kind, address) = (.module, nil, call.name, "module", "module." + call.name)
            case .variable(let variable):
                (section, type, name, kind, address) = (
                    .variable, nil, variable.name, "variable", "var." + variable.name
                )
            case .output(let output):
                (section, type, name, kind, address) = (.output, nil, output.name, "output", "output." + output.name)
            case .local(let local):
                (section, type, name, kind, address) = (.local, nil, local.name, "local", "local." + local.name)
            case .provider(let provider):
                let full = provider.alias.map { provider.name + "." + $0 } ?? provider.name
                (section, type, name, kind, address) = (.provider, provider.name, full, "provider", "provider." + full)
            case .settings:
                (section, type, name, kind, address) = (.settings, nil, "terraform", "terraform", "terraform")
            case .moved(let move):
                let from = move.fromAddress.description
                (section, type, name, kind, address) = (.moved, nil, from, "moved", "moved." + from)
            case .importBlock(let adoption):
                let to = adoption.toAddress
                (section, type, name, kind, address) = (.importBlock, nil, to, "import", "import." + to)
            case .removed(let removal):
                let from = removal.from.description
                (section, type, name, kind, address) = (.removed, nil, from, "removed", "removed." + from)
            case .variableValues:
                (section, type, name, kind, address) = (.variableValues, nil, "tfvars", "tfvars", "tfvars")
            }
            self.references = references(address)
        }

        func document() -> Value {
            switch content {
            case .resource(let block), .data(let block): block.jsonValue
            case .module(let call, let localSource): call.jsonValue(sourcePath: localSource)
            case .variable(let variable): variable.jsonValue
            case .output(let output): output.jsonValue
            case .local(let local): local.value.jsonValue
            case .provider(let provider): provider.jsonValue
            case .settings(let settings): settings.jsonValue
            case .moved(let move): move.jsonValue
            case .importBlock(let adoption): adoption.jsonValue
            case .removed(let removal): removal.jsonValue
            case .variableValues(let values): Value.sortedObject(values)
            }
        }
    }
}
