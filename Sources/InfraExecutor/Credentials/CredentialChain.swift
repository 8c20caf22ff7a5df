// The default chain, in the AWS CLI v2's order (botocore `create_credential_resolver`; AWS CLI user guide,
// "Configuration and credential file settings"): environment keys → the profile (assume role, web identity,
// IAM Identity Center, credentials file, credential_process, config file — `ProfileCredentialProvider`) →
// container endpoint → EC2 instance metadata. Documentation/Security.md has the whole order as a table.

/// Tries providers in order and returns the first credentials found.
///
/// ```swift
/// let credentials = try await CredentialChain.default.resolve(context)
/// ```
public struct CredentialChain: CredentialProvider {
    /// `chain`.
    public let name = "chain"
    /// The providers, in order.
    public var providers: [any CredentialProvider]

    /// Creates a chain.
    public init(providers: [any CredentialProvider]) { self.providers = providers }

    /// The AWS CLI v2's default order.
    public static let `default` = CredentialChain(providers: [
        EnvironmentCredentialProvider(), ProfileCredentialProvider(), ContainerCredentialProvider(),
        InstanceMetadataCredentialProvider(),
    ])

    /// The first provider's credentials; an error listing what was tried when none has any.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        for provider in providers {
            if let credentials = try await provider.resolve(context) {
                context.logger.debug("credentials from \(credentials.source) (access key \(credentials.accessKeyId))")
                return credentials
            }
        }
        throw CredentialError(
            "no AWS credentials found (tried " + providers.map(\.name).joined(separator: ", ")
                + "); set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or configure ~/.aws/credentials")
    }
}
