// Terraform's own synthesis option: JSON or HCL native syntax. It lives with the back end that
// reads it (InfraCore's `SynthesisOptions` only carries it), and the CLI sets it for `--format`.

import InfraCore

/// How Terraform configurations are written.
///
/// ```swift
/// let review = stack.synthesize(options: SynthesisOptions(terraformFormat: .hcl))
/// ```
public enum TerraformFormat: String, SynthesisOption, CaseIterable {
    /// `*.tf.json` (the default: exact, machine-friendly).
    case json
    /// `*.tf` in HCL native syntax, `terraform fmt` style (for review).
    case hcl

    /// `.json`.
    public static var defaultValue: TerraformFormat { .json }
}

extension SynthesisOptions {
    /// The name Terraform's format is read by from the options: ``InfraTerraform/TerraformFormat``.
    public typealias TerraformFormat = InfraTerraform.TerraformFormat

    /// Options that write Terraform as `terraformFormat` and leave every other choice at its default.
    public init(terraformFormat: TerraformFormat) {
        self.init()
        self[TerraformFormat.self] = terraformFormat
    }

    /// How Terraform configurations are written (`.json` unless set).
    public var terraformFormat: TerraformFormat {
        get { self[TerraformFormat.self] }
        set { self[TerraformFormat.self] = newValue }
    }
}
