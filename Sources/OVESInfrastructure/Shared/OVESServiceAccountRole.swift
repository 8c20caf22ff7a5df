// An IAM role assumed by a Kubernetes ServiceAccount (IRSA). Terraform creates the role
// with a trust policy for `subject`; the Kubernetes side annotates the ServiceAccount with
// `arn(accountID:)`. Both read the same value.

/// An IAM role for a Kubernetes ServiceAccount (IRSA).
///
/// ```swift
/// let role = OVESEnvironment.prod.clusterAutoscalerRole
/// role.subject                                   // "system:serviceaccount:kube-system:cluster-autoscaler"
/// role.arn(accountID: "111122223333")            // "arn:aws:iam::111122223333:role/oves-prod-cluster-autoscaler"
/// ```
public struct OVESServiceAccountRole: Sendable, Hashable {
    /// The IAM role's name.
    public var roleName: String
    /// The ServiceAccount's namespace.
    public var namespace: String
    /// The ServiceAccount's name.
    public var serviceAccountName: String

    /// Creates a role description.
    public init(roleName: String, namespace: String, serviceAccountName: String) {
        self.roleName = roleName
        self.namespace = namespace
        self.serviceAccountName = serviceAccountName
    }

    /// The OIDC subject the role's trust policy must allow (`sub` claim of the projected token).
    public var subject: String { "system:serviceaccount:\(namespace):\(serviceAccountName)" }

    /// The role's ARN in the given AWS account.
    public func arn(accountID: String) -> String { "arn:aws:iam::\(accountID):role/\(roleName)" }
}
