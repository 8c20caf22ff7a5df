// IRSA and other OIDC federation: `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` (+ `AWS_ROLE_SESSION_NAME`),
// exchanged through STS AssumeRoleWithWebIdentity (an unsigned call). The token file is re-read on every refresh
// because Kubernetes rotates it. In the default chain this runs inside `ProfileCredentialProvider`, where the profile's
// `web_identity_token_file` / `role_arn` also count; this type alone reads the environment only.

import Foundation

/// Credentials from a web identity token file (environment-configured).
///
/// ```swift
/// // AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token AWS_ROLE_ARN=arn:…
/// let credentials = try await WebIdentityCredentialProvider().resolve(context)
/// ```
public struct WebIdentityCredentialProvider: CredentialProvider {
    /// `web-identity`.
    public let name = "web-identity"

    /// Creates the provider.
    public init() {}

    /// Exchanges the token for role credentials when both variables are set.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        guard let tokenFile = context.environment["AWS_WEB_IDENTITY_TOKEN_FILE"].nonEmpty,
            let roleArn = context.environment["AWS_ROLE_ARN"].nonEmpty
        else { return nil }
        return try await Self.assume(
            roleArn: roleArn, tokenFile: tokenFile,
            sessionName: context.environment["AWS_ROLE_SESSION_NAME"].nonEmpty, context: context, source: name)
    }

    /// Reads `tokenFile` and calls AssumeRoleWithWebIdentity.
    static func assume(
        roleArn: String, tokenFile: String, sessionName: String?, context: CredentialContext, source: String
    ) async throws -> AWSCredentials {
        guard let data = FileManager.default.contents(atPath: context.expandHome(tokenFile)) else {
            throw CredentialError("cannot read the web identity token file \(tokenFile)")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingWhitespace()
        let region = RegionResolver.resolve(context: context) ?? "us-east-1"
        let sts = STSClient(client: try AWSClient.anonymous(context: context, region: region))
        let session = sessionName ?? "infra-manifest-\(Int(context.now().timeIntervalSince1970))"
        var credentials = try await sts.assumeRoleWithWebIdentity(
            roleArn: roleArn, sessionName: session, webIdentityToken: token)
        credentials.source = source
        return credentials
    }
}
