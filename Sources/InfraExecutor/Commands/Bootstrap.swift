// `bootstrap`: make the Terraform state backend exist and be safe — an S3 bucket with versioning, default
// encryption and all public access blocked, and a DynamoDB lock table. Each property is checked first and only
// changed when wrong, so a second run changes nothing and says so, and a bucket missing encryption or versioning
// is repaired.

/// What a bootstrap run did.
///
/// ```swift
/// let report = try await Bootstrapper(client: client).run(bucket: "oves-tf-state", table: "oves-tf-locks")
/// print(report.changes.isEmpty ? "no changes" : report.changes.joined(separator: "\n"))
/// ```
public struct BootstrapReport: Sendable, Hashable {
    /// The bucket.
    public var bucket: String
    /// The lock table.
    public var table: String
    /// The region.
    public var region: String
    /// One line per change made, in order (empty when everything was already in place).
    public var changes: [String]
    /// One line per property that was already correct.
    public var unchanged: [String]
}

/// Creates or repairs the state bucket and lock table.
///
/// ```swift
/// let report = try await Bootstrapper(client: client).run(bucket: "b", table: "t")
/// ```
public struct Bootstrapper: Sendable {
    /// The client (its region is where the bucket and table live).
    public var client: AWSClient

    /// Creates a bootstrapper.
    public init(client: AWSClient) { self.client = client }

    /// Checks and fixes each property; `progress` receives one line per step.
    public func run(
        bucket: String, table: String, progress: @Sendable (String) -> Void = { _ in }
    ) async throws
        -> BootstrapReport
    {
        let s3 = S3Client(client: client)
        let dynamo = DynamoDBClient(client: client)
        var report = BootstrapReport(bucket: bucket, table: table, region: client.region, changes: [], unchanged: [])
        func changed(_ line: String) {
            report.changes.append(line)
            progress("changed: " + line)
        }
        func kept(_ line: String) {
            report.unchanged.append(line)
            progress("ok: " + line)
        }

        let exists: Bool
        do {
            exists = try await s3.headBucket(bucket)
        } catch let error as AWSServiceError
            where error.status == 403 && error.service == "s3"
            && error.code == "Forbidden"
        {
            throw AWSServiceError(
                code: "BucketNotOwned",
                message: "bucket \(bucket) exists but this account cannot access it (bucket names are global)",
                requestId: error.requestId, status: 403, service: "s3")
        }
        if exists {
            kept("bucket \(bucket) exists")
        } else {
            try await s3.createBucket(bucket)
            changed("created bucket \(bucket) in \(client.region)")
        }
        if try await s3.getBucketVersioning(bucket) == .enabled {
            kept("versioning enabled")
        } else {
            try await s3.putBucketVersioning(bucket, enabled: true)
            changed("enabled versioning on \(bucket)")
        }
        if let algorithm = try await s3.getBucketEncryption(bucket) {
            kept("default encryption \(algorithm)")
        } else {
            try await s3.putBucketEncryption(bucket)
            changed("enabled default encryption (AES256) on \(bucket)")
        }
        if try await s3.publicAccessFullyBlocked(bucket) {
            kept("public access blocked")
        } else {
            try await s3.putPublicAccessBlock(bucket)
            changed("blocked all public access on \(bucket)")
        }
        switch try await dynamo.describeTableStatus(table) {
        case nil:
            try await dynamo.createLockTable(table)
            try await dynamo.waitUntilActive(table)
            changed("created lock table \(table) (LockID hash key, on-demand, encrypted)")
        case "ACTIVE"?:
            kept("lock table \(table) active")
        case let status?:
            progress("waiting for lock table \(table) (\(status))")
            try await dynamo.waitUntilActive(table)
            kept("lock table \(table) active")
        }
        return report
    }
}
