// Remembers derived signing keys per (access key, secret, date, region, service), as the AWS SDKs do:
// task 3 costs four HMACs and its result changes only once a day, so a batch signer derives each key once.

/// A cache of ``SigV4SigningKey`` values, keyed by credentials and scope (the secret included, so a rotated
/// secret with the same access key id never reuses a stale key).
///
/// ```swift
/// var cache = SigV4SigningKeyCache()
/// let key = cache.key(credentials: credentials, dateStamp: "20150830", region: "us-east-1", service: "iam")
/// ```
public struct SigV4SigningKeyCache: Sendable {
    private struct Scope: Hashable {
        var accessKeyId: String
        var secretAccessKey: String
        var dateStamp: String
        var region: String
        var service: String
    }

    private var keys = [Scope: SigV4SigningKey]()
    /// The scope of the last lookup and its key: consecutive requests usually share both.
    private var last: (scope: Scope, key: SigV4SigningKey)?

    /// Creates an empty cache.
    public init() {}

    /// The number of distinct keys derived so far.
    public var count: Int { keys.count }

    /// The signing key for `credentials` and the scope, derived on first use.
    public mutating func key(
        credentials: SigV4Credentials, dateStamp: String, region: String, service: String
    ) -> SigV4SigningKey {
        let scope = Scope(
            accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, dateStamp: dateStamp,
            region: region, service: service)
        if let last, last.scope == scope { return last.key }
        let key: SigV4SigningKey
        if let cached = keys[scope] {
            key = cached
        } else {
            key = SigV4SigningKey(credentials: credentials, dateStamp: dateStamp, region: region, service: service)
            keys[scope] = key
        }
        last = (scope, key)
        return key
    }
}
