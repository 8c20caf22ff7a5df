// A named profile of the shared files, resolved the way the AWS CLI does, in this order:
// `role_arn` (+ `source_profile` or `credential_source`) → AssumeRole; `web_identity_token_file` + `role_arn`
// → AssumeRoleWithWebIdentity; `credential_process`; static `aws_access_key_id`/`aws_secret_access_key`.
// `source_profile` chains are followed with cycle detection. SSO profiles are not supported (clear error).

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

    /// Resolves the profile; `nil` when the default profile does not exist, an error when a named one is missing.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        let config = try context.sharedConfig()
        let name = profile ?? context.profileName
        guard config.profile(name) != nil else {
            if name == "default" && profile == nil { return nil }
            throw CredentialError(
                "profile \"\(name)\" not found in \(context.configFilePath) or \(context.credentialsFilePath)")
        }
        return try await resolve(name, config: config, context: context, visited: [])
    }

    private func resolve(
        _ name: String, config: SharedConfig, context: CredentialContext, visited: [String]
    ) async throws -> AWSCredentials? {
        guard let settings = config.profile(name) else {
            throw CredentialError(
                "source_profile \"\(name)\" not found (chain: \((visited + [name]).joined(separator: " → ")))")
        }
        // A profile naming itself as source_profile means "my own static keys" (AWS CLI rule).
        let isSelfSource = visited.last == name
        if visited.contains(name) && !isSelfSource {
            throw CredentialError("source_profile cycle: \((visited + [name]).joined(separator: " → "))")
        }
        if let roleArn = settings["role_arn"], !isSelfSource {
            if let tokenFile = settings["web_identity_token_file"] {
                return try await WebIdentityCredentialProvider.assume(
                    roleArn: roleArn, tokenFile: tokenFile, sessionName: settings["role_session_name"],
                    context: context, source: "profile \(name) (web identity)")
            }
            let source: any CredentialProvider
            if let sourceProfile = settings["source_profile"] {
                let base = try await resolve(sourceProfile, config: config, context: context, visited: visited + [name])
                guard let base else { throw CredentialError("source_profile \"\(sourceProfile)\" has no credentials") }
                source = StaticCredentialProvider(credentials: base)
            } else if let credentialSource = settings["credential_source"] {
                switch credentialSource {
                case "Environment": source = EnvironmentCredentialProvider()
                case "Ec2InstanceMetadata": source = InstanceMetadataCredentialProvider()
                case "EcsContainer": source = ContainerCredentialProvider()
                default: throw CredentialError("profile \(name): unknown credential_source \(credentialSource)")
                }
            } else {
                throw CredentialError("profile \(name) has role_arn but neither source_profile nor credential_source")
            }
            let provider = AssumeRoleCredentialProvider(
                roleArn: roleArn, sessionName: settings["role_session_name"], externalId: settings["external_id"],
                durationSeconds: settings["duration_seconds"].flatMap { Int($0) }, source: source)
            return try await provider.resolve(context)
        }
        if let command = settings["credential_process"] {
            var credentials = try await ProcessCredentialProvider(command: command).resolve(context)
            credentials?.source = "profile \(name) (credential_process)"
            return credentials
        }
        if let accessKey = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"] {
            return AWSCredentials(
                accessKeyId: accessKey, secretAccessKey: secret, sessionToken: settings["aws_session_token"],
                source: "profile \(name)")
        }
        if settings["sso_start_url"] != nil || settings["sso_session"] != nil {
            throw CredentialError(
                "profile \(name) uses AWS IAM Identity Center (SSO), which is not supported; "
                    + "export credentials with `aws configure export-credentials --profile \(name) --format env`")
        }
        return nil
    }
}
