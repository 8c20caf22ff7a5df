// `eks-token`: the ExecCredential kubectl's exec plugin expects, carrying a `k8s-aws-v1.` token (a presigned STS
// GetCallerIdentity URL naming the cluster). Same token and 14-minute expiry as `aws eks get-token`. The STS host is
// the regional endpoint of the region's partition (`sts.cn-north-1.amazonaws.com.cn`, `sts.us-gov-west-1.
// amazonaws.com`), which is what the cluster's authenticator accepts — never an endpoint override.

import Foundation
import InfraCore
import InfraSigV4

/// Builds EKS tokens and ExecCredential documents for kubectl.
///
/// ```swift
/// let json = try EKSAuth.execCredential(cluster: "prod", credentials: credentials, region: "us-east-1", now: Date())
/// ```
public enum EKSAuth {
    /// The STS host a token for `region` is presigned for.
    public static func stsHost(region: String) throws -> String {
        try Endpoint.regional(service: .sts, region: region).host
    }

    /// A `k8s-aws-v1.` token for `cluster`, presigned for the regional STS endpoint of `region`'s partition and
    /// valid 60 seconds from `now`.
    public static func token(cluster: String, credentials: AWSCredentials, region: String, now: Date) throws -> String {
        let request = SigV4Request(
            method: "GET", path: "/", query: "Action=GetCallerIdentity&Version=2011-06-15",
            headers: [SigV4Header("Host", try stsHost(region: region)), SigV4Header("x-k8s-aws-id", cluster)])
        let time = SigV4Timestamp(secondsSince1970: Int64(now.timeIntervalSince1970.rounded(.down)))
        let signed = SigV4.sign(
            request, credentials: credentials.sigV4, region: region, service: "sts", time: time,
            options: SigV4Options(mode: .eksToken(expiresIn: 60)))
        guard let token = signed.eksToken else { throw CredentialError("the signer produced no EKS token") }
        return token
    }

    /// The ExecCredential JSON (client.authentication.k8s.io/v1beta1) for `cluster`.
    public static func execCredential(
        cluster: String, credentials: AWSCredentials, region: String, now: Date
    ) throws -> String {
        let token = try token(cluster: cluster, credentials: credentials, region: region, now: now)
        let expiry = ISO8601.format(now.addingTimeInterval(14 * 60))
        let document: Value = [
            "kind": "ExecCredential",
            "apiVersion": "client.authentication.k8s.io/v1beta1",
            "spec": .object(ValueObject()),
            "status": ["expirationTimestamp": .string(expiry), "token": .string(token)],
        ]
        return JSONWriter(sortKeys: false, pretty: false).string(document)
    }
}
