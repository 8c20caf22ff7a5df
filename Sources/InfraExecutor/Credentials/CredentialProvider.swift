// One source of credentials in the chain. A provider returns `nil` when it is not configured (the chain moves
// on) and throws when it is configured but fails (the chain stops, as the AWS CLI does).

/// A source of AWS credentials.
///
/// ```swift
/// struct Fixed: CredentialProvider {
///     let name = "fixed"
///     func resolve(_ context: CredentialContext) async throws -> AWSCredentials? { … }
/// }
/// ```
public protocol CredentialProvider: Sendable {
    /// A short name used in messages (`environment`, `web-identity`, …).
    var name: String { get }
    /// Returns credentials, `nil` when this source is not configured, or throws when it is but fails.
    func resolve(_ context: CredentialContext) async throws -> AWSCredentials?
}

/// Something that hands out valid credentials for each request (the cached chain).
///
/// ```swift
/// let credentials = try await source.credentials()
/// ```
public protocol CredentialSource: Sendable {
    /// Current, unexpired credentials.
    func credentials() async throws -> AWSCredentials
}
