// The IAM Identity Center portal (REST-JSON, unsigned; the bearer token goes in `x-amz-sso_bearer_token`):
// GetRoleCredentials turns a cached SSO access token into role credentials for one account and role.

import Foundation
import InfraCore

/// Typed SSO portal calls.
///
/// ```swift
/// let credentials = try await SSOPortalClient(client: client).getRoleCredentials(
///     accessToken: token.accessToken, accountId: "111122223333", roleName: "Admin")
/// ```
public struct SSOPortalClient: Sendable {
    /// The underlying client (its region is the SSO region).
    public var client: AWSClient

    /// Creates the client.
    public init(client: AWSClient) { self.client = client }

    /// GetRoleCredentials: temporary credentials of `roleName` in `accountId`.
    public func getRoleCredentials(
        accessToken: String, accountId: String, roleName: String
    ) async throws
        -> AWSCredentials
    {
        let response = try await client.send(
            AWSCall(
                service: .sso, action: "GetRoleCredentials", method: "GET", path: "/federation/credentials",
                query: FormEncoding.encode([("account_id", accountId), ("role_name", roleName)]),
                headers: [("x-amz-sso_bearer_token", accessToken)], unsigned: true))
        guard let object = try? JSONReader.read(response.body), let role = object["roleCredentials"],
            let accessKey = role["accessKeyId"]?.stringValue, let secret = role["secretAccessKey"]?.stringValue
        else {
            throw AWSServiceError(
                code: "InvalidResponse", message: "GetRoleCredentials returned no roleCredentials", requestId: nil,
                status: response.status, service: "sso")
        }
        let milliseconds: Double? =
            switch role["expiration"] {
            case .int(let value)?: Double(value)
            case .double(let value)?: value
            default: nil
            }
        let expiration = milliseconds.map { Date(timeIntervalSince1970: $0 / 1000) }
        return AWSCredentials(
            accessKeyId: accessKey, secretAccessKey: secret, sessionToken: role["sessionToken"]?.stringValue,
            expiration: expiration, source: "sso")
    }
}
