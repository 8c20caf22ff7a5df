// IAM Identity Center OIDC (REST-JSON, unsigned): CreateToken with the `refresh_token` grant, which is how the AWS
// SDKs renew a cached `sso_session` token without a new browser login (botocore `SSOTokenProvider`).

import Foundation
import InfraCore

/// A token CreateToken returned.
///
/// ```swift
/// let refreshed = try await SSOOIDCClient(client: client).refresh(token)
/// ```
public struct SSOOIDCTokenResponse: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The new access token (secret).
    public var accessToken: String
    /// Seconds until it expires.
    public var expiresIn: Int
    /// A new refresh token, when the service rotated it (secret).
    public var refreshToken: String?

    /// Creates a response.
    public init(accessToken: String, expiresIn: Int, refreshToken: String? = nil) {
        self.accessToken = accessToken
        self.expiresIn = expiresIn
        self.refreshToken = refreshToken
    }

    /// The lifetime only.
    public var description: String { "SSOOIDCTokenResponse(expiresIn: \(expiresIn), accessToken: <redacted>)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// The lifetime only.
    public var customMirror: Mirror {
        Mirror(self, children: ["expiresIn": expiresIn, "accessToken": "<redacted>"], displayStyle: .struct)
    }
}

/// Typed SSO OIDC calls.
///
/// ```swift
/// let response = try await SSOOIDCClient(client: client).createToken(
///     clientId: id, clientSecret: secret, refreshToken: refresh)
/// ```
public struct SSOOIDCClient: Sendable {
    /// The underlying client (its region is the SSO region).
    public var client: AWSClient

    /// Creates the client.
    public init(client: AWSClient) { self.client = client }

    /// CreateToken with `grantType` `refresh_token`.
    public func createToken(
        clientId: String, clientSecret: String, refreshToken: String
    ) async throws
        -> SSOOIDCTokenResponse
    {
        let body = JSONWriter(sortKeys: true, pretty: false).write([
            "clientId": .string(clientId), "clientSecret": .string(clientSecret), "grantType": "refresh_token",
            "refreshToken": .string(refreshToken),
        ])
        let response = try await client.send(
            AWSCall(
                service: .ssoOIDC, action: "CreateToken", method: "POST", path: "/token",
                headers: [("Content-Type", "application/json")], body: body, unsigned: true))
        guard let object = try? JSONReader.read(response.body),
            let accessToken = object["accessToken"]?.stringValue, !accessToken.isEmpty,
            case .int(let expiresIn)? = object["expiresIn"]
        else {
            throw AWSServiceError(
                code: "InvalidResponse", message: "CreateToken returned no accessToken", requestId: nil,
                status: response.status, service: "sso-oidc")
        }
        return SSOOIDCTokenResponse(
            accessToken: accessToken, expiresIn: expiresIn, refreshToken: object["refreshToken"]?.stringValue)
    }
}
