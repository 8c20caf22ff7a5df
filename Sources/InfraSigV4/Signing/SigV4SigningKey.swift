// Task 3 of SigV4: the derived signing key, HMAC("AWS4"+secret, date) → region → service → "aws4_request".
// It changes only once a day per region and service, so callers that sign many requests derive it once.

import Crypto

/// A derived SigV4 signing key for one access key, date, region and service.
///
/// ```swift
/// let key = SigV4SigningKey(credentials: credentials, dateStamp: "20150830", region: "us-east-1", service: "iam")
/// ```
public struct SigV4SigningKey: Sendable, Hashable {
    /// The access key id the key was derived for (used to check the key matches the credentials).
    public let accessKeyId: String
    /// The `YYYYMMDD` date of the scope.
    public let dateStamp: String
    /// The region of the scope.
    public let region: String
    /// The service of the scope.
    public let service: String
    /// The derived key bytes (secret; never printed).
    let keyBytes: [UInt8]

    /// Derives the key (task 3: kDate, kRegion, kService, kSigning).
    public init(credentials: SigV4Credentials, dateStamp: String, region: String, service: String) {
        accessKeyId = credentials.accessKeyId
        self.dateStamp = dateStamp
        self.region = region
        self.service = service
        var secret = Array("AWS4".utf8)
        secret.append(contentsOf: credentials.secretAccessKey.utf8)
        let kDate = HMAC<SHA256>.authenticationCode(for: Array(dateStamp.utf8), using: SymmetricKey(data: secret))
        let kRegion = HMAC<SHA256>.authenticationCode(for: Array(region.utf8), using: SymmetricKey(data: kDate))
        let kService = HMAC<SHA256>.authenticationCode(for: Array(service.utf8), using: SymmetricKey(data: kRegion))
        let kSigning = HMAC<SHA256>.authenticationCode(
            for: Array("aws4_request".utf8), using: SymmetricKey(data: kService))
        keyBytes = Array(kSigning)
    }

    /// `true` when this key signs for these credentials and scope.
    public func matches(credentials: SigV4Credentials, dateStamp: String, region: String, service: String) -> Bool {
        self.dateStamp == dateStamp && self.region == region && self.service == service
            && accessKeyId == credentials.accessKeyId
    }

    /// Two keys are equal when they were derived for the same access key and scope.
    public static func == (left: SigV4SigningKey, right: SigV4SigningKey) -> Bool {
        left.accessKeyId == right.accessKeyId && left.dateStamp == right.dateStamp && left.region == right.region
            && left.service == right.service
    }

    /// Hashes the access key and scope (never the secret).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(accessKeyId)
        hasher.combine(dateStamp)
        hasher.combine(region)
        hasher.combine(service)
    }
}
