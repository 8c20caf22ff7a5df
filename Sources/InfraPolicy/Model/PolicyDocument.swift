// What the policy engine reads: synthesized documents with the file they will be written to,
// so findings can name a file as well as a resource.

import InfraCore

/// One synthesized document to check: a Terraform JSON file or one Kubernetes object.
///
/// ```swift
/// PolicyDocument.terraform(file: "terraform/shared/main.tf.json", json)
/// PolicyDocument.kubernetes(file: "kubernetes/prod/api.yaml", deployment)
/// ```
public struct PolicyDocument: Sendable, Hashable {
    /// Which language the document is in.
    public enum Format: String, Sendable, Hashable, Codable {
        /// Terraform JSON syntax (`{"resource": {...}}`).
        case terraform
        /// One Kubernetes object (`apiVersion`, `kind`, `metadata`, …).
        case kubernetes
    }

    /// The language of ``value``.
    public var format: Format
    /// The output path the document belongs to (`terraform/environments/dev/main.tf.json`).
    public var file: String
    /// The document.
    public var value: Value

    /// Creates a document.
    public init(format: Format, file: String, value: Value) {
        self.format = format
        self.file = file
        self.value = value
    }

    /// A Terraform JSON document. Files in the same folder form one root module, and
    /// relationships (a bucket and its `aws_s3_bucket_versioning`) are resolved inside it.
    public static func terraform(file: String, _ value: Value) -> PolicyDocument {
        PolicyDocument(format: .terraform, file: file, value: value)
    }

    /// A Kubernetes object.
    public static func kubernetes(file: String, _ value: Value) -> PolicyDocument {
        PolicyDocument(format: .kubernetes, file: file, value: value)
    }

    /// The folder of ``file`` (the Terraform root module it belongs to).
    var folder: String {
        file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    }
}
