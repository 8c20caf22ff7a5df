// Bootstrap's decisions without a network: tables being deleted, created or archived, lock tables keyed otherwise,
// buckets that belong to someone else or live in another region, names AWS would refuse, and the import lines.
// (MotoExecutorTests runs bootstrap against a local AWS endpoint, including lost responses.)

import Foundation
import InfraExecutor
import InfraExecutorTesting
import Testing

@Suite("Bootstrap decisions")
struct BootstrapTests {
    /// An S3 + DynamoDB fake: a healthy existing bucket, and DescribeTable answers taken from `tables` in turn
    /// (`nil` = ResourceNotFoundException; the last answer repeats).
    static func transport(
        head: HTTPResponse = HTTPResponse(status: 200), createBucket: HTTPResponse = HTTPResponse(status: 200),
        tables: [String?], keys: [(String, String, String)] = [("LockID", "HASH", "S")]
    ) -> InMemoryTransport {
        let describes = Counter()
        return InMemoryTransport { request in
            if let target = request.header("X-Amz-Target") {
                if target.hasSuffix("CreateTable") { return HTTPResponse(status: 200, body: Array("{}".utf8)) }
                let index = min(describes.next() - 1, tables.count - 1)
                guard let status = tables[index] else {
                    return HTTPResponse(
                        status: 400,
                        body: Array(
                            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"no\"}"
                                .utf8))
                }
                let schema = keys.map { "{\"AttributeName\":\"\($0.0)\",\"KeyType\":\"\($0.1)\"}" }
                let attributes = keys.map { "{\"AttributeName\":\"\($0.0)\",\"AttributeType\":\"\($0.2)\"}" }
                return HTTPResponse(
                    status: 200,
                    body: Array(
                        "{\"Table\":{\"TableName\":\"locks\",\"TableStatus\":\"\(status)\",\"KeySchema\":[\(schema.joined(separator: ","))],\"AttributeDefinitions\":[\(attributes.joined(separator: ","))]}}"
                            .utf8))
            }
            switch request.method {
            case "HEAD": return head
            case "PUT" where !request.url.contains("?"): return createBucket
            case "PUT": return HTTPResponse(status: 200)
            default: break
            }
            if request.url.contains("versioning") {
                return Canned.xml("<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")
            }
            if request.url.contains("encryption") {
                return Canned.xml(
                    "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>"
                )
            }
            return Canned.xml(
                "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>"
            )
        }
    }

    static func bootstrapper(_ transport: InMemoryTransport, sleeper: SleepRecorder = SleepRecorder()) -> Bootstrapper {
        Bootstrapper(
            client: AWSClient(
                transport: transport, credentials: TransportTests.credentials, region: "eu-central-1",
                environment: [:], sleep: sleeper.sleep),
            pollInterval: .seconds(5), pollAttempts: 3)
    }

    static func creates(_ transport: InMemoryTransport) -> Int {
        transport.requests.filter { $0.header("X-Amz-Target")?.hasSuffix("CreateTable") == true }.count
    }

    @Test("a table being deleted is waited out, then created again")
    func deletingTableIsWaitedOut() async throws {
        let transport = Self.transport(tables: ["DELETING", "DELETING", nil, "ACTIVE"])
        let sleeper = SleepRecorder()
        let report = try await Self.bootstrapper(transport, sleeper: sleeper).run(
            bucket: "state-bucket", table: "locks")
        #expect(sleeper.delays == [.seconds(5)], "polled until gone")
        #expect(Self.creates(transport) == 1)
        #expect(report.changes == ["created lock table locks (hash key LockID (S), on-demand, encrypted)"])
        #expect(
            report.unchanged == [
                "bucket state-bucket already exists, checked: versioning enabled, default encryption aws:kms, all public access blocked"
            ])
    }

    @Test("a table still being deleted after the polls is reported clearly, and nothing is created")
    func deletingTableReported() async throws {
        let transport = Self.transport(tables: ["DELETING"])
        do {
            _ = try await Self.bootstrapper(transport).run(bucket: "state-bucket", table: "locks")
            Issue.record("must not create while the old table is being deleted")
        } catch let error as AWSServiceError {
            #expect(error.code == "TableBeingDeleted")
            #expect(error.message.contains("run bootstrap again"))
        }
        #expect(Self.creates(transport) == 0)
    }

    @Test("a table being created is waited for and then checked")
    func creatingTableIsWaitedFor() async throws {
        let transport = Self.transport(tables: ["CREATING", "CREATING", "ACTIVE"])
        let sleeper = SleepRecorder()
        let report = try await Self.bootstrapper(transport, sleeper: sleeper).run(
            bucket: "state-bucket", table: "locks")
        #expect(report.changes.isEmpty)
        #expect(
            report.unchanged.last
                == "lock table locks already exists, checked: hash key LockID (S), no sort key, ACTIVE")
        #expect(sleeper.delays.count == 1)
    }

    @Test("an archived table is an error, not a change")
    func archivedTable() async throws {
        await #expect(throws: AWSServiceError.self) {
            _ = try await Self.bootstrapper(Self.transport(tables: ["ARCHIVED"])).run(
                bucket: "state-bucket", table: "locks")
        }
    }

    static let wrongKeys: [[(String, String, String)]] = [
        [("LockID", "HASH", "N")], [("id", "HASH", "S")], [("LockID", "HASH", "S"), ("Created", "RANGE", "N")],
    ]

    @Test("a lock table keyed otherwise than LockID (string), alone, is an error naming the problem", arguments: 0..<3)
    func wrongSchema(index: Int) async throws {
        let transport = Self.transport(tables: ["ACTIVE"], keys: Self.wrongKeys[index])
        do {
            _ = try await Self.bootstrapper(transport).run(bucket: "state-bucket", table: "locks")
            Issue.record("must be refused")
        } catch let error as AWSServiceError {
            #expect(error.code == "LockTableSchemaMismatch")
            #expect(error.message.contains("hash key LockID of type S (string) and no sort key"))
        }
        #expect(Self.creates(transport) == 0)
    }

    @Test("a bucket of another account, in another region, or a taken name is an error before anything is changed")
    func bucketRefusals() async throws {
        let cases: [(HTTPResponse, HTTPResponse, String)] = [
            (HTTPResponse(status: 403), HTTPResponse(status: 200), "BucketNotOwned"),
            (
                HTTPResponse(status: 301, headers: [("x-amz-bucket-region", "us-west-2")]), HTTPResponse(status: 200),
                "BucketInOtherRegion"
            ),
            (
                HTTPResponse(status: 404),
                Canned.xml("<Error><Code>BucketAlreadyExists</Code><Message>taken</Message></Error>", status: 409),
                "BucketAlreadyExists"
            ),
        ]
        for (head, create, code) in cases {
            let transport = Self.transport(head: head, createBucket: create, tables: ["ACTIVE"])
            do {
                _ = try await Self.bootstrapper(transport).run(bucket: "state-bucket", table: "locks")
                Issue.record("\(code) expected")
            } catch let error as AWSServiceError {
                #expect(error.code == code)
                if code == "BucketInOtherRegion" { #expect(error.message.contains("--region us-west-2")) }
            }
            #expect(!transport.requests.contains { $0.url.contains("?versioning") && $0.method == "PUT" })
        }
    }

    @Test("BucketAlreadyOwnedByYou from CreateBucket is success")
    func alreadyOwnedIsSuccess() async throws {
        let transport = Self.transport(
            head: HTTPResponse(status: 404),
            createBucket: Canned.xml(
                "<Error><Code>BucketAlreadyOwnedByYou</Code><Message>yours</Message></Error>", status: 409),
            tables: ["ACTIVE"])
        let report = try await Self.bootstrapper(transport).run(bucket: "state-bucket", table: "locks")
        #expect(
            report.changes.first?.hasPrefix(
                "created bucket state-bucket in eu-central-1 (CreateBucket answered BucketAlreadyOwnedByYou") == true)
    }

    @Test(
        "names AWS would refuse are refused before any request",
        arguments: [
            ("Bad_Bucket", "locks"), ("ab", "locks"), ("a..b", "locks"), ("192.168.1.1", "locks"), ("-state", "locks"),
            ("state-bucket", "t"), ("state-bucket", "bad table"),
        ])
    func invalidNames(bucket: String, table: String) async throws {
        let transport = Self.transport(tables: ["ACTIVE"])
        await #expect(throws: ConfigurationError.self) {
            _ = try await Self.bootstrapper(transport).run(bucket: bucket, table: table)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("the import lines use StateBackend's resource names")
    func importLines() async throws {
        let report = try await Self.bootstrapper(Self.transport(tables: ["ACTIVE"])).run(
            bucket: "state-bucket", table: "locks", name: "team-state")
        #expect(
            report.imports.map(\.description) == [
                "import aws_s3_bucket.team_state state-bucket",
                "import aws_s3_bucket_versioning.team_state state-bucket",
                "import aws_s3_bucket_server_side_encryption_configuration.team_state state-bucket",
                "import aws_s3_bucket_public_access_block.team_state state-bucket",
                "import aws_dynamodb_table.team_state_locks locks",
            ])
        #expect(
            report.imports.map(\.swift) == [
                #"Import(AWSS3Bucket.self, named: "team_state", id: "state-bucket")"#,
                #"Import(AWSS3BucketVersioning.self, named: "team_state", id: "state-bucket")"#,
                #"Import(AWSS3BucketServerSideEncryptionConfiguration.self, named: "team_state", id: "state-bucket")"#,
                #"Import(AWSS3BucketPublicAccessBlock.self, named: "team_state", id: "state-bucket")"#,
                #"Import(AWSDynamoDBTable.self, named: "team_state_locks", id: "locks")"#,
            ])
        #expect(report.imports.first?.hcl == "import {\n  to = aws_s3_bucket.team_state\n  id = \"state-bucket\"\n}")
        #expect(
            BootstrapImport(address: "aws_s3_bucket.x", id: #"a"b"#).swift
                == #"Import(to: .resource(type: "aws_s3_bucket", name: "x"), id: "a\"b")"#)
    }
}
