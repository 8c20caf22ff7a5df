// ECS tasks and EKS Pod Identity: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on 169.254.170.2) or
// `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (wins) or
// `AWS_CONTAINER_AUTHORIZATION_TOKEN` as the Authorization header. The endpoint answers JSON with AccessKeyId,
// SecretAccessKey, Token, Expiration.
//
// Where the token may go (AWS SDKs and Tools reference guide, "Container credential provider"; aws-sdk-go-v2
// `config/resolve_credentials.go`, aws-config (Rust) `ecs.rs`, botocore `ContainerMetadataFetcher`): a full URI over
// https may name any host; over plain http its host must be a loopback address (127.0.0.0/8, ::1), the ECS endpoint
// 169.254.170.2 or the EKS Pod Identity endpoints 169.254.170.23 / fd00:ec2::23 — and a host name must resolve only to
// such addresses. Anything else is an error before any request. We go one step further than the SDKs: a checked
// http host name is sent to the address it resolved to (with its own `Host` header), so a second lookup cannot send
// the token elsewhere; and redirects are never followed (`HTTPTransport`).

import Foundation
import InfraCore

/// Credentials from the container credentials endpoint.
///
/// ```swift
/// // AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/…
/// let credentials = try await ContainerCredentialProvider().resolve(context)
/// ```
public struct ContainerCredentialProvider: CredentialProvider {
    /// `container`.
    public let name = "container"
    /// Resolves a full URI's host name (injected by tests).
    public var resolveHost: @Sendable (String) async throws -> [String]

    /// Creates the provider.
    public init(resolveHost: @escaping @Sendable (String) async throws -> [String] = HostResolver.system) {
        self.resolveHost = resolveHost
    }

    /// The ECS task endpoint's address.
    public static let ecsHost = "169.254.170.2"

    /// A checked destination: the URL to send to and the `Host` header to send.
    struct Target: Sendable, Hashable {
        var url: String
        var hostHeader: String
    }

    /// Calls the endpoint when one of the URI variables is set.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        let target: Target
        if let relative = context.environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"].nonEmpty {
            target = try Self.relativeTarget(relative)
        } else if let full = context.environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"].nonEmpty {
            target = try await checkedTarget(full)
        } else {
            return nil
        }
        var headers = [("Host", target.hostHeader)]
        if let token = try Self.authorizationToken(context) { headers.append(("Authorization", token)) }
        let response: HTTPResponse
        do {
            response = try await context.transport.send(
                HTTPRequest(method: "GET", url: target.url, headers: headers), timeout: .seconds(2))
        } catch let error as TransportError {
            throw CredentialError("container credentials endpoint \(target.hostHeader) did not answer: \(error)")
        }
        if (300..<400).contains(response.status) {
            throw CredentialError(
                "container credentials endpoint \(target.hostHeader) answered with a redirect (HTTP \(response.status)); "
                    + "redirects are not followed, so the authorization token stays with the configured host")
        }
        guard response.status == 200 else {
            throw CredentialError(
                "container credentials endpoint \(target.hostHeader) answered HTTP \(response.status)")
        }
        return try Self.parseCredentialJSON(response.body, source: name)
    }

    /// `http://169.254.170.2` + the relative URI, which must be a path (so nothing can change the host).
    static func relativeTarget(_ relative: String) throws -> Target {
        guard relative.hasPrefix("/"), let url = try? ParsedURL.parse("http://\(ecsHost)\(relative)"),
            url.host == ecsHost, url.port == nil
        else {
            throw CredentialError(
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must be a path starting with `/` on \(ecsHost), not "
                    + "\"\(relative.debugSafe)\"")
        }
        return Target(url: "http://\(ecsHost)\(relative)", hostHeader: ecsHost)
    }

    /// The checked destination of a full URI; throws (before any request) when plain http names a host the token
    /// may not go to.
    func checkedTarget(_ full: String) async throws -> Target {
        let url: ParsedURL
        do {
            url = try ParsedURL.parse(full)
        } catch {
            throw CredentialError("AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL: \(error)")
        }
        let pathAndQuery = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?" + $0 } ?? "")
        if url.scheme == "https" {
            return Target(url: "https://\(url.authority)\(pathAndQuery)", hostHeader: url.authority)
        }
        let literal = url.isIPv6 || IPAddress.parseIPv4(url.host) != nil
        let addresses = literal ? [url.host] : try await resolveHost(url.host)
        let refused = addresses.filter { !Self.isAllowedHTTPAddress($0) }
        guard !addresses.isEmpty, refused.isEmpty else {
            throw CredentialError(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI uses plain http to \(url.host)"
                    + (literal ? "" : " (\(addresses.joined(separator: ", ")))")
                    + "; over http only loopback addresses, 169.254.170.2, 169.254.170.23 and fd00:ec2::23 are "
                    + "allowed (use https for any other host)")
        }
        // IPv4 first: a name such as localhost resolves to both, and local agents usually listen on IPv4.
        let pinned = addresses.first { IPAddress.parseIPv4($0) != nil } ?? addresses[0]
        let pinnedHost = pinned.contains(":") ? "[\(pinned)]" : pinned
        return Target(
            url: "http://\(pinnedHost)\(url.port.map { ":\($0)" } ?? "")\(pathAndQuery)", hostHeader: url.authority)
    }

    /// `true` for the addresses plain http may reach: 127.0.0.0/8, ::1, 169.254.170.2, 169.254.170.23, fd00:ec2::23.
    static func isAllowedHTTPAddress(_ address: String) -> Bool {
        if let bytes = IPAddress.parseIPv4(address) {
            return bytes[0] == 127 || bytes == [169, 254, 170, 2] || bytes == [169, 254, 170, 23]
        }
        if let bytes = IPAddress.parseIPv6(address) {
            return bytes == IPAddress.parseIPv6("::1") || bytes == IPAddress.parseIPv6("fd00:ec2::23")
        }
        return false
    }

    /// The Authorization value: the token file (re-read every time; it is rotated) wins over the variable. A value
    /// with line breaks or other control characters is refused — it would split the header.
    static func authorizationToken(_ context: CredentialContext) throws -> String? {
        let token: String
        if let tokenFile = context.environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].nonEmpty {
            guard let data = FileManager.default.contents(atPath: context.expandHome(tokenFile)) else {
                throw CredentialError("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile)")
            }
            token = String(decoding: data, as: UTF8.self).trimmingWhitespace()
        } else if let value = context.environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].nonEmpty {
            token = value
        } else {
            return nil
        }
        if token.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw CredentialError(
                "the container authorization token contains line breaks or control characters; refusing to send it")
        }
        return token.isEmpty ? nil : token
    }

    /// Parses the JSON shape shared by the container endpoint and IMDS.
    static func parseCredentialJSON(_ body: [UInt8], source: String) throws -> AWSCredentials {
        guard let object = try? JSONReader.read(body),
            let accessKey = object["AccessKeyId"]?.stringValue, let secret = object["SecretAccessKey"]?.stringValue
        else { throw CredentialError("\(source): the credentials response is not the expected JSON") }
        return AWSCredentials(
            accessKeyId: accessKey, secretAccessKey: secret, sessionToken: object["Token"]?.stringValue,
            expiration: object["Expiration"]?.stringValue.flatMap(ISO8601.parse), source: source)
    }
}
