// `bootstrap`: make the Terraform state backend exist and be safe — an S3 bucket with versioning, default
// encryption and all public access blocked, and a DynamoDB lock table whose hash key is `LockID` (a string).
// Idempotent under retries and partial failure:
//   - a CreateBucket answered `BucketAlreadyOwnedByYou`, or a CreateTable answered `ResourceInUseException`, means an
//     earlier attempt (a retried call whose answer was lost, or an earlier run) already created it: success;
//   - an existing bucket is checked and repaired property by property; an existing table is checked (hash key LockID
//     of type S, no sort key — anything else is an error, never changed), waited for while CREATING/UPDATING, and
//     waited out while DELETING (then created again);
//   - a bucket in another region, or owned by another account, is a clear error.
// The report names what changed, what was already there ("already exists, checked: …"), and the Terraform addresses
// and ids that `import` blocks need to adopt what exists (`BootstrapImport`, printed as `import <address> <id>`).

/// One Terraform resource bootstrap created or checked, for an `import` block.
///
/// ```swift
/// let bucket = BootstrapImport(address: "aws_s3_bucket.state", id: "oves-terraform-state", swiftType: "AWSS3Bucket")
/// bucket.swift   // Import(AWSS3Bucket.self, named: "state", id: "oves-terraform-state")
/// bucket.hcl     // import { to = aws_s3_bucket.state … }
/// ```
public struct BootstrapImport: Sendable, Hashable, CustomStringConvertible {
    /// The resource address (`aws_s3_bucket.state`).
    public var address: String
    /// The import id (`oves-terraform-state`).
    public var id: String
    /// The generated InfraAWS type of the resource (`AWSS3Bucket`), for the Swift form.
    public var swiftType: String?

    /// Creates an import target.
    public init(address: String, id: String, swiftType: String? = nil) {
        self.address = address
        self.id = id
        self.swiftType = swiftType
    }

    /// `import <address> <id>` — the stable line bootstrap prints.
    public var description: String { "import \(address) \(id)" }

    /// The resource's local name (`state` of `aws_s3_bucket.state`).
    public var name: String { address.split(separator: ".").last.map(String.init) ?? address }

    /// The typed InfraTerraform block that adopts the object, to paste into the root that declares
    /// the resource: `Import(AWSS3Bucket.self, named: "state", id: "oves-terraform-state")`.
    public var swift: String {
        let id = Self.quoted(id)
        guard let swiftType else {
            let type = address.split(separator: ".").first.map(String.init) ?? address
            return "Import(to: .resource(type: \(Self.quoted(type)), name: \(Self.quoted(name))), id: \(id))"
        }
        return "Import(\(swiftType).self, named: \(Self.quoted(name)), id: \(id))"
    }

    /// The same block in HCL: `import { to = aws_s3_bucket.state; id = "oves-terraform-state" }` on four lines.
    public var hcl: String { "import {\n  to = \(address)\n  id = \(Self.quoted(id))\n}" }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}

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
    /// One line per resource that already existed and was checked (`… already exists, checked: …`).
    public var unchanged: [String]
    /// The Terraform addresses and ids of what bootstrap manages, in a fixed order: bucket, versioning, encryption,
    /// public access block, lock table.
    public var imports: [BootstrapImport]
}

/// Creates or repairs the state bucket and lock table.
///
/// ```swift
/// let report = try await Bootstrapper(client: client).run(bucket: "b", table: "t")
/// ```
public struct Bootstrapper: Sendable {
    /// The client (its region is where the bucket and table live).
    public var client: AWSClient
    /// How often to poll a table that is being created, updated or deleted.
    public var pollInterval: Duration
    /// How many polls before giving up (with the default interval: 5 minutes).
    public var pollAttempts: Int

    /// Creates a bootstrapper.
    public init(client: AWSClient, pollInterval: Duration = .seconds(5), pollAttempts: Int = 60) {
        self.client = client
        self.pollInterval = pollInterval
        self.pollAttempts = pollAttempts
    }

    /// Checks and fixes each property; `progress` receives one line per step. `name` is the `StateBackend` construct
    /// name whose Terraform addresses the imports use (`aws_s3_bucket.<name>`, `aws_dynamodb_table.<name>_locks`).
    public func run(
        bucket: String, table: String, name: String = "state", progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> BootstrapReport {
        try Self.validate(bucket: bucket, table: table)
        var report = BootstrapReport(
            bucket: bucket, table: table, region: client.region, changes: [], unchanged: [],
            imports: Self.imports(bucket: bucket, table: table, name: name))
        try await ensureBucket(bucket, into: &report, progress: progress)
        try await ensureTable(table, into: &report, progress: progress)
        return report
    }

    private func ensureBucket(
        _ bucket: String, into report: inout BootstrapReport, progress: @Sendable (String) -> Void
    ) async throws {
        let s3 = S3Client(client: client)
        var changes = [String]()
        var checks = [String]()
        switch try await s3.bucketStatus(bucket) {
        case .accessible:
            break
        case .forbidden:
            throw AWSServiceError(
                code: "BucketNotOwned",
                message: "bucket \(bucket) exists but these credentials cannot use it (bucket names are global; "
                    + "it probably belongs to another account): choose another name",
                requestId: nil, status: 403, service: "s3")
        case .inOtherRegion(let region):
            throw AWSServiceError(
                code: "BucketInOtherRegion",
                message:
                    "bucket \(bucket) exists in \(region), not \(client.region); run bootstrap with --region \(region)",
                requestId: nil, status: 301, service: "s3", bucketRegion: region)
        case .missing:
            do {
                try await s3.createBucket(bucket)
                changes.append("created bucket \(bucket) in \(client.region)")
            } catch let error as AWSServiceError where error.code == "BucketAlreadyOwnedByYou" {
                changes.append(
                    "created bucket \(bucket) in \(client.region) (CreateBucket answered BucketAlreadyOwnedByYou: an "
                        + "earlier attempt had created it)")
            } catch let error as AWSServiceError where error.code == "BucketAlreadyExists" {
                throw AWSServiceError(
                    code: error.code, message: "bucket name \(bucket) is taken by another account; choose another name",
                    requestId: error.requestId, status: error.status, service: "s3")
            }
        }
        let status = try await s3.getBucketVersioning(bucket)
        if status == .enabled {
            checks.append("versioning enabled")
        } else {
            try await s3.putBucketVersioning(bucket, enabled: true)
            changes.append(
                "enabled versioning on \(bucket)" + (status == .suspended ? " (it was suspended)" : ""))
        }
        if let algorithm = try await s3.getBucketEncryption(bucket) {
            checks.append("default encryption \(algorithm)")
        } else {
            try await s3.putBucketEncryption(bucket)
            changes.append("enabled default encryption (AES256) on \(bucket)")
        }
        if try await s3.publicAccessFullyBlocked(bucket) {
            checks.append("all public access blocked")
        } else {
            try await s3.putPublicAccessBlock(bucket)
            changes.append("blocked all public access on \(bucket)")
        }
        for line in changes { progress("changed: " + line) }
        report.changes += changes
        if !changes.contains(where: { $0.hasPrefix("created bucket") }) {
            let line =
                "bucket \(bucket) already exists, checked"
                + (checks.isEmpty ? "" : ": " + checks.joined(separator: ", "))
            progress("ok: " + line)
            report.unchanged.append(line)
        }
    }

    private func ensureTable(
        _ table: String, into report: inout BootstrapReport, progress: @Sendable (String) -> Void
    ) async throws {
        let dynamo = DynamoDBClient(client: client)
        var existing = try await dynamo.describeTable(table)
        if let current = existing, current.status == "DELETING" {
            progress("waiting for lock table \(table) to finish being deleted")
            guard try await dynamo.waitUntilGone(table, interval: pollInterval, attempts: pollAttempts) else {
                throw AWSServiceError(
                    code: "TableBeingDeleted",
                    message: "lock table \(table) is still being deleted; run bootstrap again once it is gone",
                    requestId: nil, status: 0, service: "dynamodb")
            }
            existing = nil
        }
        guard var current = existing else {
            var line = "created lock table \(table) (hash key LockID (S), on-demand, encrypted)"
            do {
                try await dynamo.createLockTable(table)
            } catch let error as AWSServiceError where error.code == "ResourceInUseException" {
                line += " (CreateTable answered ResourceInUseException: an earlier attempt had created it)"
            }
            let created = try await dynamo.waitUntilActive(table, interval: pollInterval, attempts: pollAttempts)
            try Self.checkLockSchema(created)
            progress("changed: " + line)
            report.changes.append(line)
            return
        }
        switch current.status {
        case "ACTIVE":
            break
        case "CREATING", "UPDATING":
            progress("waiting for lock table \(table) (\(current.status))")
            current = try await dynamo.waitUntilActive(table, interval: pollInterval, attempts: pollAttempts)
        default:
            throw AWSServiceError(
                code: "TableNotUsable",
                message: "lock table \(table) is \(current.status); Terraform cannot lock with it until it is ACTIVE",
                requestId: nil, status: 0, service: "dynamodb")
        }
        try Self.checkLockSchema(current)
        let line = "lock table \(table) already exists, checked: hash key LockID (S), no sort key, ACTIVE"
        progress("ok: " + line)
        report.unchanged.append(line)
    }

    /// Terraform's S3 backend writes items keyed by a string `LockID` and nothing else.
    static func checkLockSchema(_ table: DynamoDBTable) throws {
        var problems = [String]()
        if let hashKey = table.hashKey {
            if hashKey.name != "LockID" { problems.append("its hash key is \(hashKey.name)") }
            if hashKey.type != "S" { problems.append("its hash key is of type \(hashKey.type ?? "unknown")") }
        } else {
            problems.append("it has no hash key")
        }
        if let range = table.rangeKey { problems.append("it has a sort key (\(range))") }
        guard problems.isEmpty else {
            throw AWSServiceError(
                code: "LockTableSchemaMismatch",
                message: "lock table \(table.name) cannot hold Terraform's locks: " + problems.joined(separator: ", ")
                    + "; Terraform's S3 backend needs hash key LockID of type S (string) and no sort key. Use another "
                    + "table name (bootstrap never changes an existing table's keys)",
                requestId: nil, status: 0, service: "dynamodb")
        }
    }

    /// The import targets, named as `StateBackend(name, …)` names its resources.
    static func imports(bucket: String, table: String, name: String) -> [BootstrapImport] {
        let local = terraformName(name)
        return [
            BootstrapImport(address: "aws_s3_bucket.\(local)", id: bucket, swiftType: "AWSS3Bucket"),
            BootstrapImport(
                address: "aws_s3_bucket_versioning.\(local)", id: bucket, swiftType: "AWSS3BucketVersioning"),
            BootstrapImport(
                address: "aws_s3_bucket_server_side_encryption_configuration.\(local)", id: bucket,
                swiftType: "AWSS3BucketServerSideEncryptionConfiguration"),
            BootstrapImport(
                address: "aws_s3_bucket_public_access_block.\(local)", id: bucket,
                swiftType: "AWSS3BucketPublicAccessBlock"),
            BootstrapImport(address: "aws_dynamodb_table.\(local)_locks", id: table, swiftType: "AWSDynamoDBTable"),
        ]
    }

    /// A construct name as a Terraform local name: characters other than letters, digits and `_` become `_`, and a
    /// leading digit gets a `_` (the rule of InfraAWS's `ConstructNaming.local`, which `StateBackend` uses).
    static func terraformName(_ name: String) -> String {
        var result = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
        if let first = result.first, !(first.isLetter || first == "_") { result = "_" + result }
        return result.isEmpty ? "_" : result
    }

    /// Bucket and table names that AWS would refuse are refused before any request.
    static func validate(bucket: String, table: String) throws {
        var problems = [String]()
        let bucketBytes = Array(bucket.utf8)
        let bucketCharacters = bucketBytes.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D
        }
        if !(3...63).contains(bucketBytes.count) || !bucketCharacters || bucket.hasPrefix(".") || bucket.hasPrefix("-")
            || bucket.hasSuffix(".") || bucket.hasSuffix("-") || bucket.contains("..")
            || IPAddress.parseIPv4(bucket) != nil
        {
            problems.append(
                "bucket name \"\(bucket.debugSafe)\" is not a valid S3 bucket name (3–63 lower-case letters, digits, "
                    + "`.` and `-`, starting and ending with a letter or digit)")
        }
        let tableBytes = Array(table.utf8)
        let tableCharacters = tableBytes.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E
                || $0 == 0x2D || $0 == 0x5F
        }
        if !(3...255).contains(tableBytes.count) || !tableCharacters {
            problems.append(
                "table name \"\(table.debugSafe)\" is not a valid DynamoDB table name (3–255 letters, digits, `_`, `-`, `.`)"
            )
        }
        guard problems.isEmpty else { throw ConfigurationError(problems.joined(separator: "; ")) }
    }
}
