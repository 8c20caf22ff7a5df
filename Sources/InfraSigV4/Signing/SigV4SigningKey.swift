// Task 3 of SigV4: the derived signing key, HMAC("AWS4"+secret, date) → region → service → "aws4_request".
// It changes only once a day per region and service, so callers that sign many requests derive it once.

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
    /// The derived key, ready to sign strings (secret; never printed).
    let mac: HMACSHA256Key

    /// Derives the key (task 3: kDate, kRegion, kService, kSigning).
    public init(credentials: SigV4Credentials, dateStamp: String, region: String, service: String) {
        accessKeyId = credentials.accessKeyId
        self.dateStamp = dateStamp
        self.region = region
        self.service = service
        let secret = Array(credentials.secretAccessKey.utf8)
        let scope = Array(dateStamp.utf8) + Array(region.utf8) + Array(service.utf8)
        let dateEnd = dateStamp.utf8.count
        let regionEnd = dateEnd + region.utf8.count
        mac = secret.withUnsafeBufferPointer { secret in
            scope.withUnsafeBufferPointer { scope in
                Self.derive(
                    secret: secret, dateStamp: UnsafeBufferPointer(rebasing: scope[0..<dateEnd]),
                    region: UnsafeBufferPointer(rebasing: scope[dateEnd..<regionEnd]),
                    service: UnsafeBufferPointer(rebasing: scope[regionEnd...]))
            }
        }
    }

    /// Task 3 on raw bytes: the signing key for `secret` and the scope, ready to sign strings to sign.
    static func derive(
        secret: UnsafeBufferPointer<UInt8>, dateStamp: UnsafeBufferPointer<UInt8>, region: UnsafeBufferPointer<UInt8>,
        service: UnsafeBufferPointer<UInt8>
    ) -> HMACSHA256Key {
        let kSigning = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 + secret.count) { prefixed in
            _ = prefixed.initialize(from: "AWS4".utf8)
            _ = UnsafeMutableBufferPointer(rebasing: prefixed[4...]).initialize(from: secret)
            let kDate = HMACSHA256Key.code(
                key: UnsafeRawBufferPointer(UnsafeBufferPointer(prefixed)), message: UnsafeRawBufferPointer(dateStamp))
            let kRegion = kDate.withUnsafeBytes { HMACSHA256Key.code(key: $0, message: UnsafeRawBufferPointer(region)) }
            let kService = kRegion.withUnsafeBytes {
                HMACSHA256Key.code(key: $0, message: UnsafeRawBufferPointer(service))
            }
            return kService.withUnsafeBytes {
                HMACSHA256Key.code(key: $0, message: UnsafeRawBufferPointer(Bytes.span("aws4_request")))
            }
        }
        return HMACSHA256Key(kSigning)
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
