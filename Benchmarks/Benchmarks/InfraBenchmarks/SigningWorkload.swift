// A representative SigV4 request (an S3 PUT with a small body and a session token), so the
// signing benchmark measures canonicalisation, hashing and key derivation together.

import InfraSigV4

/// Fixed inputs for the SigV4 signing benchmark.
///
/// ```swift
/// let signature = SigningWorkload.sign()
/// ```
enum SigningWorkload {
    /// Example credentials (AWS documentation's example keys, not real ones).
    static let credentials = SigV4Credentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: "FQoGZXIvYXdzEXAMPLETOKEN")

    /// A fixed time, so every run signs exactly the same bytes.
    static let time = SigV4Timestamp(secondsSince1970: 1_700_000_000)

    /// An S3 `PutObject` of 1 KiB with query parameters and several headers.
    static let request = SigV4Request(
        method: "PUT", path: "/oves-scale-1/reports/2026/11/25/summary.json",
        query: "x-id=PutObject&versionId=null",
        headers: [
            SigV4Header("Host", "oves-scale-1.s3.us-east-1.amazonaws.com"),
            SigV4Header("Content-Type", "application/json"),
            SigV4Header("Content-Length", "1024"),
            SigV4Header("x-amz-meta-owner", "platform  team"),
        ],
        payload: .bytes(Array(repeating: 0x61, count: 1024)))

    /// Signs ``request`` with S3's rules, deriving the signing key afresh.
    static func sign(signingKey: SigV4SigningKey? = nil) -> SigV4Signature {
        SigV4.sign(
            request, credentials: credentials, region: "us-east-1", service: "s3", time: time, options: .s3,
            signingKey: signingKey)
    }

    /// The signing key for ``credentials`` on the day of ``time`` (what a client caches).
    static let signingKey = SigV4SigningKey(
        credentials: credentials, dateStamp: time.dateStamp, region: "us-east-1", service: "s3")
}
