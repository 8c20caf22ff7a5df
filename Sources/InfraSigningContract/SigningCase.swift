// One decoded case of the signing contract (`shared/testdata/sigv4/README.md`): everything `SigV4.sign` needs.
// Public so batch callers (the `sigv4-bench` runner, tools) can parse a file once and sign the cases themselves.

import InfraSigV4

/// The signer's inputs read from one contract case object.
///
/// ```swift
/// for item in try SigningContract.cases(in: bytes) {
///     let signed = SigV4.sign(item.request, credentials: item.credentials, region: item.region,
///                             service: item.service, time: item.time, options: item.options)
/// }
/// ```
public struct SigningCase: Sendable, Hashable {
    /// The request to sign.
    public var request: SigV4Request
    /// The credentials to sign with.
    public var credentials: SigV4Credentials
    /// The region of the credential scope.
    public var region: String
    /// The service of the credential scope.
    public var service: String
    /// The signing time.
    public var time: SigV4Timestamp
    /// Header or query signing and the S3 switches.
    public var options: SigV4Options

    /// Creates a case from the signer's inputs.
    public init(
        request: SigV4Request, credentials: SigV4Credentials, region: String, service: String, time: SigV4Timestamp,
        options: SigV4Options
    ) {
        self.request = request
        self.credentials = credentials
        self.region = region
        self.service = service
        self.time = time
        self.options = options
    }

    /// Signs the case, taking the signing key from `cache` (deriving and storing it on first use).
    ///
    /// ```swift
    /// var cache = SigV4SigningKeyCache()
    /// let signature = item.sign(cache: &cache).signature
    /// ```
    public func sign(cache: inout SigV4SigningKeyCache) -> SigV4Signature {
        let key = cache.key(credentials: credentials, dateStamp: time.dateStamp, region: region, service: service)
        return SigV4.sign(
            request, credentials: credentials, region: region, service: service, time: time, options: options,
            signingKey: key)
    }
}
