// What a signing produces: the intermediate texts (for inspection and tests) and what goes on the wire.

/// The result of signing one request.
///
/// ```swift
/// let signed = SigV4.sign(request, credentials: credentials, region: "us-east-1", service: "sts", time: now)
/// signed.headers  // X-Amz-Date, X-Amz-Security-Token, Authorization … to add to the request
/// ```
public struct SigV4Signature: Sendable, Hashable {
    /// The canonical request (task 1).
    public var canonicalRequest: String
    /// The string to sign (task 2).
    public var stringToSign: String
    /// The lowercase hex signature (task 4).
    public var signature: String
    /// The `Authorization` header value (header mode), else `nil`.
    public var authorization: String?
    /// Headers the caller must add to the request, in order (header mode: date, token, payload hash, authorization).
    public var headers: [SigV4Header]
    /// The full query string to send (query and EKS-token modes): the original query plus the `X-Amz-*` parameters.
    public var signedQuery: String?
    /// The EKS bearer token `k8s-aws-v1.…` (EKS-token mode), else `nil`.
    public var eksToken: String?
}
