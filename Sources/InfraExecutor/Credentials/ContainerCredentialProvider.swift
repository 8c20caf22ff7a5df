// ECS tasks and EKS Pod Identity: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on 169.254.170.2) or
// `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN` or `…_TOKEN_FILE` as the
// Authorization header. The endpoint answers JSON with AccessKeyId, SecretAccessKey, Token, Expiration.

import Foundation

/// Credentials from the container credentials endpoint.
///
/// ```swift
/// // AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/…
/// let credentials = try await ContainerCredentialProvider().resolve(context)
/// ```
public struct ContainerCredentialProvider: CredentialProvider {
    /// `container`.
    public let name = "container"

    /// Creates the provider.
    public init() {}

    /// Calls the endpoint when one of the URI variables is set.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        let url: String
        if let relative = context.environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"].nonEmpty {
            url = "http://169.254.170.2" + relative
        } else if let full = context.environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"].nonEmpty {
            url = full
        } else {
            return nil
        }
        var headers = [(String, String)]()
        if let tokenFile = context.environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].nonEmpty {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw CredentialError("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile)")
            }
            headers.append(("Authorization", String(decoding: data, as: UTF8.self).trimmingWhitespace()))
        } else if let token = context.environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].nonEmpty {
            headers.append(("Authorization", token))
        }
        let response: HTTPResponse
        do {
            response = try await context.transport.send(
                HTTPRequest(method: "GET", url: url, headers: headers), timeout: .seconds(2))
        } catch {
            throw CredentialError("container credentials endpoint did not answer: \(error)")
        }
        guard response.status == 200 else {
            throw CredentialError("container credentials endpoint answered HTTP \(response.status)")
        }
        return try Self.parseCredentialJSON(response.body, source: name)
    }

    /// Parses the JSON shape shared by the container endpoint and IMDS.
    static func parseCredentialJSON(_ body: [UInt8], source: String) throws -> AWSCredentials {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
            let accessKey = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String
        else { throw CredentialError("\(source): the credentials response is not the expected JSON") }
        return AWSCredentials(
            accessKeyId: accessKey, secretAccessKey: secret, sessionToken: object["Token"] as? String,
            expiration: (object["Expiration"] as? String).flatMap(ISO8601.parse), source: source)
    }
}
