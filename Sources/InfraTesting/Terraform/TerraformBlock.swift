// One addressable block of a Terraform JSON configuration — a resource, data source,
// module call, output or variable — as the templates list and match them.

import InfraCore

/// A block found in a Terraform JSON configuration.
///
/// ```swift
/// let bucket = template.resource("aws_s3_bucket.logs")
/// bucket?.properties["bucket"]   // "oves-logs"
/// ```
public struct TerraformBlock: Sendable, Hashable {
    /// What kind of top-level block it is.
    public enum Kind: String, Sendable, Hashable {
        /// `resource "type" "name"`.
        case resource
        /// `data "type" "name"`.
        case data
        /// `module "name"`.
        case module
        /// `output "name"`.
        case output
        /// `variable "name"`.
        case variable
    }

    /// The kind of block.
    public var kind: Kind
    /// The resource or data source type (`aws_s3_bucket`); `nil` for modules, outputs and variables.
    public var type: String?
    /// The block's name (`logs`).
    public var name: String
    /// The block's body.
    public var properties: Value
    /// Where the block was defined (`dev/network/vpc`), when the template was read from a resolved model.
    public var path: ComponentPath?
    /// The file the block is written to, when the template was read from a resolved model.
    public var file: String?

    /// Creates a block.
    public init(
        kind: Kind, type: String?, name: String, properties: Value, path: ComponentPath? = nil, file: String? = nil
    ) {
        self.kind = kind
        self.type = type
        self.name = name
        self.properties = properties
        self.path = path
        self.file = file
    }

    /// The Terraform address: `aws_s3_bucket.logs`, `data.aws_ami.ubuntu`, `module.vpc`,
    /// `output.vpc_id`, `var.region`.
    public var address: String {
        switch kind {
        case .resource: "\(type ?? "").\(name)"
        case .data: "data.\(type ?? "").\(name)"
        case .module: "module.\(name)"
        case .output: "output.\(name)"
        case .variable: "var.\(name)"
        }
    }
}
