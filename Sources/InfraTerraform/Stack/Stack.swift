// A Terraform root configuration: the unit `terraform init/plan/apply` runs in.

import InfraCore

/// A Terraform root: settings, providers, resources, variables, outputs and module calls,
/// synthesized into one folder of `.tf.json` files.
///
/// ```swift
/// let dev = Stack("dev", directory: "terraform/environments/dev",
///                 settings: TerraformSettings(backend: .s3(state)), tfvars: ["region": "us-east-1"]) {
///     Provider.aws(region: region.value)
///     region
///     AWSVPC("main", cidrBlock: "10.0.0.0/16")
/// }
/// ```
public struct Stack: SynthesisUnit, Hashable {
    /// The stack's name: the root of its components' paths.
    public var name: String
    /// The output folder relative to the output root.
    public var outputDirectory: String
    /// The `terraform {}` block.
    public var settings: TerraformSettings
    /// Values written to `terraform.tfvars.json`.
    public var tfvars: [String: Value]
    /// The collected blocks.
    public var elements: [StackElement]

    /// Creates a stack.
    public init(
        _ name: String, directory: String? = nil, settings: TerraformSettings = TerraformSettings(),
        tfvars: [String: Value] = [:], @StackBuilder content: () -> [any StackContent]
    ) {
        self.name = name
        self.outputDirectory = directory ?? name
        self.settings = settings
        self.tfvars = tfvars
        let root = ComponentPath(segments: [name])
        self.elements = content().flatMap { $0.stackElements(in: root) }
    }

    /// The stack's component path.
    public var componentPath: ComponentPath { ComponentPath(segments: [name]) }

    /// The local modules this stack calls, synthesized with it.
    public var dependencies: [any SynthesisUnit] { TerraformSynthesizer.localModules(in: elements) }

    /// Validates and renders the stack as `.tf.json`.
    public func synthesize() -> SynthesisResult {
        synthesize(options: SynthesisOptions())
    }

    /// Validates and renders the stack in the chosen format.
    public func synthesize(options: SynthesisOptions) -> SynthesisResult {
        TerraformSynthesizer(
            kind: .root, name: name, directory: outputDirectory, settings: settings, tfvars: tfvars,
            elements: RootRequirement.expand(elements, consumerDirectory: outputDirectory)
        ).synthesize(format: options.terraformFormat)
    }
}

/// A local Terraform module: variables in, resources, outputs out; synthesized into its
/// own folder and called from stacks with ``ModuleCall``.
///
/// ```swift
/// let vpcModule = TerraformModule("vpc", directory: "terraform/modules/vpc") {
///     cidr
///     AWSVPC("this", cidrBlock: cidr.value)
///     Output("vpc_id", AWSVPC("this", cidrBlock: cidr.value).id)
/// }
/// ```
public struct TerraformModule: SynthesisUnit, Hashable {
    /// The module's name.
    public var name: String
    /// The output folder relative to the output root.
    public var outputDirectory: String
    /// The module's `terraform {}` block (required providers, no backend).
    public var settings: TerraformSettings
    /// The collected blocks.
    public var elements: [StackElement]

    /// Creates a module.
    public init(
        _ name: String, directory: String? = nil,
        settings: TerraformSettings = TerraformSettings(requiredVersion: nil),
        @StackBuilder content: () -> [any StackContent]
    ) {
        self.name = name
        self.outputDirectory = directory ?? "modules/\(name)"
        self.settings = settings
        let root = ComponentPath(segments: ["modules", name])
        self.elements = content().flatMap { $0.stackElements(in: root) }
    }

    /// The module's component path, `modules/<name>`.
    public var componentPath: ComponentPath { ComponentPath(segments: ["modules", name]) }

    /// Local modules this module calls.
    public var dependencies: [any SynthesisUnit] { TerraformSynthesizer.localModules(in: elements) }

    /// The module's variables.
    public var variables: [VariableBlock] {
        elements.compactMap { if case .variable(let v) = $0 { v } else { nil } }
    }

    /// The module's outputs.
    public var outputs: [OutputBlock] {
        elements.compactMap { if case .output(let o) = $0 { o } else { nil } }
    }

    /// Validates and renders the module as `.tf.json`.
    public func synthesize() -> SynthesisResult {
        synthesize(options: SynthesisOptions())
    }

    /// Validates and renders the module in the chosen format.
    public func synthesize(options: SynthesisOptions) -> SynthesisResult {
        TerraformSynthesizer(
            kind: .module, name: name, directory: outputDirectory, settings: settings, tfvars: [:],
            elements: RootRequirement.expand(elements, consumerDirectory: outputDirectory)
        ).synthesize(format: options.terraformFormat)
    }
}
