// `StateBackend`: where Terraform keeps state — a secure, versioned, never-destroyed S3
// bucket plus an encrypted DynamoDB lock table — and the matching `backend "s3"` settings
// for each environment (one state key per environment).

import InfraCore
import InfraTerraform

/// The Terraform state bucket and lock table, and the backend settings that use them.
///
/// ```swift
/// let state = StateBackend("state", bucketName: "oves-terraform-state", lockTable: "oves-terraform-locks",
///                          region: "us-east-1", logBucket: "oves-logs-prod")
/// Stack("dev", settings: TerraformSettings(backend: state.backend(key: "environments/dev/terraform.tfstate"))) { … }
/// ```
public struct StateBackend: StackContent {
    /// The construct's name.
    public var name: String
    /// The state bucket's name.
    public var bucketName: String
    /// The DynamoDB lock table's name.
    public var lockTable: String
    /// The region of bucket and table.
    public var region: String
    /// Where the state bucket's access logs go.
    public var logBucket: String
    /// Tags.
    public var tags: [String: String]

    /// Creates the backend.
    public init(
        _ name: String, bucketName: String, lockTable: String, region: String, logBucket: String,
        tags: [String: String] = [:]
    ) {
        self.name = name
        self.bucketName = bucketName
        self.lockTable = lockTable
        self.region = region
        self.logBucket = logBucket
        self.tags = tags
    }

    /// The encrypted `backend "s3"` settings for one state key.
    public func backend(key: String) -> Backend {
        .s3(S3Backend(bucket: bucketName, key: key, region: region, dynamodbTable: lockTable, encrypt: true))
    }

    /// The bucket (kept forever, old state versions for a year) and the lock table.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        var elements: [StackElement] = []
        if lockTable.count < 3 || lockTable.count > 255
            || !lockTable.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
        {
            elements.append(
                .diagnostic(.error(path, "lock table name \"\(lockTable)\" is not a valid DynamoDB table name")))
        }
        let bucket = SecureBucket(
            name, bucketName: bucketName, logBucket: logBucket,
            lifecycle: .init(noncurrentVersionExpirationDays: 365), tags: tags)
        elements += bucket.stackElements(in: parent).map { element in
            guard case .resource(var block) = element, block.type == AWSS3Bucket.terraformType,
                block.name == ConstructNaming.local(name)
            else { return element }
            block.meta.lifecycle = Lifecycle(preventDestroy: true)
            return .resource(block)
        }
        let n = ConstructNaming.local(name)
        let table = AWSDynamoDBTable(
            "\(n)_locks", name: Expr(.string(lockTable)), attribute: [.init(name: "LockID", type: "S")],
            billingMode: "PAY_PER_REQUEST", deletionProtectionEnabled: true, hashKey: "LockID",
            pointInTimeRecovery: .init(enabled: true), serverSideEncryption: .init(enabled: true),
            tags: Expr(ConstructLiterals.map(tags))
        ).lifecycle(Lifecycle(preventDestroy: true))
        elements += table.stackElements(in: path)
        return elements
    }
}
