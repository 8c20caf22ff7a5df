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
/// WorkloadRoles("prod", clusterName: "oves-prod", oidcProviderARN: eks.output("oidc_provider_arn"),
///               oidcIssuer: eks.output("oidc_issuer"), roles: [autoscaler])
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

    /// The variables of the `iam` module.
    public static let variables: [ConstructVariable] = [
        ConstructVariable("cluster_name", "string", "The cluster the roles belong to"),
        ConstructVariable("oidc_provider_arn", "string", "The cluster's OIDC provider ARN"),
        ConstructVariable("oidc_issuer", "string", "The cluster's OIDC issuer URL"),
        ConstructVariable(
            "roles",
            "map(object({ namespace = string, service_account = string, managed_policy_arns = list(string), policy = string }))",
            "IRSA roles by key; policy is JSON or \"\""),
        ConstructVariable("tags", "map(string)", "Tags for every resource"),
    ]

    /// The parameters as module inputs.
    public var inputs: [String: Expression] {
        [
            "cluster_name": .string(clusterName),
            "oidc_provider_arn": oidcProviderARN.expression,
            "oidc_issuer": oidcIssuer.expression,
            "roles": Expression.object(
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
                }),
            "tags": ConstructLiterals.map(tags),
        ]
    }

    /// One role, inline policy and attachments per entry of `roles`.
    public static func body(name: String, inputs: ConstructInputs) -> [any StackContent] {
        let n = ConstructNaming.local(name)
        let tags = inputs.stringMap("tags")
        let trust = IRSATrust.document(
            providerARN: inputs.string("oidc_provider_arn"), issuer: inputs.string("oidc_issuer"),
            namespace: .raw("each.value.namespace"), serviceAccount: .raw("each.value.service_account"))
        let roles = inputs.hcl("roles")
        return [
            AWSIAMRole(
                n, assumeRolePolicy: trust.json, name: "\(inputs.string("cluster_name"))-\(Expression.eachKey)",
                tags: tags
            ).forEach(inputs["roles"]),
            AWSIAMRolePolicy(n, policy: .raw("each.value.policy"), role: .raw("aws_iam_role.\(n)[each.key].id"))
                .forEach(.raw("{ for k, r in \(roles) : k => r if r.policy != \"\" }")),
            AWSIAMRolePolicyAttachment(
                n, policyArn: .raw("each.value.arn"), role: .raw("aws_iam_role.\(n)[each.value.role].name")
            )
            .forEach(
                .raw(
                    "merge([for k, r in \(roles) : { for arn in r.managed_policy_arns : \"${k}:${arn}\" => { role = k, arn = arn } }]...)"
                )),
        ]
    }

    /// The roles' ARNs by key.
    public static func outputs(name: String) -> [ConstructOutput] {
        let n = ConstructNaming.local(name)
        return [
            ConstructOutput("role_arns", .raw("{ for k, r in aws_iam_role.\(n) : k => r.arn }"), "Role ARNs by key")
        ]
    }
}
