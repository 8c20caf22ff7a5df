// Last in the chain: the EC2 instance profile via IMDSv2 — PUT /latest/api/token for a session token, then
// GET /latest/meta-data/iam/security-credentials/ (role name) and …/<role> (JSON). `AWS_EC2_METADATA_DISABLED=true`
// turns it off; `AWS_EC2_METADATA_SERVICE_ENDPOINT` moves it. Off EC2 it gives up after one short timeout.

/// Credentials from the EC2 instance metadata service (IMDSv2 only).
///
/// ```swift
/// let credentials = try await InstanceMetadataCredentialProvider().resolve(context)
/// ```
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    /// `instance-metadata`.
    public let name = "instance-metadata"
    /// How long to wait for the metadata service.
    public var timeout: Duration

    /// Creates the provider.
    public init(timeout: Duration = .seconds(1)) { self.timeout = timeout }

    /// Returns `nil` when the service does not answer (not on EC2).
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        if context.environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" { return nil }
        var base = context.environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].nonEmpty ?? "http://169.254.169.254"
        while base.hasSuffix("/") { base.removeLast() }
        let tokenResponse: HTTPResponse
        do {
            tokenResponse = try await context.transport.send(
                HTTPRequest(
                    method: "PUT", url: base + "/latest/api/token",
                    headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")]), timeout: timeout)
        } catch {
            context.logger.debug("instance metadata service not reachable; not on EC2")
            return nil
        }
        guard tokenResponse.status == 200 else { return nil }
        let headers = [("X-aws-ec2-metadata-token", tokenResponse.text)]
        let path = base + "/latest/meta-data/iam/security-credentials/"
        let roleResponse = try await context.transport.send(
            HTTPRequest(method: "GET", url: path, headers: headers), timeout: timeout)
        guard roleResponse.status == 200,
            let role = roleResponse.text.split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty
        else { return nil }
        let credentialResponse = try await context.transport.send(
            HTTPRequest(method: "GET", url: path + role, headers: headers), timeout: timeout)
        guard credentialResponse.status == 200 else {
            throw CredentialError("instance metadata: HTTP \(credentialResponse.status) for role \(role)")
        }
        return try ContainerCredentialProvider.parseCredentialJSON(credentialResponse.body, source: name)
    }
}
