// The EKS authentication token (`aws eks get-token`): a presigned STS GetCallerIdentity URL that carries the
// cluster name in the signed `x-k8s-aws-id` header, valid 60 seconds, base64url-encoded behind `k8s-aws-v1.`.

/// Builds EKS bearer tokens for kubectl's exec credential plugin.
///
/// ```swift
/// let token = EKSToken.make(cluster: "prod", credentials: credentials, region: "us-east-1", time: now)
/// ```
public enum EKSToken {
    /// The prefix every EKS token starts with.
    public static let prefix = "k8s-aws-v1."

    /// The presigned GetCallerIdentity request for `cluster` against the regional STS endpoint.
    public static func request(cluster: String, region: String) -> SigV4Request {
        SigV4Request(
            method: "GET", path: "/", query: "Action=GetCallerIdentity&Version=2011-06-15",
            headers: [SigV4Header("Host", "sts.\(region).amazonaws.com"), SigV4Header("x-k8s-aws-id", cluster)])
    }

    /// A `k8s-aws-v1.` token for `cluster` (signed for STS in `region`, expiring 60 s after `time`).
    public static func make(
        cluster: String, credentials: SigV4Credentials, region: String, time: SigV4Timestamp
    ) -> String {
        let signed = SigV4.sign(
            request(cluster: cluster, region: region), credentials: credentials, region: region, service: "sts",
            time: time, options: SigV4Options(mode: .eksToken(expiresIn: 60)))
        return signed.eksToken ?? ""
    }
}
