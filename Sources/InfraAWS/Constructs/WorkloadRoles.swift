// `WorkloadRoles`: IAM roles for Kubernetes service accounts (IRSA) — each role trusts
// exactly one namespace/service account through the cluster's OIDC provider and carries
// managed policies and/or an inline policy (e.g. the cluster autoscaler's). Roles are named
// `<cluster>-<key>` exactly, so Kubernetes manifests can annotate service accounts with
// the ARN without reading Terraform state.

import InfraCore
import InfraTerraform

/// One IRSA role: who may assume it and what it may do.
///
/// ```swift
/// IRSARole("cluster-autoscaler", namespace: "kube-system", serviceAccount: "cluster-autoscaler",
///          policy: IAMPolicyDocument { IAMStatement(actions: ["autoscaling:SetDesiredCapacity"], resources: ["*"]) })
/// ```
public struct IRSARole: Sendable, Hashable {
    /// The role's key (unique within a ``WorkloadRoles``).
    public var name: String
    /// The Kubernetes namespace of the service account.
    public var namespace: String
    /// The service account's name.
    public var serviceAccount: String
    /// AWS managed or customer policy ARNs to attach.
    public var managedPolicyARNs: [String]
    /// An inline policy, if any.
    public var policy: IAMPolicyDocument?

    /// Creates a role.
    public init(
        _ name: String, namespace: String, serviceAccount: String, managedPolicyARNs: [String] = [],
        policy: IAMPolicyDocument? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.serviceAccount = serviceAccount
        self.managedPolicyARNs = managedPolicyARNs
        self.policy = policy
    }
}

/// IAM roles for service accounts of one cluster.
///
/// ```swift
/// WorkloadRoles("prod", clusterName: "oves-prod", oidcProviderARN: eks.outputs.oidcProviderARN,
///               oidcIssuer: eks.outputs.oidcIssuer, roles: [autoscaler])
/// ```
public struct WorkloadRoles: ModularConstruct {
    /// The construct's name.
    public var name: String
    /// The cluster the roles belong to (role name prefix).
    public var clusterName: String
    /// The cluster's OIDC provider ARN.
    public var oidcProviderARN: Expr<String>
    /// The cluster's OIDC issuer URL.
    public var oidcIssuer: Expr<String>
    /// The roles.
    public var roles: [IRSARole]
    /// Tags for every resource.
    public var tags: [String: String]
    /// The former construct name, for `moved` blocks.
    public var formerName: String?

    /// Creates the roles.
    public init(
        _ name: String, clusterName: String, oidcProviderARN: Expr<String>, oidcIssuer: Expr<String>, roles: [IRSARole],
        tags: [String: String] = [:], formerName: String? = nil
    ) {
        self.name = name
        self.clusterName = clusterName
        self.oidcProviderARN = oidcProviderARN
        self.oidcIssuer = oidcIssuer
        self.roles = roles
        self.tags = tags
        self.formerName = formerName
    }

    /// Invalid Kubernetes names, duplicate roles, empty or broken policies.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen: Set<String> = []
        for role in roles {
            let rolePath = path.appending("role").appending(role.name)
            if !seen.insert(role.name).inserted {
                result.append(.error(rolePath, "role \"\(role.name)\" is defined twice"))
            }
            if clusterName.count + role.name.count + 1 > 64 {
                result.append(
                    .error(rolePath, "role name \(clusterName)-\(role.name) is longer than IAM's 64 characters"))
            }
            if !ConstructNaming.isValidConstructName(role.name) {
                result.append(
                    .error(
                        rolePath, "role key \"\(role.name)\" must start with a letter and use letters, digits, - or _"))
            }
            for (label, value) in [("namespace", role.namespace), ("service account", role.serviceAccount)]
            where !IRSATrust.isValidKubernetesName(value) {
                result.append(.error(rolePath, "\(label) \"\(value)\" is not a valid Kubernetes name"))
            }
            if role.managedPolicyARNs.isEmpty && role.policy == nil {
                result.append(
                    .error(rolePath, "role \"\(role.name)\" grants nothing: give managed policies or a policy"))
            }
            result += role.policy?.diagnostics(at: rolePath.appending("policy")) ?? []
        }
        return result
    }

    /// The inputs of the `iam` module.
    public struct Inputs: ConstructInputSet {
        /// `cluster_name`: the cluster the roles belong to.
        public var clusterName: Expr<String> = nil
        /// `oidc_provider_arn`: the cluster's OIDC provider ARN.
        public var oidcProviderARN: Expr<String> = nil
        /// `oidc_issuer`: the cluster's OIDC issuer URL.
        public var oidcIssuer: Expr<String> = nil
        /// `roles`: IRSA roles by key.
        public var roles: Expr<[String: IRSARole.Shape]> = nil
        /// `tags`: tags for every resource.
        public var tags: Expr<[String: String]> = nil

        /// Every input `null`.
        public init() {}

        /// The variables of the `iam` module.
        public static var variables: [ConstructVariable<Inputs>] {
            [
                ConstructVariable(\.clusterName, "cluster_name", "The cluster the roles belong to"),
                ConstructVariable(\.oidcProviderARN, "oidc_provider_arn", "The cluster's OIDC provider ARN"),
                ConstructVariable(\.oidcIssuer, "oidc_issuer", "The cluster's OIDC issuer URL"),
                ConstructVariable(\.roles, "roles", "IRSA roles by key; policy is JSON or \"\""),
                ConstructVariable(\.tags, "tags", "Tags for every resource"),
            ]
        }
    }

    /// The parameters as module inputs.
    public var inputs: Inputs {
        var inputs = Inputs()
        inputs.clusterName = ConstructLiterals.string(clusterName)
        inputs.oidcProviderARN = oidcProviderARN
        inputs.oidcIssuer = oidcIssuer
        inputs.roles = Expr(
            Expression.object(
                roles.sorted { $0.name < $1.name }.map { role in
                    (
                        role.name,
                        Expression.object([
                            ("namespace", .string(role.namespace)),
                            ("service_account", .string(role.serviceAccount)),
                            ("managed_policy_arns", ConstructLiterals.list(role.managedPolicyARNs)),
                            ("policy", role.policy?.json.expression ?? .string("")),
                        ])
                    )
                }))
        inputs.tags = ConstructLiterals.stringMap(tags)
        return inputs
    }

    /// The values the roles expose.
    public struct Outputs: Sendable {
        /// `role_arns`: the roles' ARNs by key.
        public var roleARNs: Expr<[String: String]>
    }

    /// One role, inline policy and attachments per entry of `roles`.
    public static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs> {
        let n = ConstructNaming.local(name)
        let tags = inputs.tags
        let role = Each.of(inputs.roles).value
        let trust = IRSATrust.document(
            providerARN: inputs.oidcProviderARN, issuer: inputs.oidcIssuer, namespace: role.namespace,
            serviceAccount: role.serviceAccount)
        let roles = AWSIAMRole(
            n, assumeRolePolicy: trust.json, name: "\(inputs.clusterName)-\(Each<IRSARole.Shape>().key)", tags: tags
        ).forEach(inputs.roles)
        let withPolicy = inputs.roles.filter(as: "k", "r") { r in r.policy .!= "" }
        let attachments = Fn.merge(
            expanding: inputs.roles.map(as: "k", "r") { k, r in
                r.managedPolicyARNs.toMap(as: "arn") { arn in
                    ("\(k):\(arn)", IRSARole.AttachmentShape.object(role: k, arn: arn))
                }
            })
        let attachment = Each.of(attachments).value
        let content: [any StackContent] = [
            roles,
            AWSIAMRolePolicy(n, policy: role.policy, role: roles[Each<IRSARole.Shape>().key].id).forEach(withPolicy),
            AWSIAMRolePolicyAttachment(n, policyArn: attachment.arn, role: roles[attachment.role].nameRef)
                .forEach(attachments),
        ]
        return ConstructBody(content) { output in
            Outputs(
                roleARNs: output(
                    "role_arns", roles.eachInstance.mapValues(as: "k", "r") { r in r.arn }, "Role ARNs by key"))
        }
    }
}

extension IRSARole {
    /// The Terraform type of one role in the `iam` module's `roles` variable: the phantom type of
    /// `Expr<IRSARole.Shape>`, whose fields read typed (`each.value.serviceAccount`).
    public enum Shape: TerraformTyped, Sendable {
        /// `object({ namespace = string, service_account = string, managed_policy_arns = list(string), policy = string })`
        public static var terraformTypeConstraint: String {
            "object({ namespace = string, service_account = string, managed_policy_arns = list(string), policy = string })"
        }
    }

    /// One managed-policy attachment of a role: `{ role = <key>, arn = <policy ARN> }`.
    enum AttachmentShape {
        static func object(role: Expr<String>, arn: Expr<String>) -> Expr<AttachmentShape> {
            Expr(Expr<Value>.object(["role": role, "arn": arn]).expression)
        }
    }
}

extension Expr where T == IRSARole.Shape {
    /// `namespace`: the service account's namespace.
    public var namespace: Expr<String> { member("namespace") }
    /// `service_account`: the service account's name.
    public var serviceAccount: Expr<String> { member("service_account") }
    /// `managed_policy_arns`: managed policies to attach.
    public var managedPolicyARNs: Expr<[String]> { member("managed_policy_arns") }
    /// `policy`: the inline policy JSON, or `""`.
    public var policy: Expr<String> { member("policy") }
}

extension Expr where T == IRSARole.AttachmentShape {
    var role: Expr<String> { attribute("role") }
    var arn: Expr<String> { attribute("arn") }
}
