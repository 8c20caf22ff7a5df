// `eks-token`: the ExecCredential kubectl's exec plugin expects, carrying a `k8s-aws-v1.` token (a presigned STS
// GetCallerIdentity URL naming the cluster). Same token and 14-minute expiry as `aws eks get-token`.

import Foundation
import InfraCore
import InfraSigV4

/// Builds ExecCredential documents for kubectl.
///
/// ```swift
/// let json = EKSAuth.execCredential(cluster: "prod", credentials: credentials, region: "us-east-1", now: Date())
/// ```
public enum EKSAuth {
    /// The ExecCredential JSON (client.authentication.k8s.io/v1beta1) for `cluster`.
    public static func execCredential(
        cluster: String, credentials: AWSCredentials, region: String, now: Date
    ) -> String {
        let time = SigV4Timestamp(secondsSince1970: Int64(now.timeIntervalSince1970.rounded(.down)))
        let token = EKSToken.make(cluster: cluster, credentials: credentials.sigV4, region: region, time: time)
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
