// STS (query protocol, XML responses): GetCallerIdentity for `whoami`, AssumeRole for `role_arn` profiles,
// AssumeRoleWithWebIdentity (unsigned) for IRSA.

import Foundation

/// The caller's identity as STS reports it.
///
/// ```swift
/// let identity = try await STSClient(client: client).getCallerIdentity()
/// print(identity.arn)
/// ```
public struct CallerIdentity: Sendable, Hashable {
    /// The 12-digit account id.
    public var account: String
    /// The ARN of the user or assumed role.
    public var arn: String
    /// The unique id of the principal.
    public var userId: String
}

/// Typed STS calls.
///
/// ```swift
/// let sts = STSClient(client: client)
/// ```
public struct STSClient: Sendable {
    /// The underlying client.
    public var client: AWSClient

    /// Creates the STS client.
    public init(client: AWSClient) { self.client = client }

    private func call(
        _ action: String, _ parameters: [(String, String)], unsigned: Bool = false
    ) async throws
        -> XMLNode
    {
        let body = FormEncoding.encode([("Action", action), ("Version", "2011-06-15")] + parameters)
        let response = try await client.send(
            AWSCall(
                service: .sts, action: action, method: "POST",
                headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                body: Array(body.utf8), unsigned: unsigned))
        guard let root = XMLNode.parse(response.body) else {
            throw AWSServiceError(
                code: "InvalidResponse", message: "\(action) returned a body that is not XML", requestId: nil,
                status: response.status, service: "sts")
        }
        return root
    }

    /// GetCallerIdentity: who these credentials are.
    public func getCallerIdentity() async throws -> CallerIdentity {
        let root = try await call("GetCallerIdentity", [])
        guard let result = root.find("GetCallerIdentityResult") else {
            throw AWSServiceError(
                code: "InvalidResponse", message: "no GetCallerIdentityResult", requestId: nil, status: 200,
                service: "sts")
        }
        return CallerIdentity(
            account: result.child("Account")?.text ?? "", arn: result.child("Arn")?.text ?? "",
            userId: result.child("UserId")?.text ?? "")
    }

    /// AssumeRole: temporary credentials of `roleArn` (with the MFA device's `serialNumber` and current
    /// `tokenCode` when the role requires MFA).
    public func assumeRole(
        roleArn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int? = nil,
        serialNumber: String? = nil, tokenCode: String? = nil
    ) async throws -> AWSCredentials {
        var parameters = [("RoleArn", roleArn), ("RoleSessionName", sessionName)]
        if let externalId { parameters.append(("ExternalId", externalId)) }
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        if let serialNumber, let tokenCode {
            parameters.append(("SerialNumber", serialNumber))
            parameters.append(("TokenCode", tokenCode))
        }
        return try Self.credentials(from: try await call("AssumeRole", parameters), source: "assume-role")
    }

    /// AssumeRoleWithWebIdentity (unsigned): temporary credentials of `roleArn` for an OIDC token.
    public func assumeRoleWithWebIdentity(
        roleArn: String, sessionName: String, webIdentityToken: String
    )
        async throws -> AWSCredentials
    {
        let root = try await call(
            "AssumeRoleWithWebIdentity",
            [("RoleArn", roleArn), ("RoleSessionName", sessionName), ("WebIdentityToken", webIdentityToken)],
            unsigned: true)
        return try Self.credentials(from: root, source: "web-identity")
    }

    static func credentials(from root: XMLNode, source: String) throws -> AWSCredentials {
        guard let node = root.find("Credentials"), let accessKey = node.child("AccessKeyId")?.text,
            let secret = node.child("SecretAccessKey")?.text
        else {
            throw AWSServiceError(
                code: "InvalidResponse", message: "no Credentials in the STS response", requestId: nil, status: 200,
                service: "sts")
        }
        return AWSCredentials(
            accessKeyId: accessKey, secretAccessKey: secret, sessionToken: node.child("SessionToken")?.text,
            expiration: node.child("Expiration").flatMap { ISO8601.parse($0.text) }, source: source)
    }
}
