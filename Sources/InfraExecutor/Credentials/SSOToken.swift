// An IAM Identity Center access token as `aws sso login` caches it in `~/.aws/sso/cache/<sha1>.json`: `accessToken`,
// `expiresAt`, and for `sso_session` logins also `refreshToken`, `clientId`, `clientSecret`, `registrationExpiresAt`,
// `region`, `startUrl`. Every other key of the file is kept when the token is written back. Printing, dumping or
// logging a token never shows the access token, refresh token or client secret.

import Foundation
import InfraCore

/// A cached SSO token.
///
/// ```swift
/// let token = try SSOToken(json: Array(data))
/// token.expires(within: 15 * 60, of: Date())
/// ```
public struct SSOToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The bearer token for the SSO portal (secret).
    public var accessToken: String
    /// When the access token expires.
    public var expiresAt: Date
    /// The OIDC refresh token (secret), when the login registered a client (`sso_session`).
    public var refreshToken: String?
    /// The OIDC client id of the registration.
    public var clientId: String?
    /// The OIDC client secret (secret).
    public var clientSecret: String?
    /// When the client registration expires (no refresh after that).
    public var registrationExpiresAt: Date?
    /// The SSO region.
    public var region: String?
    /// The start URL.
    public var startUrl: String?
    /// The other keys of the cache file, kept as they were.
    var otherFields: [String: JSONScalar]

    /// A JSON value kept from the file without interpreting it (a string, or any other value as its JSON text).
    enum JSONScalar: Sendable, Hashable {
        case string(String)
        case raw(String)
    }

    /// Creates a token.
    public init(
        accessToken: String, expiresAt: Date, refreshToken: String? = nil, clientId: String? = nil,
        clientSecret: String? = nil, registrationExpiresAt: Date? = nil, region: String? = nil, startUrl: String? = nil
    ) {
        self.accessToken = accessToken
        self.expiresAt = expiresAt
        self.refreshToken = refreshToken
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.registrationExpiresAt = registrationExpiresAt
        self.region = region
        self.startUrl = startUrl
        otherFields = [:]
    }

    /// Reads a cache file's JSON; throws when `accessToken` or a readable `expiresAt` is missing.
    public init(json: [UInt8]) throws {
        guard let object = (try? JSONReader.read(json))?.objectValue else {
            throw CredentialError("the SSO token cache file is not a JSON object")
        }
        guard let accessToken = object["accessToken"]?.stringValue, !accessToken.isEmpty else {
            throw CredentialError("the SSO token cache file has no accessToken")
        }
        guard let expiresText = object["expiresAt"]?.stringValue, let expiresAt = ISO8601.parse(expiresText) else {
            throw CredentialError("the SSO token cache file has no readable expiresAt")
        }
        self.init(
            accessToken: accessToken, expiresAt: expiresAt, refreshToken: object["refreshToken"]?.stringValue,
            clientId: object["clientId"]?.stringValue, clientSecret: object["clientSecret"]?.stringValue,
            registrationExpiresAt: object["registrationExpiresAt"]?.stringValue.flatMap(ISO8601.parse),
            region: object["region"]?.stringValue, startUrl: object["startUrl"]?.stringValue)
        let known: Set<String> = [
            "accessToken", "expiresAt", "refreshToken", "clientId", "clientSecret", "registrationExpiresAt", "region",
            "startUrl",
        ]
        for member in object where !known.contains(member.key) {
            if let text = member.value.stringValue {
                otherFields[member.key] = .string(text)
            } else {
                otherFields[member.key] = .raw(JSONWriter(sortKeys: true, pretty: false).string(member.value))
            }
        }
    }

    /// The cache file's JSON (the format `aws sso login` writes: times as `YYYY-MM-DDTHH:MM:SSZ`), sorted keys.
    public var json: [UInt8] {
        var fields: [(String, String)] = [
            ("accessToken", Self.quote(accessToken)), ("expiresAt", Self.quote(ISO8601.format(expiresAt))),
        ]
        if let refreshToken { fields.append(("refreshToken", Self.quote(refreshToken))) }
        if let clientId { fields.append(("clientId", Self.quote(clientId))) }
        if let clientSecret { fields.append(("clientSecret", Self.quote(clientSecret))) }
        if let registrationExpiresAt {
            fields.append(("registrationExpiresAt", Self.quote(ISO8601.format(registrationExpiresAt))))
        }
        if let region { fields.append(("region", Self.quote(region))) }
        if let startUrl { fields.append(("startUrl", Self.quote(startUrl))) }
        for (key, value) in otherFields {
            switch value {
            case .string(let text): fields.append((key, Self.quote(text)))
            case .raw(let text): fields.append((key, text))
            }
        }
        let body = fields.sorted { $0.0 < $1.0 }.map { Self.quote($0.0) + ": " + $0.1 }.joined(separator: ", ")
        return Array(("{" + body + "}\n").utf8)
    }

    /// `true` when the access token expires within `margin` seconds of `now`.
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        expiresAt.timeIntervalSince(now) < margin
    }

    /// `true` when the cache holds what a refresh needs and the client registration is still valid at `now`.
    public func canRefresh(at now: Date) -> Bool {
        guard refreshToken?.isEmpty == false, clientId?.isEmpty == false, clientSecret?.isEmpty == false,
            let registrationExpiresAt
        else { return false }
        return registrationExpiresAt > now
    }

    /// The expiry and start URL only.
    public var description: String {
        "SSOToken(expiresAt: \(ISO8601.format(expiresAt))" + (startUrl.map { ", startUrl: \($0)" } ?? "")
            + ", accessToken: <redacted>" + (refreshToken == nil ? "" : ", refreshToken: <redacted>") + ")"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Non-secret fields only, for `dump()` and debuggers.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "expiresAt": ISO8601.format(expiresAt), "startUrl": startUrl as Any, "region": region as Any,
                "accessToken": "<redacted>", "refreshToken": refreshToken == nil ? "nil" : "<redacted>",
            ], displayStyle: .struct)
    }

    private static func quote(_ text: String) -> String {
        JSONWriter(sortKeys: true, pretty: false).string(.string(text))
    }
}
