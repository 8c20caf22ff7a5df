// Everything the AWS CLI v2 reads from a profile, in its order (botocore `create_credential_resolver`: the assume-role
// provider, then `ProfileProviderBuilder.providers`):
//   1. assume role — `role_arn` (without `web_identity_token_file`) with `source_profile` or `credential_source`,
//      `role_session_name`, `external_id`, `duration_seconds`, `mfa_serial`;
//   2. web identity — `web_identity_token_file` + `role_arn` of the profile, each overridden by
//      `AWS_WEB_IDENTITY_TOKEN_FILE` / `AWS_ROLE_ARN` / `AWS_ROLE_SESSION_NAME` unless a profile was chosen with
//      `--profile` (then the environment is not read, as for environment keys);
//   3. IAM Identity Center — `sso_session` or `sso_start_url` (`SSOCredentialProvider`);
//   4. static keys in the credentials file;
//   5. `credential_process` (`ProcessCredentialProvider`);
//   6. static keys in the config file.
// A source profile is resolved by steps 2–6 (environment off) when it has static keys or no `role_arn`, else by
// assuming its role in turn; a cycle is an error, except a profile naming itself when it has static keys.

/// Credentials from a profile in `~/.aws/config` / `~/.aws/credentials`.
///
/// ```swift
/// let credentials = try await ProfileCredentialProvider().resolve(context)  // AWS_PROFILE or default
/// ```
public struct ProfileCredentialProvider: CredentialProvider {
    /// `profile`.
    public let name = "profile"
    /// The profile to use; `nil` means the context's profile.
    public var profile: String?

    /// Creates the provider.
    public init(profile: String? = nil) { self.profile = profile }

    /// Resolves the profile; `nil` when nothing applies, an error when a named profile is missing.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        let config = try context.sharedConfig()
        let name = profile ?? context.profileName
        let settings = config.profile(name)
        if settings == nil && (profile != nil || context.isProfileNamed) {
            throw CredentialError(
                "profile \"\(name)\" not found in \(context.configFilePath) or \(context.credentialsFilePath)")
        }
        let resolver = Resolver(config: config, context: context)
        let readEnvironment = context.explicitProfile == nil
        if let settings, settings["role_arn"] != nil, settings["web_identity_token_file"] == nil {
            return try await resolver.assumeRole(name, settings: settings, visited: [name])
        }
        return try await resolver.profileChain(name, settings: settings ?? [:], readEnvironment: readEnvironment)
    }

    /// The resolution of one chain of profiles.
    private struct Resolver {
        let config: SharedConfig
        let context: CredentialContext

        /// Steps 2–6 for one profile.
        func profileChain(
            _ name: String, settings: [String: String], readEnvironment: Bool
        ) async throws
            -> AWSCredentials?
        {
            if let credentials = try await webIdentity(name, settings: settings, readEnvironment: readEnvironment) {
                return credentials
            }
            if let credentials = try await SSOCredentialProvider.credentials(
                profile: name, settings: settings, config: config, context: context)
            {
                return credentials
            }
            if let credentials = try staticKeys(config.credentialProfiles[name], source: "profile \(name)") {
                return credentials
            }
            if let command = settings["credential_process"] {
                var credentials = try await ProcessCredentialProvider(command: command).resolve(context)
                credentials?.source = "profile \(name) (credential_process)"
                return credentials
            }
            if let credentials = try staticKeys(config.configProfiles[name], source: "profile \(name)") {
                return credentials
            }
            if settings["login_session"] != nil {
                throw CredentialError(
                    "profile \(name) uses console sign-in credentials (login_session, `aws login`), which the executor "
                        + "does not read; export them with `aws configure export-credentials --profile \(name) --format env`"
                )
            }
            return nil
        }

        /// Step 2: the profile's (or the environment's) web identity settings.
        func webIdentity(
            _ name: String, settings: [String: String], readEnvironment: Bool
        ) async throws
            -> AWSCredentials?
        {
            func setting(_ key: String, _ variable: String) -> String? {
                (readEnvironment ? context.environment[variable].nonEmpty : nil) ?? settings[key].nonEmpty
            }
            guard let tokenFile = setting("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE") else { return nil }
            guard let roleArn = setting("role_arn", "AWS_ROLE_ARN") else {
                throw CredentialError(
                    "a web identity token file is configured (profile \(name) or AWS_WEB_IDENTITY_TOKEN_FILE) but no "
                        + "role ARN (role_arn or AWS_ROLE_ARN)")
            }
            let fromEnvironment = readEnvironment && context.environment["AWS_WEB_IDENTITY_TOKEN_FILE"].nonEmpty != nil
            return try await WebIdentityCredentialProvider.assume(
                roleArn: roleArn, tokenFile: tokenFile,
                sessionName: setting("role_session_name", "AWS_ROLE_SESSION_NAME"), context: context,
                source: fromEnvironment ? "web-identity" : "profile \(name) (web identity)")
        }

        /// Static keys of one file's section; one key without the other is an error.
        func staticKeys(_ section: [String: String]?, source: String) throws -> AWSCredentials? {
            guard let section else { return nil }
            switch (section["aws_access_key_id"].nonEmpty, section["aws_secret_access_key"].nonEmpty) {
            case (nil, nil): return nil
            case (let key?, let secret?):
                return AWSCredentials(
                    accessKeyId: key, secretAccessKey: secret, sessionToken: section["aws_session_token"].nonEmpty,
                    source: source)
            default:
                throw CredentialError("\(source) has only one of aws_access_key_id and aws_secret_access_key")
            }
        }

        /// Step 1: assume the role of `name`, resolving its source first.
        func assumeRole(_ name: String, settings: [String: String], visited: [String]) async throws -> AWSCredentials {
            guard let roleArn = settings["role_arn"] else {
                throw CredentialError("profile \(name) has no role_arn")
            }
            let source: any CredentialProvider
            switch (settings["source_profile"], settings["credential_source"]) {
            case (let sourceProfile?, nil):
                source = StaticCredentialProvider(
                    credentials: try await sourceCredentials(sourceProfile, parent: name, visited: visited))
            case (nil, let credentialSource?):
                switch credentialSource {
                case "Environment": source = EnvironmentCredentialProvider()
                case "Ec2InstanceMetadata": source = InstanceMetadataCredentialProvider()
                case "EcsContainer": source = ContainerCredentialProvider()
                default:
                    throw CredentialError(
                        "profile \(name): credential_source must be Environment, Ec2InstanceMetadata or EcsContainer, "
                            + "not \(credentialSource)")
                }
            case (.some, .some):
                throw CredentialError("profile \(name) has both source_profile and credential_source; keep one")
            case (nil, nil):
                throw CredentialError("profile \(name) has role_arn but neither source_profile nor credential_source")
            }
            let provider = AssumeRoleCredentialProvider(
                roleArn: roleArn, sessionName: settings["role_session_name"], externalId: settings["external_id"],
                durationSeconds: try settings["duration_seconds"].map { text in
                    guard let value = Int(text), value > 0 else {
                        throw CredentialError("profile \(name): duration_seconds must be a whole number of seconds")
                    }
                    return value
                }, mfaSerial: settings["mfa_serial"], profile: name, source: source)
            guard let credentials = try await provider.resolve(context) else {
                throw CredentialError("profile \(name): AssumeRole returned no credentials")
            }
            return credentials
        }

        /// The credentials of a `source_profile`.
        func sourceCredentials(_ name: String, parent: String, visited: [String]) async throws -> AWSCredentials {
            let chain = (visited + [name]).joined(separator: " → ")
            guard let settings = config.profile(name) else {
                throw CredentialError("source_profile \"\(name)\" not found (chain: \(chain))")
            }
            let hasStaticKeys = settings["aws_access_key_id"] != nil
            if visited.contains(name) && !(name == parent && hasStaticKeys) {
                throw CredentialError("source_profile cycle: \(chain)")
            }
            if hasStaticKeys || settings["role_arn"] == nil || settings["web_identity_token_file"] != nil {
                guard let credentials = try await profileChain(name, settings: settings, readEnvironment: false) else {
                    throw CredentialError("the source profile \"\(name)\" has no credentials (chain: \(chain))")
                }
                return credentials
            }
            return try await assumeRole(name, settings: settings, visited: visited + [name])
        }
    }
}
