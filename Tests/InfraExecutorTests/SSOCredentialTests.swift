// IAM Identity Center from a token cache written by the test the way `aws sso login` writes it: sso_session and
// legacy profiles, the cache key (SHA-1 of the session name or start URL), GetRoleCredentials on the partition's
// portal, refresh with CreateToken near expiry (written back, owner-only, other keys kept), what happens when a
// refresh fails or the login expired, and the configuration errors.

import Foundation
import InfraExecutor
import InfraExecutorTesting
import InfraTestSupport
import Testing

@Suite("IAM Identity Center (SSO)")
struct SSOCredentialTests {
    let home: URL
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws { home = try ExternalTools.temporaryDirectory("infra-exec") }

    static let config = """
        [profile dev]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = Admin
        region = eu-west-1

        [profile legacy]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-central-1
        sso_account_id = 444455556666
        sso_role_name = ReadOnly

        [profile china]
        sso_session = cn
        sso_account_id = 111122223333
        sso_role_name = Admin

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-central-1
        sso_registration_scopes = sso:account:access

        [sso-session cn]
        sso_start_url = https://corp.awsapps.cn/start
        sso_region = cn-north-1
        """

    /// `~/.aws/sso/cache/<sha1>.json`, as `aws sso login` names it.
    var cacheDirectory: URL { home.appendingPathComponent(".aws/sso/cache") }

    func writeConfig(_ text: String = Self.config) throws {
        let aws = home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: aws.appendingPathComponent("config"))
    }

    func writeToken(
        file: String, expiresIn: TimeInterval, refreshable: Bool = true, registrationValid: Bool = true
    )
        throws
    {
        var object: [String: Any] = [
            "accessToken": "OLD-ACCESS-TOKEN", "expiresAt": Self.iso(now.addingTimeInterval(expiresIn)),
            "startUrl": "https://corp.awsapps.com/start", "region": "eu-central-1", "customKey": ["kept": true],
        ]
        if refreshable {
            object["refreshToken"] = "OLD-REFRESH-TOKEN"
            object["clientId"] = "client-1"
            object["clientSecret"] = "CLIENT-SECRET"
            object["registrationExpiresAt"] = Self.iso(now.addingTimeInterval(registrationValid ? 86400 : -60))
        }
        let data = try JSONSerialization.data(withJSONObject: object)
        try data.write(to: cacheDirectory.appendingPathComponent(file))
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }

    func context(_ profile: String, transport: any HTTPTransport) -> CredentialContext {
        CredentialContext(
            environment: ["HOME": home.path, "AWS_PROFILE": profile, "AWS_EC2_METADATA_DISABLED": "true"],
            transport: transport, now: { [now] in now })
    }

    static func roleCredentials(_ key: String = "ASIASSO") -> HTTPResponse {
        HTTPResponse(
            status: 200,
            body: Array(
                "{\"roleCredentials\":{\"accessKeyId\":\"\(key)\",\"secretAccessKey\":\"sso-secret\",\"sessionToken\":\"sso-token\",\"expiration\":1800003600000}}"
                    .utf8))
    }

    /// SHA-1 of `corp` and of the legacy start URL (computed with `sha1sum`).
    static let corpFile = "ee0bfd2552fbd840c02cc48b6e823320543c450f.json"
    static let legacyFile = "a51746d4aa793ae07b25e90c3a5db96fc7832bd7.json"

    @Test("an sso_session profile reads the session's cached token and calls GetRoleCredentials, unsigned")
    func ssoSessionProfile() async throws {
        try writeConfig()
        try writeToken(file: Self.corpFile, expiresIn: 3600)
        let transport = InMemoryTransport { _ in Self.roleCredentials() }
        let credentials = try await CredentialChain.default.resolve(context("dev", transport: transport))
        #expect(credentials?.accessKeyId == "ASIASSO")
        #expect(credentials?.sessionToken == "sso-token")
        #expect(credentials?.expiration == Date(timeIntervalSince1970: 1_800_003_600))
        #expect(credentials?.source == "profile dev (sso Admin@111122223333)")
        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(
            request.url
                == "https://portal.sso.eu-central-1.amazonaws.com/federation/credentials?account_id=111122223333&role_name=Admin"
        )
        #expect(request.header("x-amz-sso_bearer_token") == "OLD-ACCESS-TOKEN")
        #expect(request.header("Authorization") == nil)
    }

    @Test("a legacy profile's token is found by the SHA-1 of its start URL")
    func legacyProfile() async throws {
        try writeConfig()
        try writeToken(file: Self.legacyFile, expiresIn: 3600, refreshable: false)
        let transport = InMemoryTransport { _ in Self.roleCredentials("ASIALEGACY") }
        let credentials = try await CredentialChain.default.resolve(context("legacy", transport: transport))
        #expect(credentials?.accessKeyId == "ASIALEGACY")
        #expect(transport.requests.first?.url.contains("account_id=444455556666&role_name=ReadOnly") == true)
    }

    @Test("a token near expiry is refreshed with CreateToken, written back owner-only, and used")
    func refreshNearExpiry() async throws {
        try writeConfig()
        try writeToken(file: Self.corpFile, expiresIn: 5 * 60)
        let transport = InMemoryTransport { request in
            if request.url.hasSuffix("/token") {
                return HTTPResponse(
                    status: 200,
                    body: Array(
                        "{\"accessToken\":\"NEW-ACCESS-TOKEN\",\"expiresIn\":28800,\"refreshToken\":\"NEW-REFRESH-TOKEN\",\"tokenType\":\"Bearer\"}"
                            .utf8))
            }
            return Self.roleCredentials()
        }
        _ = try await CredentialChain.default.resolve(context("dev", transport: transport))
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(requests[0].url == "https://oidc.eu-central-1.amazonaws.com/token")
        #expect(requests[0].method == "POST")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(requests[0].body)) as? [String: String])
        #expect(
            body == [
                "grantType": "refresh_token", "clientId": "client-1", "clientSecret": "CLIENT-SECRET",
                "refreshToken": "OLD-REFRESH-TOKEN",
            ])
        #expect(requests[1].header("x-amz-sso_bearer_token") == "NEW-ACCESS-TOKEN")

        let file = cacheDirectory.appendingPathComponent(Self.corpFile)
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(written["accessToken"] as? String == "NEW-ACCESS-TOKEN")
        #expect(written["refreshToken"] as? String == "NEW-REFRESH-TOKEN")
        #expect(written["expiresAt"] as? String == Self.iso(now.addingTimeInterval(28800)))
        #expect(written["clientSecret"] as? String == "CLIENT-SECRET")
        #expect((written["customKey"] as? [String: Any])?["kept"] as? Bool == true, "unknown keys are kept")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a failed refresh keeps using the cached token while it is valid")
    func failedRefreshFallsBack() async throws {
        try writeConfig()
        try writeToken(file: Self.corpFile, expiresIn: 5 * 60)
        let before = try Data(contentsOf: cacheDirectory.appendingPathComponent(Self.corpFile))
        let transport = InMemoryTransport { request in
            if request.url.hasSuffix("/token") {
                return HTTPResponse(
                    status: 400, headers: [("x-amzn-ErrorType", "InvalidGrantException")],
                    body: Array("{\"error\":\"invalid_grant\"}".utf8))
            }
            return Self.roleCredentials()
        }
        let credentials = try await CredentialChain.default.resolve(context("dev", transport: transport))
        #expect(credentials?.accessKeyId == "ASIASSO")
        #expect(transport.requests.last?.header("x-amz-sso_bearer_token") == "OLD-ACCESS-TOKEN")
        #expect(try Data(contentsOf: cacheDirectory.appendingPathComponent(Self.corpFile)) == before)
    }

    @Test("an expired login whose registration also expired asks for aws sso login and calls nothing")
    func expiredLogin() async throws {
        try writeConfig()
        try writeToken(file: Self.corpFile, expiresIn: -60, registrationValid: false)
        let transport = InMemoryTransport { _ in Self.roleCredentials() }
        do {
            _ = try await CredentialChain.default.resolve(context("dev", transport: transport))
            Issue.record("an expired login must fail")
        } catch let error as CredentialError {
            #expect(error.message.contains("aws sso login --sso-session corp"))
            #expect(!error.message.contains("OLD-ACCESS-TOKEN"))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("a legacy token is never refreshed: expired means log in again")
    func legacyNotRefreshed() async throws {
        try writeConfig()
        try writeToken(file: Self.legacyFile, expiresIn: -60)
        let transport = InMemoryTransport { _ in Self.roleCredentials() }
        do {
            _ = try await CredentialChain.default.resolve(context("legacy", transport: transport))
            Issue.record("expired")
        } catch let error as CredentialError {
            #expect(error.message.contains("aws sso login --profile legacy"))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("no cached login, or one the portal rejects, asks for aws sso login")
    func missingOrRejectedLogin() async throws {
        try writeConfig()
        let transport = InMemoryTransport { _ in
            HTTPResponse(
                status: 401, headers: [("x-amzn-ErrorType", "UnauthorizedException")],
                body: Array("{\"message\":\"Session token not found or invalid\"}".utf8))
        }
        await #expect(throws: CredentialError.self) {
            _ = try await CredentialChain.default.resolve(context("dev", transport: transport))
        }
        #expect(transport.requests.isEmpty)
        try writeToken(file: Self.corpFile, expiresIn: 3600)
        do {
            _ = try await CredentialChain.default.resolve(context("dev", transport: transport))
            Issue.record("rejected")
        } catch let error as CredentialError {
            #expect(error.message.contains("aws sso login"))
        }
        #expect(transport.requests.count == 1, "401 is final, not retried")
    }

    @Test("the portal and OIDC hosts follow the SSO region's partition")
    func chinaPartition() async throws {
        try writeConfig()
        try writeToken(
            file: SSOTokenCache(directory: cacheDirectory.path).path(key: "cn").components(separatedBy: "/").last ?? "",
            expiresIn: 3600)
        let transport = InMemoryTransport { _ in Self.roleCredentials() }
        _ = try await CredentialChain.default.resolve(context("china", transport: transport))
        #expect(transport.requests.first?.url.hasPrefix("https://portal.sso.cn-north-1.amazonaws.com.cn/") == true)
    }

    static let brokenConfigs: [(String, String)] = [
        ("[profile p]\nsso_session = missing\nsso_account_id = 1\nsso_role_name = R\n", "[sso-session missing]"),
        (
            "[profile p]\nsso_session = s\nsso_start_url = https://other/start\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_start_url = https://corp/start\nsso_region = us-east-1\n",
            "sso_start_url"
        ),
        (
            "[profile p]\nsso_start_url = https://corp/start\nsso_region = us-east-1\nsso_account_id = 1\n",
            "sso_role_name"
        ),
    ]

    @Test("a missing sso-session section, disagreeing values or a missing setting are errors", arguments: brokenConfigs)
    func configurationErrors(config: String, mentions: String) async throws {
        try writeConfig(config)
        do {
            _ = try await CredentialChain.default.resolve(
                context("p", transport: InMemoryTransport { _ in HTTPResponse(status: 500) }))
            Issue.record("must be refused")
        } catch let error as CredentialError {
            #expect(error.message.contains(mentions), "\(error.message)")
        }
    }

    @Test("the SSO step comes before static keys of the credentials file, as in the AWS CLI v2")
    func ssoBeforeCredentialsFile() async throws {
        try writeConfig()
        try writeToken(file: Self.corpFile, expiresIn: 3600)
        try Data("[dev]\naws_access_key_id = FILEKEY\naws_secret_access_key = f\n".utf8).write(
            to: home.appendingPathComponent(".aws/credentials"))
        let credentials = try await CredentialChain.default.resolve(
            context("dev", transport: InMemoryTransport { _ in Self.roleCredentials() }))
        #expect(credentials?.accessKeyId == "ASIASSO")
    }
}
