// The credential chain resolves like the AWS CLI v2: environment first, then the profile (assume role, web identity,
// IAM Identity Center, credentials file, credential_process, config file — in that order), container and instance
// metadata; source_profile chains, MFA — all through temp config files and the in-memory transport.

import Foundation
import InfraExecutor
import InfraExecutorTesting
import InfraTestSupport
import Testing

@Suite("Credential chain")
struct CredentialChainTests {
    let directory: URL

    init() throws { directory = try ExternalTools.temporaryDirectory("infra-exec") }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func context(
        _ environment: [String: String],
        transport: any HTTPTransport = InMemoryTransport { _ in
            throw TransportError(message: "offline")
        }, profile: String? = nil
    ) -> CredentialContext {
        var environment = environment
        environment["HOME"] = directory.path
        environment["AWS_EC2_METADATA_DISABLED"] = environment["AWS_EC2_METADATA_DISABLED"] ?? "true"
        return CredentialContext(environment: environment, explicitProfile: profile, transport: transport)
    }

    @Test("environment keys come first")
    func environmentFirst() async throws {
        let config = try write("config", "[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = s\n")
        let credentials = try await CredentialChain.default.resolve(
            context([
                "AWS_ACCESS_KEY_ID": "FROMENV", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "tok",
                "AWS_CONFIG_FILE": config,
            ]))
        #expect(credentials?.accessKeyId == "FROMENV")
        #expect(credentials?.sessionToken == "tok")
        #expect(credentials?.source == "environment")
    }

    @Test("an access key without a secret is an error")
    func halfEnvironmentIsAnError() async {
        await #expect(throws: CredentialError.self) {
            _ = try await CredentialChain.default.resolve(context(["AWS_ACCESS_KEY_ID": "AKID"]))
        }
    }

    @Test("--profile skips environment keys and reads the named profile")
    func explicitProfileSkipsEnvironment() async throws {
        let config = try write(
            "config",
            "[profile dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = devsecret\nregion = eu-west-1\n")
        let ctx = context(
            ["AWS_ACCESS_KEY_ID": "FROMENV", "AWS_SECRET_ACCESS_KEY": "s", "AWS_CONFIG_FILE": config], profile: "dev")
        let credentials = try await CredentialChain.default.resolve(ctx)
        #expect(credentials?.accessKeyId == "DEVKEY")
        #expect(RegionResolver.resolve(context: ctx) == "eu-west-1")
    }

    @Test("the credentials file wins over the config file for the same profile")
    func credentialsFileWins() async throws {
        let config = try write("config", "[profile ci]\naws_access_key_id = CONFIGKEY\naws_secret_access_key = a\n")
        let credentialsFile = try write(
            "credentials", "# comment\n[ci]\naws_access_key_id = CREDKEY\naws_secret_access_key = b\n")
        let credentials = try await CredentialChain.default.resolve(
            context(["AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentialsFile, "AWS_PROFILE": "ci"]))
        #expect(credentials?.accessKeyId == "CREDKEY")
        #expect(credentials?.secretAccessKey == "b")
    }

    @Test("a missing named profile is a clear error")
    func missingProfile() async {
        await #expect(throws: CredentialError.self) {
            _ = try await CredentialChain.default.resolve(self.context(["AWS_PROFILE": "nope"]))
        }
    }

    @Test("source_profile + role_arn calls STS AssumeRole with the source keys")
    func assumeRoleProfile() async throws {
        let config = try write(
            "config",
            """
            [profile base]
            aws_access_key_id = BASEKEY
            aws_secret_access_key = basesecret
            [profile deploy]
            role_arn = arn:aws:iam::111122223333:role/deploy
            source_profile = base
            external_id = ext-1
            region = us-west-2
            """)
        let transport = InMemoryTransport { request in
            #expect(request.url.hasPrefix("https://sts.us-west-2.amazonaws.com"))
            #expect(request.header("Authorization")?.contains("Credential=BASEKEY/") == true)
            let form = Canned.form(request)
            #expect(form["Action"] == "AssumeRole")
            #expect(form["RoleArn"] == "arn:aws:iam::111122223333:role/deploy")
            #expect(form["ExternalId"] == "ext-1")
            return Canned.assumedCredentials()
        }
        let credentials = try await CredentialChain.default.resolve(
            context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "deploy"], transport: transport))
        #expect(credentials?.accessKeyId == "ASIAROLE")
        #expect(credentials?.sessionToken == "ROLE-TOKEN")
        #expect(credentials?.source.contains("assume-role") == true)
        #expect(transport.requests.count == 1)
    }

    @Test("a source_profile cycle is reported")
    func sourceProfileCycle() async throws {
        let config = try write(
            "config",
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n"
        )
        await #expect(throws: CredentialError.self) {
            _ = try await CredentialChain.default.resolve(
                self.context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "a"]))
        }
    }

    @Test("credential_process output is parsed")
    func credentialProcess() async throws {
        let script = try write(
            "creds.sh",
            "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"procsecret\", \"SessionToken\": \"proctoken\", \"Expiration\": \"2099-01-01T00:00:00Z\"}'\n"
        )
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let config = try write("config", "[default]\ncredential_process = \(script) --flag\n")
        let credentials = try await CredentialChain.default.resolve(context(["AWS_CONFIG_FILE": config]))
        #expect(credentials?.accessKeyId == "PROCKEY")
        #expect(credentials?.sessionToken == "proctoken")
        #expect(credentials?.expiration != nil)
    }

    @Test("web identity exchanges the token file through an unsigned AssumeRoleWithWebIdentity")
    func webIdentity() async throws {
        let tokenFile = try write("token", "eyJhbGciOi.jwt.token\n")
        let transport = InMemoryTransport { request in
            #expect(request.header("Authorization") == nil, "AssumeRoleWithWebIdentity is unsigned")
            let form = Canned.form(request)
            #expect(form["Action"] == "AssumeRoleWithWebIdentity")
            #expect(form["WebIdentityToken"] == "eyJhbGciOi.jwt.token")
            #expect(form["RoleArn"] == "arn:aws:iam::1:role/irsa")
            return Canned.assumedCredentials(result: "AssumeRoleWithWebIdentityResult", accessKey: "ASIAWEB")
        }
        let credentials = try await CredentialChain.default.resolve(
            context(
                [
                    "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::1:role/irsa",
                    "AWS_REGION": "eu-central-1",
                ], transport: transport))
        #expect(credentials?.accessKeyId == "ASIAWEB")
        #expect(transport.requests.first?.url.hasPrefix("https://sts.eu-central-1.amazonaws.com") == true)
    }

    @Test("container credentials use the relative URI and authorization token")
    func containerCredentials() async throws {
        let transport = InMemoryTransport { request in
            #expect(request.url == "http://169.254.170.2/v2/credentials/abc")
            #expect(request.header("Authorization") == "Bearer x")
            return Canned.xml(
                "{\"AccessKeyId\":\"ASIACONT\",\"SecretAccessKey\":\"c\",\"Token\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}"
            )
        }
        let credentials = try await CredentialChain.default.resolve(
            context(
                [
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer x",
                ], transport: transport))
        #expect(credentials?.accessKeyId == "ASIACONT")
    }

    @Test("instance metadata uses an IMDSv2 session token")
    func instanceMetadata() async throws {
        let transport = InMemoryTransport { request in
            switch (request.method, request.url) {
            case ("PUT", "http://169.254.169.254/latest/api/token"):
                #expect(request.header("X-aws-ec2-metadata-token-ttl-seconds") == "21600")
                return Canned.xml("imds-token")
            case ("GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"):
                #expect(request.header("X-aws-ec2-metadata-token") == "imds-token")
                return Canned.xml("node-role\n")
            case ("GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/node-role"):
                return Canned.xml(
                    "{\"Code\":\"Success\",\"AccessKeyId\":\"ASIAIMDS\",\"SecretAccessKey\":\"i\",\"Token\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}"
                )
            default:
                return HTTPResponse(status: 404)
            }
        }
        let credentials = try await CredentialChain.default.resolve(
            context(["AWS_EC2_METADATA_DISABLED": "false"], transport: transport))
        #expect(credentials?.accessKeyId == "ASIAIMDS")
        #expect(transport.requests.count == 3)
    }

    @Test("nothing configured is an error naming what was tried")
    func nothingConfigured() async {
        do {
            _ = try await CredentialChain.default.resolve(context([:]))
            Issue.record("expected an error")
        } catch let error as CredentialError {
            #expect(error.message.contains("environment"))
            #expect(error.message.contains("instance-metadata"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("cached credentials are refreshed before they expire")
    func cacheRefreshesBeforeExpiry() async throws {
        let counter = Counter()
        struct Expiring: CredentialProvider {
            let name = "expiring"
            let counter: Counter
            let lifetime: TimeInterval
            func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
                let n = counter.next()
                return AWSCredentials(
                    accessKeyId: "KEY\(n)", secretAccessKey: "s", expiration: Date().addingTimeInterval(lifetime),
                    source: name)
            }
        }
        let short = CachingCredentialSource(
            provider: Expiring(counter: counter, lifetime: 120), context: context([:]), refreshMargin: 300)
        let first = try await short.credentials()
        let second = try await short.credentials()
        #expect(first.accessKeyId != second.accessKeyId, "expiring within the margin forces a refresh")
        let long = CachingCredentialSource(
            provider: Expiring(counter: counter, lifetime: 3600), context: context([:]), refreshMargin: 300)
        let third = try await long.credentials()
        let fourth = try await long.credentials()
        #expect(third.accessKeyId == fourth.accessKeyId, "valid credentials are reused")
    }

    @Test("region comes from AWS_REGION before AWS_DEFAULT_REGION and the profile")
    func regionOrder() throws {
        let config = try write("config", "[default]\nregion = ap-south-1\n")
        #expect(RegionResolver.resolve(context: context(["AWS_CONFIG_FILE": config])) == "ap-south-1")
        #expect(
            RegionResolver.resolve(context: context(["AWS_CONFIG_FILE": config, "AWS_DEFAULT_REGION": "eu-west-3"]))
                == "eu-west-3")
        #expect(
            RegionResolver.resolve(
                context: context(["AWS_REGION": "us-west-1", "AWS_DEFAULT_REGION": "eu-west-3"])) == "us-west-1")
        #expect(RegionResolver.resolve(explicit: "sa-east-1", context: context(["AWS_REGION": "x"])) == "sa-east-1")
    }

    @Test("the CLI v2 order inside a profile: assume role beats web identity from the environment")
    func assumeRoleBeatsWebIdentity() async throws {
        let config = try write(
            "config",
            "[profile base]\naws_access_key_id = BASEKEY\naws_secret_access_key = b\n[profile deploy]\nrole_arn = arn:aws:iam::1:role/deploy\nsource_profile = base\n"
        )
        let tokenFile = try write("token", "jwt")
        let transport = InMemoryTransport { request in
            #expect(Canned.form(request)["Action"] == "AssumeRole")
            return Canned.assumedCredentials()
        }
        let credentials = try await CredentialChain.default.resolve(
            context(
                [
                    "AWS_CONFIG_FILE": config, "AWS_PROFILE": "deploy", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
                    "AWS_ROLE_ARN": "arn:aws:iam::1:role/irsa",
                ], transport: transport))
        #expect(credentials?.source.hasPrefix("assume-role arn:aws:iam::1:role/deploy") == true)
    }

    @Test("credentials-file keys beat credential_process, which beats config-file keys")
    func staticAndProcessOrder() async throws {
        let script = try write(
            "creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"p\"}'\n"
        )
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let config = try write(
            "config",
            "[default]\ncredential_process = \(script)\naws_access_key_id = CONFIGKEY\naws_secret_access_key = c\n")
        let withProcess = try await CredentialChain.default.resolve(context(["AWS_CONFIG_FILE": config]))
        #expect(withProcess?.accessKeyId == "PROCKEY", "credential_process before config-file keys")
        let credentialsFile = try write(
            "credentials", "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = f\n")
        let withFile = try await CredentialChain.default.resolve(
            context(["AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentialsFile]))
        #expect(withFile?.accessKeyId == "FILEKEY", "credentials-file keys before credential_process")
    }

    @Test("--profile ignores AWS_WEB_IDENTITY_TOKEN_FILE as it ignores environment keys")
    func explicitProfileIgnoresWebIdentityEnvironment() async throws {
        let config = try write("config", "[profile dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = d\n")
        let tokenFile = try write("token", "jwt")
        let transport = InMemoryTransport { _ in
            Issue.record("no STS call expected")
            return HTTPResponse(status: 500)
        }
        let credentials = try await CredentialChain.default.resolve(
            context(
                [
                    "AWS_CONFIG_FILE": config, "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
                    "AWS_ROLE_ARN": "arn:aws:iam::1:role/irsa",
                ], transport: transport, profile: "dev"))
        #expect(credentials?.accessKeyId == "DEVKEY")
    }

    @Test("a source profile with static keys is used as it is, even when it also has a role_arn")
    func sourceProfileStaticKeysWin() async throws {
        let config = try write(
            "config",
            """
            [profile base]
            aws_access_key_id = BASEKEY
            aws_secret_access_key = b
            role_arn = arn:aws:iam::1:role/ignored
            source_profile = nowhere
            [profile deploy]
            role_arn = arn:aws:iam::1:role/deploy
            source_profile = base
            [profile self]
            aws_access_key_id = SELFKEY
            aws_secret_access_key = s
            role_arn = arn:aws:iam::1:role/self
            source_profile = self
            [profile loop]
            role_arn = arn:aws:iam::1:role/loop
            source_profile = loop
            """)
        let transport = InMemoryTransport { request in
            let form = Canned.form(request)
            #expect(form["RoleArn"] != "arn:aws:iam::1:role/ignored")
            return Canned.assumedCredentials()
        }
        let deploy = try await CredentialChain.default.resolve(
            context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "deploy"], transport: transport))
        #expect(deploy?.source.hasSuffix("via profile base") == true)
        #expect(transport.requests.count == 1)
        let selfReferencing = try await CredentialChain.default.resolve(
            context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "self"], transport: transport))
        #expect(selfReferencing?.source.hasSuffix("via profile self") == true)
        #expect(transport.requests.last?.header("Authorization")?.contains("Credential=SELFKEY/") == true)
        await #expect(throws: CredentialError.self) {
            _ = try await CredentialChain.default.resolve(
                self.context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "loop"], transport: transport))
        }
    }

    @Test("source_profile with credential_source, or neither, is a configuration error")
    func assumeRoleNeedsOneSource() async throws {
        let config = try write(
            "config",
            "[profile both]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = both\ncredential_source = Environment\n[profile none]\nrole_arn = arn:aws:iam::1:role/x\n"
        )
        for profile in ["both", "none"] {
            await #expect(throws: CredentialError.self) {
                _ = try await CredentialChain.default.resolve(
                    self.context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": profile]))
            }
        }
    }

    static let mfaConfig = """
        [profile base]
        aws_access_key_id = BASEKEY
        aws_secret_access_key = b
        [profile admin]
        role_arn = arn:aws:iam::111122223333:role/admin
        source_profile = base
        mfa_serial = arn:aws:iam::111122223333:mfa/alice
        """

    @Test("mfa_serial without a terminal is a clear error naming the device; nothing is sent")
    func mfaWithoutTerminal() async throws {
        let config = try write("config", Self.mfaConfig)
        let transport = InMemoryTransport { _ in Canned.assumedCredentials() }
        do {
            _ = try await CredentialChain.default.resolve(
                context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "admin"], transport: transport))
            Issue.record("an MFA profile needs a code")
        } catch let error as CredentialError {
            #expect(error.message.contains("arn:aws:iam::111122223333:mfa/alice"))
            #expect(error.message.contains("MFA"))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("mfa_serial with a prompt sends SerialNumber and the TokenCode to AssumeRole; a bad code is refused")
    func mfaWithPrompt() async throws {
        let config = try write("config", Self.mfaConfig)
        let transport = InMemoryTransport { request in
            let form = Canned.form(request)
            #expect(form["SerialNumber"] == "arn:aws:iam::111122223333:mfa/alice")
            #expect(form["TokenCode"] == "123456")
            return Canned.assumedCredentials()
        }
        var ctx = context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "admin"], transport: transport)
        let asked = LockedValue<[String]>([])
        ctx.mfaCode = { serial in
            asked.set(asked.value + [serial])
            return "123456\n"
        }
        let credentials = try await CredentialChain.default.resolve(ctx)
        #expect(credentials?.accessKeyId == "ASIAROLE")
        #expect(asked.value == ["arn:aws:iam::111122223333:mfa/alice"])
        ctx.mfaCode = { _ in "12ab" }
        await #expect(throws: CredentialError.self) { _ = try await CredentialChain.default.resolve(ctx) }
        #expect(transport.requests.count == 1)
    }

    @Test("a console sign-in profile (login_session) is a clear error rather than a fall-through to IMDS")
    func loginSessionIsNamed() async throws {
        let config = try write(
            "config", "[profile console]\nlogin_session = arn:aws:iam::1:user/alice\nregion = us-east-1\n")
        do {
            _ = try await CredentialChain.default.resolve(
                context(["AWS_CONFIG_FILE": config, "AWS_PROFILE": "console"]))
            Issue.record("unsupported")
        } catch let error as CredentialError {
            #expect(error.message.contains("login_session"))
        }
    }

    @Test("a named profile that does not exist stops a session before anything else, even with environment keys")
    func namedProfileMustExist() throws {
        #expect(throws: CredentialError.self) {
            _ = try ExecutorSession(
                environment: [
                    "AWS_PROFILE": "nope", "AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "S",
                    "AWS_REGION": "us-east-1", "HOME": directory.path,
                ], transport: InMemoryTransport { _ in HTTPResponse(status: 500) })
        }
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}
