// Offline tests of the command logic: EKS ExecCredential, kubeconfig merge and YAML reading, drift expectations,
// and a secret scan with session-token credentials through the in-memory transport.

import Foundation
import InfraCore
import InfraExecutor
import InfraExecutorTesting
import Testing

@Suite("Command logic")
struct CommandLogicTests {
    static let secret = "TOPSECRET/key+value0123456789abcdefghijklm"
    static let token = "SESSIONTOKEN//AQoDYXdzEJr+long+token=="

    func session(_ transport: InMemoryTransport, logs: LogCapture) throws -> ExecutorSession {
        try ExecutorSession(
            environment: [
                "AWS_ACCESS_KEY_ID": "ASIATESTKEY", "AWS_SECRET_ACCESS_KEY": Self.secret,
                "AWS_SESSION_TOKEN": Self.token, "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
            ], transport: transport, logger: logs.logger())
    }

    @Test("eks-token prints an ExecCredential with a k8s-aws-v1 token")
    func execCredential() async throws {
        let logs = LogCapture()
        let output = try await ExecutorCommands.eksToken(
            session(InMemoryTransport { _ in HTTPResponse(status: 500) }, logs: logs), cluster: "oves-prod")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "ExecCredential")
        #expect(object["apiVersion"] as? String == "client.authentication.k8s.io/v1beta1")
        let status = try #require(object["status"] as? [String: Any])
        #expect((status["token"] as? String)?.hasPrefix("k8s-aws-v1.") == true)
        #expect((status["expirationTimestamp"] as? String)?.hasSuffix("Z") == true)
    }

    @Test("no output or log line contains the secret key or the session token")
    func secretScanWithSessionToken() async throws {
        let logs = LogCapture()
        let transport = InMemoryTransport { request in
            if request.url.contains("sts.") { return Canned.callerIdentity() }
            return Canned.xml(
                "<Error><Code>AccessDenied</Code><Message>denied</Message></Error>", status: 403)
        }
        let session = try session(transport, logs: logs)
        var outputs = [try await ExecutorCommands.whoami(session)]
        outputs.append(try await ExecutorCommands.eksToken(session, cluster: "c"))
        do {
            _ = try await ExecutorCommands.bootstrap(session, bucket: "b", table: "t")
        } catch {
            outputs.append("\(error)")
        }
        outputs.append("\(try await session.credentials.credentials())")
        let everything = (outputs + logs.lines).joined(separator: "\n")
        #expect(!logs.lines.isEmpty)
        #expect(!everything.contains(Self.secret))
        #expect(!everything.contains(Self.token))
        #expect(transport.requests.allSatisfy { $0.header("X-Amz-Security-Token") == Self.token })
    }

    static let existingKubeconfig = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: AAAA
            server: https://old.example.com
          name: kind-dev
        contexts:
        - context:
            cluster: kind-dev
            user: kind-dev
          name: kind-dev
        current-context: kind-dev
        kind: Config
        preferences: {}
        users:
        - name: kind-dev
          user:
            token: "abc # not a comment"
        """

    @Test("kubeconfig merge keeps other entries and points the context at the new cluster")
    func kubeconfigMerge() throws {
        let existing = try KubeconfigYAMLReader.parse(Self.existingKubeconfig)
        #expect(existing["users"]?.arrayValue?.first?["user"]?["token"]?.stringValue == "abc # not a comment")
        let cluster = EKSCluster(
            name: "oves-prod", arn: "arn:aws:eks:us-east-1:123456789012:cluster/oves-prod",
            endpoint: "https://ABC.gr7.us-east-1.eks.amazonaws.com", certificateAuthorityData: "Q0E=",
            status: "ACTIVE", version: "1.30")
        let merged = Kubeconfig.merge(
            existing: existing, cluster: cluster, region: "us-east-1", profile: "prod", command: "infra-manifest")
        #expect(merged["current-context"]?.stringValue == cluster.arn)
        let args = merged["users"]?.arrayValue?.last?["user"]?["exec"]?["args"]?.arrayValue ?? []
        #expect(merged["clusters"]?.arrayValue?.count == 2)
        let user = try #require(merged["users"]?.arrayValue?.last)
        #expect(user["user"]?["exec"]?["command"]?.stringValue == "infra-manifest")
        #expect(
            args.compactMap { $0.stringValue }
                == ["eks-token", "--cluster", "oves-prod", "--region", "us-east-1", "--profile", "prod"])
        // Written YAML reads back, and merging again replaces instead of duplicating.
        let text = YAMLWriter().string(merged)
        let reread = try KubeconfigYAMLReader.parse(text)
        #expect(reread == merged)
        let again = Kubeconfig.merge(
            existing: reread, cluster: cluster, region: "us-east-1", profile: "prod", command: "infra-manifest")
        #expect(again["clusters"]?.arrayValue?.count == 2)
        #expect(again["users"]?.arrayValue?.count == 2)
    }

    @Test("unsupported YAML in a kubeconfig is a clear error")
    func unsupportedYAML() {
        #expect(throws: KubeconfigReadError.self) {
            _ = try KubeconfigYAMLReader.parse("users:\n- name: x\n  user:\n    token: |\n      abc\n")
        }
    }

    @Test("drift reads buckets, versioning and VPCs from the resolved Terraform blocks, per provider region")
    func driftExpectations() async throws {
        let main: Value = [
            "provider": ["aws": [["region": "us-east-1"], ["alias": "eu", "region": "eu-central-1"]]],
            "resource": [
                "aws_s3_bucket": ["state": ["bucket": "oves-state", "tags": ["env": "prod", "id": "${var.x}"]]],
                "aws_s3_bucket_versioning": [
                    "state": ["bucket": "${aws_s3_bucket.state.id}", "versioning_configuration": ["status": "Enabled"]]
                ],
                "aws_vpc": ["db": ["provider": "aws.eu", "cidr_block": "10.2.0.0/16", "tags": ["Name": "oves-db"]]],
            ],
        ]
        let model = TerraformFixtureNode.model(file: "prod/main.tf.json", main)
        let transport = InMemoryTransport { request in
            if request.url.contains("ec2.eu-central-1") {
                return Canned.xml(
                    "<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-1</vpcId><cidrBlock>10.9.0.0/16</cidrBlock><tagSet><item><key>Name</key><value>oves-db</value></item></tagSet></item></vpcSet></DescribeVpcsResponse>"
                )
            }
            if request.url.contains("versioning") { return Canned.xml("<VersioningConfiguration/>") }
            if request.url.contains("tagging") {
                return Canned.xml("<Tagging><TagSet><Tag><Key>env</Key><Value>dev</Value></Tag></TagSet></Tagging>")
            }
            return HTTPResponse(status: 200)
        }
        let client = AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "us-east-1", environment: [:])
        let findings = try await DriftDetector(client: client).findings(model: model)
        #expect(findings.map(\.kind) == [.versioningNotEnabled, .tagMismatch, .cidrMismatch])
        #expect(findings[1].message.contains("tag env is \"dev\", expected \"prod\""))
        #expect(transport.requests.contains { $0.url.hasPrefix("https://oves-state.s3.us-east-1.amazonaws.com/") })
    }
}
