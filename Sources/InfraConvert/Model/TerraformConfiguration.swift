// One Terraform module — a root or a called module — as read from its `.tf` and `.tf.json`
// files, before anything is converted. Both syntaxes read into this one model: bodies and
// expressions are InfraHCL values (a JSON string is read as the template Terraform sees), so
// every later stage works the same whatever the input syntax.

import InfraHCL

/// The blocks of one module, as written.
struct TerraformConfiguration: Sendable {
    /// The folder, relative to the conversion's base folder (`environments/dev`).
    var directory: String
    /// The files read, relative to the base folder.
    var files: [String]
    var settings = SettingsDeclaration()
    var providers: [ProviderDeclaration] = []
    var variables: [VariableDeclaration] = []
    var locals: [LocalDeclaration] = []
    var outputs: [OutputDeclaration] = []
    var resources: [ResourceDeclaration] = []
    var dataSources: [ResourceDeclaration] = []
    var modules: [ModuleDeclaration] = []
    var moved: [MovedDeclaration] = []
    var imports: [ImportDeclaration] = []
    var removed: [RemovedDeclaration] = []
    /// Blocks that have no Swift form (`check`, `cloud`, …), kept for the report.
    var unsupported: [UnsupportedDeclaration] = []
    /// Values from `terraform.tfvars(.json)` and `*.auto.tfvars(.json)`.
    var tfvars: [(name: String, value: HCLValue)] = []
    /// The cdktf stack name, from the `//` metadata of a `cdk.tf.json`.
    var cdktfStackName: String?
}

/// The `terraform {}` block.
struct SettingsDeclaration: Sendable {
    var requiredVersion: String?
    var requiredProviders: [RequiredProviderDeclaration] = []
    var backend: BackendDeclaration?
    /// Whether a `terraform` block was present at all.
    var present = false
}

/// One `required_providers` entry.
struct RequiredProviderDeclaration: Sendable {
    var name: String
    var source: String?
    var version: String?
    var configurationAliases: [String] = []
}

/// `backend "type" { … }` with literal settings.
struct BackendDeclaration: Sendable {
    var type: String
    var settings: [(name: String, value: HCLValue)]
    var range: SourceRange
}

/// `provider "name" { alias = … }`.
struct ProviderDeclaration: Sendable {
    var name: String
    var alias: String?
    /// The configuration without `alias`.
    var body: HCLBody
    var range: SourceRange
}

/// `variable "name" { … }`.
struct VariableDeclaration: Sendable {
    var name: String
    var type: HCLExpression?
    var defaultValue: HCLValue?
    var description: String?
    var sensitive: Bool?
    var nullable: Bool?
    var validations: [(condition: HCLExpression, errorMessage: String)] = []
    var range: SourceRange
}

/// One entry of a `locals` block.
struct LocalDeclaration: Sendable {
    var name: String
    var value: HCLExpression
    var range: SourceRange
}

/// `output "name" { … }`.
struct OutputDeclaration: Sendable {
    var name: String
    var value: HCLExpression
    var description: String?
    var sensitive: Bool?
    var dependsOn: [HCLExpression] = []
    var hasPreconditions = false
    var range: SourceRange
}

/// A `resource` or `data` block with its meta-arguments separated from its arguments.
struct ResourceDeclaration: Sendable {
    var type: String
    var name: String
    var isData: Bool
    /// Arguments and nested blocks (including `dynamic` blocks), without meta-arguments.
    var body: HCLBody
    var count: HCLExpression?
    var forEach: HCLExpression?
    /// `aws` or `aws.eu`.
    var provider: (name: String, alias: String?)?
    var dependsOn: [HCLExpression] = []
    var lifecycle: LifecycleDeclaration?
    /// `provisioner` and `connection` blocks, which have no typed form.
    var provisioners: [HCLBlock] = []
    /// The construct path cdktf recorded (`oves-prod/network/vpc`).
    var cdktfPath: String?
    var range: SourceRange

    /// `aws_vpc.main` or `data.aws_region.current`.
    var address: String { (isData ? "data." : "") + type + "." + name }
}

/// A `lifecycle` block.
struct LifecycleDeclaration: Sendable {
    var createBeforeDestroy: Bool?
    var preventDestroy: Bool?
    /// `nil`: not set; `[]` with `ignoreAll`: `all`.
    var ignoreChanges: [HCLExpression]?
    var ignoreAll = false
    var replaceTriggeredBy: [HCLExpression] = []
    var preconditions: [(condition: HCLExpression, errorMessage: HCLExpression)] = []
    var postconditions: [(condition: HCLExpression, errorMessage: HCLExpression)] = []
    var range: SourceRange
}

/// `module "name" { source = … }`.
struct ModuleDeclaration: Sendable {
    var name: String
    var source: String
    var version: String?
    var inputs: [(name: String, value: HCLExpression)] = []
    /// Module's provider name (`aws`, `aws.peer`) → caller's (`aws.eu`).
    var providers: [(inner: String, outer: String)] = []
    var count: HCLExpression?
    var forEach: HCLExpression?
    var dependsOn: [HCLExpression] = []
    var range: SourceRange
}

/// `moved { from = …, to = … }`.
struct MovedDeclaration: Sendable {
    var from: HCLExpression
    var to: HCLExpression
    var range: SourceRange
}

/// `import { to = …, id = …, for_each = …, provider = … }`.
struct ImportDeclaration: Sendable {
    var to: HCLExpression
    var id: HCLExpression?
    var range: SourceRange
    /// The collection of the `for_each` form (`to` and `id` then read `each`).
    var forEach: HCLExpression?
    /// `provider = aws.west`: the configuration to import with.
    var provider: (name: String, alias: String?)?
    /// Arguments the converter has no form for (`identity`): the block is left out rather than got wrong.
    var otherArguments: [String] = []
}

/// `removed { from = … }`.
struct RemovedDeclaration: Sendable {
    var from: HCLExpression
    var destroy: Bool?
    var range: SourceRange
}

/// A block the converter has no Swift form for.
struct UnsupportedDeclaration: Sendable {
    var kind: String
    var name: String
    var reason: String
    var range: SourceRange
}
