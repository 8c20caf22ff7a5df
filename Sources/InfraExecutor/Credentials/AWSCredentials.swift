// Resolved credentials plus where they came from and when they expire. Printing, `dump()`, string interpolation and
// debuggers see the access key id, source and expiry only — never the secret access key or the session token.

import Foundation
import InfraSigV4

/// Credentials resolved by a provider.
///
/// ```swift
/// let credentials = AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret", source: "environment")
/// ```
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The access key id.
    public var accessKeyId: String
    /// The secret access key (never printed).
    public var secretAccessKey: String
    /// The session token of temporary credentials (never printed).
    public var sessionToken: String?
    /// When temporary credentials expire; `nil` for long-term keys.
    public var expiration: Date?
    /// The provider that produced them, e.g. `environment`, `profile default`, `assume-role`.
    public var source: String

    /// Creates credentials.
    public init(
        accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil,
        source: String
    ) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// The signer's view of these credentials.
    public var sigV4: SigV4Credentials {
        SigV4Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    /// `true` when the credentials expire within `margin` of `now`.
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) < margin
    }

    /// A redacted description (access key id and source only).
    public var description: String {
        "AWSCredentials(accessKeyId: \(accessKeyId), source: \(source)"
            + (expiration.map { ", expires: \(ISO8601.format($0))" } ?? "") + ", secretAccessKey: <redacted>"
            + (sessionToken == nil ? "" : ", sessionToken: <redacted>") + ")"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// The non-secret fields, with the secrets shown as `<redacted>` (what `dump()` and debuggers print).
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": accessKeyId, "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
                "expiration": expiration.map(ISO8601.format) ?? "nil", "source": source,
            ], displayStyle: .struct)
    }
}

/// Why credentials could not be resolved.
///
/// ```swift
/// throw CredentialError("profile \"dev\" not found in ~/.aws/config")
/// ```
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The explanation.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The explanation.
    public var description: String { message }
}
