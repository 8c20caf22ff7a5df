// The trust policy that lets one Kubernetes service account assume an IAM role through
// the cluster's OIDC provider (IAM Roles for Service Accounts), shared by the EKS add-on
// roles and by `WorkloadRoles`.

import InfraCore
import InfraTerraform

/// Trust policies for IAM Roles for Service Accounts (IRSA).
///
/// ```swift
/// IRSATrust.document(providerARN: cluster.oidcProviderARN, issuer: cluster.oidcIssuer,
///                    namespace: "kube-system", serviceAccount: "cluster-autoscaler")
/// ```
public enum IRSATrust {
    /// A trust policy allowing exactly `system:serviceaccount:<namespace>:<serviceAccount>`.
    ///
    /// `issuer` is the OIDC issuer URL with or without `https://`.
    public static func document(
        providerARN: Expr<String>, issuer: Expr<String>, namespace: Expr<String>, serviceAccount: Expr<String>
    ) -> IAMPolicyDocument {
        let host: Expr<String> = Fn.replace(issuer, substr: "https://", replace: "")
        return IAMPolicyDocument {
            IAMStatement(
                effect: .allow, actions: ["sts:AssumeRoleWithWebIdentity"], principals: [.federated(providerARN)],
                conditions: [
                    .stringEquals("\(host):sub", "system:serviceaccount:\(namespace):\(serviceAccount)"),
                    .stringEquals("\(host):aud", "sts.amazonaws.com"),
                ])
        }
    }

    /// Whether `name` is a valid Kubernetes namespace or service account name (DNS-1123 label/subdomain).
    public static func isValidKubernetesName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 253, let first = name.first, let last = name.last else { return false }
        let allowed = name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "." }
        return allowed && (first.isLowercase || first.isNumber) && (last.isLowercase || last.isNumber)
    }
}
