// Secrets never show when values are printed, interpolated, debug-printed or dumped: credentials, SSO tokens and
// CreateToken answers, the signer's credentials, signing keys and key cache, HTTP requests (Authorization, session
// and bearer tokens, presigned queries) and responses (credential bodies), and everything that holds them — the
// credential context (environment), the client, the cache actor, the session.

import Foundation
import InfraExecutor
import InfraExecutorTesting
import InfraSigV4
import Testing

@Suite("Secrets stay out of descriptions and dumps")
struct SecretRedactionTests {
    static let secrets = [
        "SECRET-ACCESS-KEY-0123", "SESSION-TOKEN-4567", "SSO-ACCESS-TOKEN-89", "SSO-REFRESH-TOKEN-AB",
        "CLIENT-SECRET-CD", "CONTAINER-TOKEN-EF", "SIGNATURE-QUERY-GH",
    ]

    /// Every way a value can end up as text.
    static func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    static func expectNoSecret(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in renderings(value) {
            for secret in secrets {
                #expect(!text.contains(secret), "\(secret) leaked: \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    static let credentials = AWSCredentials(
        accessKeyId: "ASIAVISIBLE", secretAccessKey: "SECRET-ACCESS-KEY-0123", sessionToken: "SESSION-TOKEN-4567",
        expiration: Date(timeIntervalSince1970: 1_800_000_000), source: "test")

    @Test("credentials, the signer's credentials, signing keys and the key cache")
    func credentialTypes() {
        Self.expectNoSecret(Self.credentials)
        Self.expectNoSecret([Self.credentials])
        Self.expectNoSecret(Optional(Self.credentials) as Any)
        Self.expectNoSecret(Self.credentials.sigV4)
        Self.expectNoSecret(StaticCredentialSource(Self.credentials))
        Self.expectNoSecret(StaticCredentialProvider(credentials: Self.credentials))
        Self.expectNoSecret(
            AssumeRoleCredentialProvider(
                roleArn: "arn:aws:iam::1:role/x", source: StaticCredentialProvider(credentials: Self.credentials)))
        let key = SigV4SigningKey(
            credentials: Self.credentials.sigV4, dateStamp: "20261206", region: "us-east-1", service: "sts")
        Self.expectNoSecret(key)
        var cache = SigV4SigningKeyCache()
        _ = cache.key(credentials: Self.credentials.sigV4, dateStamp: "20261206", region: "us-east-1", service: "sts")
        Self.expectNoSecret(cache)
        #expect(String(describing: Self.credentials).contains("ASIAVISIBLE"), "the access key id is shown")
    }

    @Test("SSO tokens and CreateToken answers")
    func ssoTypes() throws {
        var token = SSOToken(
            accessToken: "SSO-ACCESS-TOKEN-89", expiresAt: Date(timeIntervalSince1970: 1_800_000_000),
            refreshToken: "SSO-REFRESH-TOKEN-AB", clientId: "client", clientSecret: "CLIENT-SECRET-CD",
            registrationExpiresAt: Date(timeIntervalSince1970: 1_900_000_000), region: "eu-central-1",
            startUrl: "https://corp.awsapps.com/start")
        Self.expectNoSecret(token)
        token = try SSOToken(json: token.json)
        Self.expectNoSecret(token)
        #expect(token.refreshToken == "SSO-REFRESH-TOKEN-AB", "the JSON round-trips")
        Self.expectNoSecret(
            SSOOIDCTokenResponse(accessToken: "SSO-ACCESS-TOKEN-89", expiresIn: 3600, refreshToken: nil))
    }

    @Test("HTTP requests and responses show neither secret headers, presigned queries nor bodies")
    func httpMessages() {
        let request = HTTPRequest(
            method: "GET", url: "https://sts.amazonaws.com/?X-Amz-Signature=SIGNATURE-QUERY-GH",
            headers: [
                ("Host", "sts.amazonaws.com"), ("Authorization", "AWS4-HMAC-SHA256 Credential=SECRET-ACCESS-KEY-0123"),
                ("X-Amz-Security-Token", "SESSION-TOKEN-4567"), ("x-amz-sso_bearer_token", "SSO-ACCESS-TOKEN-89"),
                ("Authorization", "CONTAINER-TOKEN-EF"),
            ], body: Array("refreshToken=SSO-REFRESH-TOKEN-AB".utf8))
        Self.expectNoSecret(request)
        #expect(String(describing: request).contains("Host: sts.amazonaws.com"))
        let response = HTTPResponse(
            status: 200, headers: [("Set-Cookie", "CLIENT-SECRET-CD")],
            body: Array("{\"SecretAccessKey\":\"SECRET-ACCESS-KEY-0123\"}".utf8))
        Self.expectNoSecret(response)
        let transport = InMemoryTransport { _ in response }
        Self.expectNoSecret(transport)
    }

    @Test("the credential context, the client, the caching source and the session")
    func holders() async throws {
        let environment = [
            "AWS_ACCESS_KEY_ID": "ASIAVISIBLE", "AWS_SECRET_ACCESS_KEY": "SECRET-ACCESS-KEY-0123",
            "AWS_SESSION_TOKEN": "SESSION-TOKEN-4567", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "CONTAINER-TOKEN-EF",
            "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": "/nonexistent",
        ]
        let transport = InMemoryTransport { _ in Canned.callerIdentity() }
        let session = try ExecutorSession(environment: environment, transport: transport)
        _ = try await session.credentials.credentials()
        Self.expectNoSecret(session.context)
        Self.expectNoSecret(session.client)
        Self.expectNoSecret(session.credentials)
        Self.expectNoSecret(session)
        _ = try await STSClient(client: session.client).getCallerIdentity()
        Self.expectNoSecret(transport.requests)
    }

    @Test("errors about credentials name the setting, not its value")
    func errors() async throws {
        let transport = InMemoryTransport { _ in Canned.callerIdentity() }
        let context = CredentialContext(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.0.0.1/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "CONTAINER-TOKEN-EF",
            ], transport: transport)
        do {
            _ = try await ContainerCredentialProvider().resolve(context)
            Issue.record("refused host")
        } catch {
            Self.expectNoSecret(error)
        }
    }
}
