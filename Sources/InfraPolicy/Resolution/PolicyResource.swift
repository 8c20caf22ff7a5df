// A Terraform resource or data source as the rules see it: its address, body, file and the
// root module (folder) in which its references are resolved.

import InfraCore

/// A resource or data source in a Terraform root module.
public struct PolicyResource: Sendable, Hashable {
    /// `aws_s3_bucket.logs`, or `data.aws_iam_policy_document.tls` for data sources.
    public var address: String
    /// The type (`aws_s3_bucket`).
    public var type: String
    /// The name (`logs`).
    public var name: String
    /// The block body.
    public var properties: Value
    /// The file it is declared in.
    public var file: String
    /// The folder of the file: the root module in which references resolve.
    public var module: String
    /// Whether it is a data source.
    public var isData: Bool
    /// Where it was defined (`shared/logs/bucket`), when it comes from a resolved model.
    public var path: ComponentPath?
    /// For each top-level attribute, the addresses its strings refer to
    /// (`"bucket": "${aws_s3_bucket.logs.id}"` → `["bucket": ["aws_s3_bucket.logs"]]`).
    public var references: [String: Set<String>]

    /// Creates a resource.
    public init(
        type: String, name: String, properties: Value, file: String, module: String, isData: Bool = false,
        path: ComponentPath? = nil
    ) {
        self.type = type
        self.name = name
        self.properties = properties
        self.file = file
        self.module = module
        self.isData = isData
        self.path = path
        address = (isData ? "data." : "") + "\(type).\(name)"
        var references: [String: Set<String>] = [:]
        for (key, value) in properties.objectValue ?? ValueObject() {
            let found = TerraformValue.strings(in: value).reduce(into: Set<String>()) {
                $0.formUnion(TerraformValue.referencedAddresses(in: $1))
            }
            if !found.isEmpty { references[key] = found }
        }
        self.references = references
    }

    /// A violation of this resource with `message`.
    public func violation(_ message: String) -> PolicyViolation {
        PolicyViolation(resource: address, file: file, message: message, path: path)
    }

    /// The attribute `key` of the body.
    public subscript(key: String) -> Value? { properties[key] }
}
