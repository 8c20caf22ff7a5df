// The secret material a SigV4 signature is computed from.
// Kept as a plain value so the signer stays a pure function; `description` never reveals the secret.

/// AWS credentials used to sign a request: an access key pair and, for temporary credentials, a session token.
///
/// ```swift
/// let credentials = SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalr...")
/// ```
public struct SigV4Credentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key id (`AKIA…` for long-term keys, `ASIA…` for temporary ones). Not secret.
    public var accessKeyId: String
    /// The secret access key. Never printed or logged.
    public var secretAccessKey: String
    /// The session token of temporary credentials (`X-Amz-Security-Token`), or `nil`.
    public var sessionToken: String?

    /// Creates credentials from an access key pair and an optional session token.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// A redacted description that shows only the access key id.
    public var description: String {
        "SigV4Credentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>"
            + (sessionToken == nil ? ")" : ", sessionToken: <redacted>)")
    }
}
