// The switches that distinguish S3 from other services and header signing from presigned URLs.
// Defaults match every service except S3; `SigV4Options.s3` gives S3's rules.

/// How the signature is carried.
///
/// ```swift
/// var options = SigV4Options(); options.mode = .query(expiresIn: 900)
/// ```
public enum SigV4Mode: Sendable, Hashable {
    /// An `Authorization` header (plus `X-Amz-Date` and friends).
    case header
    /// A presigned URL: the signature goes into the query string, valid for `expiresIn` seconds.
    case query(expiresIn: Int)
    /// An EKS bearer token: a presigned STS GetCallerIdentity URL, base64url-encoded behind `k8s-aws-v1.`.
    case eksToken(expiresIn: Int)
}

/// Options of one signing operation.
///
/// ```swift
/// let options = SigV4Options.s3  // no double encoding, no path normalisation, signed x-amz-content-sha256
/// ```
public struct SigV4Options: Sendable, Hashable {
    /// Header or query signing.
    public var mode: SigV4Mode
    /// Remove `.`/`..` and empty path segments before encoding (false for S3).
    public var normalizePath: Bool
    /// URI-encode the path again (false for S3, whose keys are already encoded once).
    public var doubleURIEncode: Bool
    /// Add and sign `x-amz-content-sha256` (header mode; S3 requires it).
    public var signedBodyHeader: Bool
    /// Add the session token after signing instead of signing it (some services, e.g. IoT, require this).
    public var omitSessionToken: Bool

    /// Creates options; the defaults are those of every service except S3, in header mode.
    public init(
        mode: SigV4Mode = .header, normalizePath: Bool = true, doubleURIEncode: Bool = true,
        signedBodyHeader: Bool = false, omitSessionToken: Bool = false
    ) {
        self.mode = mode
        self.normalizePath = normalizePath
        self.doubleURIEncode = doubleURIEncode
        self.signedBodyHeader = signedBodyHeader
        self.omitSessionToken = omitSessionToken
    }

    /// S3's rules: the wire path is used unchanged and `x-amz-content-sha256` is signed.
    public static let s3 = SigV4Options(normalizePath: false, doubleURIEncode: false, signedBodyHeader: true)
}
