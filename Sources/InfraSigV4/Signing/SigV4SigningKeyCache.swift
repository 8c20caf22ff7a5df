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
        /// FNV-1a of the short fields' UTF-8: `String` hashing normalises Unicode, which costs more than the
        /// whole lookup should, and the secret need not be hashed (equality still compares it).
        var fingerprint: UInt64

        init(_ credentials: SigV4Credentials, _ dateStamp: String, _ region: String, _ service: String) {
            accessKeyId = credentials.accessKeyId
            secretAccessKey = credentials.secretAccessKey
            self.dateStamp = dateStamp
            self.region = region
            self.service = service
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ text: String) {
                for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                hash = (hash ^ 0xff) &* 0x100_0000_01b3
            }
            mix(dateStamp)
            mix(region)
            mix(service)
            mix(credentials.accessKeyId)
            fingerprint = hash
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(fingerprint)
        }

        static func == (left: Scope, right: Scope) -> Bool {
            left.fingerprint == right.fingerprint && left.dateStamp == right.dateStamp && left.region == right.region
                && left.service == right.service && left.accessKeyId == right.accessKeyId
                && left.secretAccessKey == right.secretAccessKey
        }
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
        let scope = Scope(credentials, dateStamp, region, service)
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
