// The container credential provider sends its authorization token only where the AWS SDKs allow: any host over
// https; over plain http only loopback, 169.254.170.2, 169.254.170.23 and fd00:ec2::23 (a host name only when every
// address it resolves to is one of those, and then the request goes to that address). Everything else fails before
// any request; a redirect is never followed, so the token cannot be walked to another host.

import Foundation
import InfraExecutor
import InfraExecutorTesting
import InfraTestSupport
import Testing

// The time limit guards against a hang, not a speed: other suites' external programs (terraform,
// swift build) can hold the cooperative pool's two threads here for minutes.
@Suite("Container credentials", .timeLimit(.minutes(10)))
struct ContainerCredentialTests {
    static let token = "Bearer SECRET-CONTAINER-TOKEN-42"
    static let body =
        "{\"AccessKeyId\":\"ASIACONT\",\"SecretAccessKey\":\"c\",\"Token\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}"

    static func context(_ environment: [String: String], transport: any HTTPTransport) -> CredentialContext {
        CredentialContext(environment: environment, transport: transport)
    }

    /// A resolver that knows a few names (no DNS in tests).
    static let names: @Sendable (String) async throws -> [String] = { host in
        switch host {
        case "localhost": return ["::1", "127.0.0.1"]
        case "creds.internal": return ["127.0.0.7"]
        case "example.com": return ["93.184.216.34"]
        case "rebind.example": return ["127.0.0.1", "10.0.0.1"]
        default: throw CredentialError("unknown host \(host)")
        }
    }

    static let allowed: [(String, String, String)] = [
        ("http://127.0.0.1:8080/creds", "http://127.0.0.1:8080/creds", "127.0.0.1:8080"),
        ("http://127.1.2.3/creds", "http://127.1.2.3/creds", "127.1.2.3"),
        ("http://[::1]:9911/v1", "http://[::1]:9911/v1", "[::1]:9911"),
        ("http://169.254.170.2/v2/credentials/x", "http://169.254.170.2/v2/credentials/x", "169.254.170.2"),
        ("http://169.254.170.23/v1/credentials", "http://169.254.170.23/v1/credentials", "169.254.170.23"),
        ("http://[fd00:ec2::23]/v1/credentials", "http://[fd00:ec2::23]/v1/credentials", "[fd00:ec2::23]"),
        ("https://creds.example.com/get?role=a", "https://creds.example.com/get?role=a", "creds.example.com"),
        ("http://localhost:1234/creds", "http://127.0.0.1:1234/creds", "localhost:1234"),
        ("http://creds.internal/creds", "http://127.0.0.7/creds", "creds.internal"),
    ]

    @Test("allowed full URIs get the request, with the token, at the checked address", arguments: allowed)
    func allowedHosts(uri: String, sentTo url: String, host: String) async throws {
        let transport = InMemoryTransport { _ in Canned.xml(Self.body) }
        let provider = ContainerCredentialProvider(resolveHost: Self.names)
        let credentials = try await provider.resolve(
            Self.context(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": Self.token],
                transport: transport))
        #expect(credentials?.accessKeyId == "ASIACONT")
        let request = try #require(transport.requests.first)
        #expect(request.url == url)
        #expect(request.header("Host") == host)
        #expect(request.header("Authorization") == Self.token)
    }

    static let refused = [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/role", "http://10.0.0.5/creds",
        "http://192.168.1.10:8080/creds", "http://example.com/creds", "http://rebind.example/creds",
        "http://[::ffff:127.0.0.1]/creds", "http://169.254.170.3/creds", "http://[fd00:ec2::24]/creds",
        "http://unknown.invalid/creds", "ftp://127.0.0.1/creds", "http://user@127.0.0.1/creds", "127.0.0.1/creds",
        "http://127.0.0.1:70000/creds",
    ]

    @Test("any other full URI is an error before any request, and the error never shows the token", arguments: refused)
    func refusedHosts(uri: String) async throws {
        let transport = InMemoryTransport { _ in Canned.xml(Self.body) }
        let provider = ContainerCredentialProvider(resolveHost: Self.names)
        do {
            _ = try await provider.resolve(
                Self.context(
                    ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": Self.token],
                    transport: transport))
            Issue.record("\(uri) must be refused")
        } catch let error as CredentialError {
            #expect(!error.message.contains("SECRET-CONTAINER-TOKEN"))
        }
        #expect(transport.requests.isEmpty, "the token is never sent")
    }

    @Test(
        "a relative URI can only add a path to 169.254.170.2",
        arguments: ["@evil.example/x", "evil.example/x", ":8080/x"])
    func relativeURIIsAPath(relative: String) async {
        let transport = InMemoryTransport { _ in Canned.xml(Self.body) }
        await #expect(throws: CredentialError.self) {
            _ = try await ContainerCredentialProvider().resolve(
                Self.context(
                    [
                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": relative,
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN": Self.token,
                    ],
                    transport: transport))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("the token file wins over the variable, is re-read, and a token with a line break is refused")
    func tokenFile() async throws {
        let directory = try ExternalTools.temporaryDirectory("infra-exec")
        let file = directory.appendingPathComponent("token")
        try Data("from-file\n".utf8).write(to: file)
        let transport = InMemoryTransport { _ in Canned.xml(Self.body) }
        let environment = [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": file.path, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "from-variable",
        ]
        _ = try await ContainerCredentialProvider().resolve(Self.context(environment, transport: transport))
        try Data("rotated".utf8).write(to: file)
        _ = try await ContainerCredentialProvider().resolve(Self.context(environment, transport: transport))
        #expect(transport.requests.map { $0.header("Authorization") } == ["from-file", "rotated"])

        try Data("a\r\nX-Injected: yes".utf8).write(to: file)
        await #expect(throws: CredentialError.self) {
            _ = try await ContainerCredentialProvider().resolve(Self.context(environment, transport: transport))
        }
        #expect(transport.requests.count == 2)
    }

    @Test("end to end over loopback: the endpoint gets the token and answers credentials")
    func loopbackEndToEnd() async throws {
        let server = try LoopbackServer { _, request in
            request.headers["authorization"] == Self.token
                ? .respond(status: 200, headers: [], body: Self.body) : .respond(status: 401, headers: [], body: "")
        }
        defer { server.stop() }
        let credentials = try await withTransport { transport in
            try await ContainerCredentialProvider().resolve(
                Self.context(
                    [
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://localhost:\(server.port)/creds",
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN": Self.token,
                    ], transport: transport))
        }
        #expect(credentials?.accessKeyId == "ASIACONT")
        #expect(server.requests.first?.headers["host"] == "localhost:\(server.port)")
    }

    @Test("a redirect to another host is not followed: the token stays with the configured endpoint")
    func redirectIsNotFollowed() async throws {
        let elsewhere = try LoopbackServer { _, _ in .respond(status: 200, headers: [], body: Self.body) }
        defer { elsewhere.stop() }
        let endpoint = try LoopbackServer { _, _ in
            .respond(status: 302, headers: [("Location", "\(elsewhere.url)/steal")], body: "")
        }
        defer { endpoint.stop() }
        do {
            _ = try await withTransport { transport in
                try await ContainerCredentialProvider().resolve(
                    Self.context(
                        [
                            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(endpoint.url)/creds",
                            "AWS_CONTAINER_AUTHORIZATION_TOKEN": Self.token,
                        ], transport: transport))
            }
            Issue.record("a redirect must not yield credentials")
        } catch let error as CredentialError {
            #expect(error.message.contains("redirect"))
        }
        #expect(endpoint.requests.count == 1)
        #expect(elsewhere.requests.isEmpty)
    }
}
