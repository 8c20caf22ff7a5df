// First in the chain: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optional `AWS_SESSION_TOKEN`
// (or the legacy `AWS_SECURITY_TOKEN`). Skipped when `--profile` was given, like the AWS CLI.

/// Credentials from environment variables.
///
/// ```swift
/// let credentials = try await EnvironmentCredentialProvider().resolve(context)
/// ```
public struct EnvironmentCredentialProvider: CredentialProvider {
    /// `environment`.
    public let name = "environment"

    /// Creates the provider.
    public init() {}

    /// Reads the variables; one key without the other is an error.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        if context.explicitProfile != nil { return nil }
        let accessKey = context.environment["AWS_ACCESS_KEY_ID"].nonEmpty
        let secret = context.environment["AWS_SECRET_ACCESS_KEY"].nonEmpty
        switch (accessKey, secret) {
        case (nil, nil): return nil
        case (let accessKey?, let secret?):
            let token =
                context.environment["AWS_SESSION_TOKEN"].nonEmpty ?? context.environment["AWS_SECURITY_TOKEN"].nonEmpty
            return AWSCredentials(
                accessKeyId: accessKey, secretAccessKey: secret, sessionToken: token, source: name)
        case (nil, _): throw CredentialError("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (_, nil): throw CredentialError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        }
    }
}
