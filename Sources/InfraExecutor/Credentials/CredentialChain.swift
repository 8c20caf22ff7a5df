// The default chain, in the AWS CLI's order: environment → web identity (environment) → profile (assume role,
// web identity, credential_process, static keys) → container endpoint → EC2 instance metadata.

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

    /// The AWS CLI's default order.
    public static let `default` = CredentialChain(providers: [
        EnvironmentCredentialProvider(), WebIdentityCredentialProvider(), ProfileCredentialProvider(),
        ContainerCredentialProvider(), InstanceMetadataCredentialProvider(),
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
