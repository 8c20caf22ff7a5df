// `EKSAccessEntry`: who may use an `EKSCluster`'s Kubernetes API — an IAM principal (usually an
// operator role), the Kubernetes groups it is mapped to (for RoleBindings the manifests define)
// and the EKS access policies associated with it, cluster-wide or in some namespaces. With the
// cluster's authentication mode `API`, these entries are the only way in (no aws-auth ConfigMap).

import InfraCore
import InfraTerraform

/// An IAM principal's access to an ``EKSCluster``: Kubernetes groups and EKS access policies.
///
/// ```swift
/// EKSAccessEntry(principalARN: "arn:aws:iam::123456789012:role/platform-admin",
///                kubernetesGroups: ["oves:platform-admins"], policies: [.init(.clusterAdmin)])
/// EKSAccessEntry(principalARN: "arn:aws:iam::123456789012:role/developer",
///                kubernetesGroups: ["oves:developers"], policies: [.init(.view, namespaces: ["dev"])])
/// ```
public struct EKSAccessEntry: Sendable, Hashable {
    /// An EKS access policy (`arn:aws:eks::aws:cluster-access-policy/<name>`).
    public enum AccessPolicy: Sendable, Hashable {
        /// `AmazonEKSClusterAdminPolicy`: everything, cluster-wide (like `cluster-admin`).
        case clusterAdmin
        /// `AmazonEKSAdminPolicy`: namespace administration including Roles and RoleBindings.
        case admin
        /// `AmazonEKSEditPolicy`: edit most objects (like `edit`).
        case edit
        /// `AmazonEKSViewPolicy`: read most objects, not Secrets (like `view`).
        case view
        /// `AmazonEKSAdminViewPolicy`: read everything, Secrets included.
        case adminView
        /// Another access policy, by ARN.
        case custom(String)

        /// The policy's ARN.
        public var arn: String {
            let prefix = "arn:aws:eks::aws:cluster-access-policy/"
            switch self {
            case .clusterAdmin: return prefix + "AmazonEKSClusterAdminPolicy"
            case .admin: return prefix + "AmazonEKSAdminPolicy"
            case .edit: return prefix + "AmazonEKSEditPolicy"
            case .view: return prefix + "AmazonEKSViewPolicy"
            case .adminView: return prefix + "AmazonEKSAdminViewPolicy"
            case .custom(let arn): return arn
            }
        }
    }

    /// One access policy of an entry, for the whole cluster or for some namespaces.
    public struct PolicyAssociation: Sendable, Hashable {
        /// The access policy.
        public var policy: AccessPolicy
        /// The namespaces it applies in; empty: the whole cluster.
        public var namespaces: [String]

        /// Associates `policy`, cluster-wide unless `namespaces` are given.
        public init(_ policy: AccessPolicy, namespaces: [String] = []) {
            self.policy = policy
            self.namespaces = namespaces
        }
    }

    /// The IAM principal (role or user ARN).
    public var principalARN: String
    /// The Kubernetes groups the principal is mapped to (bound by RoleBindings in the manifests).
    public var kubernetesGroups: [String]
    /// The EKS access policies associated with the principal.
    public var policies: [PolicyAssociation]

    /// Creates an access entry.
    public init(principalARN: String, kubernetesGroups: [String] = [], policies: [PolicyAssociation] = []) {
        self.principalARN = principalARN
        self.kubernetesGroups = kubernetesGroups
        self.policies = policies
    }

    /// Principal, group and policy problems.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let parts = principalARN.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count != 6 || parts[0] != "arn" || parts[2] != "iam" || Int(parts[4]) == nil || parts[4].count != 12
            || !(parts[5].hasPrefix("role/") || parts[5].hasPrefix("user/"))
        {
            result.append(
                .error(
                    path,
                    "principal \"\(principalARN)\" is not an IAM role or user ARN (arn:aws:iam::<account>:role/<name>)")
            )
        }
        if kubernetesGroups.isEmpty && policies.isEmpty {
            result.append(.error(path, "the entry grants nothing: give Kubernetes groups or access policies"))
        }
        for group in kubernetesGroups where group.isEmpty || group.hasPrefix("system:") {
            result.append(.error(path, "Kubernetes group \"\(group)\" is empty or reserved (system:)"))
        }
        var seen: Set<String> = []
        for association in policies {
            if !seen.insert(association.policy.arn).inserted {
                result.append(.error(path, "access policy \(association.policy.arn) is associated twice"))
            }
            if !association.policy.arn.hasPrefix("arn:aws:eks::aws:cluster-access-policy/") {
                result.append(.error(path, "\(association.policy.arn) is not an EKS cluster access policy ARN"))
            }
            if association.policy == .clusterAdmin && !association.namespaces.isEmpty {
                result.append(.error(path, "AmazonEKSClusterAdminPolicy applies cluster-wide; drop the namespaces"))
            }
            for namespace in association.namespaces where !IRSATrust.isValidKubernetesName(namespace) {
                result.append(.error(path, "namespace \"\(namespace)\" is not a valid Kubernetes name"))
            }
        }
        return result
    }

    /// The entry as a literal object of the cluster module's `access_entries` map.
    var literal: Expression {
        Expression.object([("kubernetes_groups", ConstructLiterals.list(kubernetesGroups.sorted()))])
    }

    /// The entry's policy associations as `(key, object)` pairs of the module's `access_policy_associations` map.
    var associationLiterals: [(String, Expression)] {
        policies.map { association in
            (
                "\(principalARN) \(association.policy.arn)",
                Expression.object([
                    ("principal_arn", .string(principalARN)),
                    ("policy_arn", .string(association.policy.arn)),
                    ("namespaces", ConstructLiterals.list(association.namespaces.sorted())),
                ])
            )
        }
    }
}

extension EKSAccessEntry {
    /// The Terraform type of one entry in the `eks` module's `access_entries` variable (keyed by principal ARN).
    public enum Shape: TerraformTyped, Sendable {
        /// `object({ kubernetes_groups = list(string) })`
        public static var terraformTypeConstraint: String { "object({ kubernetes_groups = list(string) })" }
    }

    /// The Terraform type of one policy association in the `eks` module's `access_policy_associations` variable.
    public enum AssociationShape: TerraformTyped, Sendable {
        /// `object({ principal_arn = string, policy_arn = string, namespaces = list(string) })`
        public static var terraformTypeConstraint: String {
            "object({ principal_arn = string, policy_arn = string, namespaces = list(string) })"
        }
    }
}

extension Expr where T == EKSAccessEntry.Shape {
    /// `kubernetes_groups`: the Kubernetes groups of the principal.
    public var kubernetesGroups: Expr<[String]> { member("kubernetes_groups") }
}

extension Expr where T == EKSAccessEntry.AssociationShape {
    /// `principal_arn`: the IAM principal.
    public var principalARN: Expr<String> { member("principal_arn") }
    /// `policy_arn`: the EKS access policy.
    public var policyARN: Expr<String> { member("policy_arn") }
    /// `namespaces`: where the policy applies; empty: the whole cluster.
    public var namespaces: Expr<[String]> { member("namespaces") }
}
