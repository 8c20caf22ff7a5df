// The `terraform {}` block: required Terraform version, required providers and backend.

import InfraCore

/// The `terraform {}` block of a root or module.
///
/// ```swift
/// TerraformSettings(requiredProviders: [.aws],
///                   backend: .s3(S3Backend(bucket: "oves-terraform-state", key: "dev/terraform.tfstate",
///                                          region: "us-east-1", dynamodbTable: "oves-terraform-locks")))
/// ```
public struct TerraformSettings: Sendable, Hashable {
    /// The Terraform version constraint.
    public var requiredVersion: String?
    /// The providers the configuration uses.
    public var requiredProviders: [RequiredProvider]
    /// Where state is kept; `nil` for local state (and for modules).
    public var backend: Backend?

    /// Creates settings.
    public init(
        requiredVersion: String? = ">= 1.5.0", requiredProviders: [RequiredProvider] = [.aws], backend: Backend? = nil
    ) {
        self.requiredVersion = requiredVersion
        self.requiredProviders = requiredProviders
        self.backend = backend
    }

    /// The block as Terraform JSON.
    public var jsonValue: Value {
        var o = ValueObject()
        if let requiredVersion { o["required_version"] = .string(requiredVersion) }
        if !requiredProviders.isEmpty {
            o["required_providers"] = .object(ValueObject(requiredProviders.map { ($0.name, $0.jsonValue) }))
        }
        if let backend { o["backend"] = [backend.type: backend.jsonValue] }
        return .object(o)
    }
}

/// A state backend.
public enum Backend: Sendable, Hashable {
    /// S3 state with DynamoDB locking.
    case s3(S3Backend)
    /// Local state at a path.
    case local(path: String)

    /// The backend type name.
    public var type: String {
        switch self {
        case .s3: "s3"
        case .local: "local"
        }
    }

    /// The backend's configuration as JSON (backend settings are literals, never templates).
    public var jsonValue: Value {
        switch self {
        case .s3(let s3): s3.jsonValue
        case .local(let path): ["path": .string(path)]
        }
    }
}

/// Settings of the `s3` backend.
public struct S3Backend: Sendable, Hashable {
    /// The state bucket.
    public var bucket: String
    /// The state object's key, e.g. `environments/dev/terraform.tfstate`.
    public var key: String
    /// The bucket's region.
    public var region: String
    /// The DynamoDB table used for locking.
    public var dynamodbTable: String?
    /// Whether state is encrypted at rest.
    public var encrypt: Bool
    /// A KMS key for state encryption.
    public var kmsKeyId: String?

    /// Creates settings; encryption is on by default.
    public init(
        bucket: String, key: String, region: String, dynamodbTable: String? = nil, encrypt: Bool = true,
        kmsKeyId: String? = nil
    ) {
        self.bucket = bucket
        self.key = key
        self.region = region
        self.dynamodbTable = dynamodbTable
        self.encrypt = encrypt
        self.kmsKeyId = kmsKeyId
    }

    var jsonValue: Value {
        var o = ValueObject()
        o["bucket"] = .string(bucket)
        o["key"] = .string(key)
        o["region"] = .string(region)
        if let dynamodbTable { o["dynamodb_table"] = .string(dynamodbTable) }
        o["encrypt"] = .bool(encrypt)
        if let kmsKeyId { o["kms_key_id"] = .string(kmsKeyId) }
        return .object(o)
    }
}
