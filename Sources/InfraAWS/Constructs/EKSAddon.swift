// `EKSAddon`: one EKS add-on of an `EKSCluster` — its name, a pinned version, typed
// configuration values (written as the JSON string `configuration_values` takes), an optional
// IRSA role the cluster module creates for the add-on's ServiceAccount, and how conflicts with
// existing objects are resolved. `EKSAddon.pinnedVersions` is the version table the
// constructors use; check it against `aws eks describe-addon-versions` before a release.

import InfraCore
import InfraTerraform

/// An EKS add-on installed on an ``EKSCluster``.
///
/// ```swift
/// EKSAddon.vpcCNI(networkPolicy: true)
/// EKSAddon("metrics-server", version: "v0.8.1-eksbuild.5")
/// EKSAddon("aws-ebs-csi-driver", version: "v1.57.1-eksbuild.1",
///          serviceAccountRole: .init(namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa",
///                                    managedPolicyARNs: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]))
/// ```
public struct EKSAddon: Sendable, Hashable {
    /// What EKS does with fields of the add-on's Kubernetes objects that someone else changed.
    public enum ConflictResolution: String, Sendable, Hashable {
        /// Fail on a conflict.
        case none = "NONE"
        /// Overwrite the changed fields with the add-on's values.
        case overwrite = "OVERWRITE"
        /// Keep the changed fields (updates only; EKS refuses it on create).
        case preserve = "PRESERVE"
    }

    /// The IAM role the cluster module creates for the add-on's ServiceAccount (IRSA); EKS
    /// annotates the ServiceAccount with it (`service_account_role_arn`). The role is named
    /// `<cluster>-addon-<add-on name>`.
    public struct ServiceAccountRole: Sendable, Hashable {
        /// The namespace EKS installs the add-on's ServiceAccount in.
        public var namespace: String
        /// The add-on's ServiceAccount.
        public var serviceAccount: String
        /// AWS managed or customer policy ARNs to attach.
        public var managedPolicyARNs: [String]
        /// An inline policy, if any.
        public var policy: IAMPolicyDocument?

        /// Creates a role description.
        public init(
            namespace: String, serviceAccount: String, managedPolicyARNs: [String] = [],
            policy: IAMPolicyDocument? = nil
        ) {
            self.namespace = namespace
            self.serviceAccount = serviceAccount
            self.managedPolicyARNs = managedPolicyARNs
            self.policy = policy
        }
    }

    /// The add-on's name as EKS knows it (`vpc-cni`, `metrics-server`, …).
    public var name: String
    /// The pinned add-on version (`v1.21.1-eksbuild.3`); pinned so a plan never upgrades an add-on unasked.
    public var version: String
    /// The add-on's configuration values (a JSON object checked by the add-on's schema), or `nil`.
    public var configuration: Value?
    /// The IRSA role of the add-on's ServiceAccount, or `nil` when the add-on needs no AWS access.
    public var serviceAccountRole: ServiceAccountRole?
    /// Conflict resolution when the add-on is created (`NONE` or `OVERWRITE`).
    public var resolveConflictsOnCreate: ConflictResolution
    /// Conflict resolution when the add-on is updated.
    public var resolveConflictsOnUpdate: ConflictResolution
    /// Whether the add-on is installed before the node groups (networking: nodes need the CNI and
    /// kube-proxy to become ready); every other add-on waits for nodes to schedule its pods on.
    public var beforeNodes: Bool

    /// Creates an add-on.
    public init(
        _ name: String, version: String, configuration: Value? = nil, serviceAccountRole: ServiceAccountRole? = nil,
        resolveConflictsOnCreate: ConflictResolution = .overwrite,
        resolveConflictsOnUpdate: ConflictResolution = .overwrite, beforeNodes: Bool = false
    ) {
        self.name = name
        self.version = version
        self.configuration = configuration
        self.serviceAccountRole = serviceAccountRole
        self.resolveConflictsOnCreate = resolveConflictsOnCreate
        self.resolveConflictsOnUpdate = resolveConflictsOnUpdate
        self.beforeNodes = beforeNodes
    }

    /// The role name the cluster module gives the add-on's IRSA role: `<cluster>-addon-<name>`.
    public static func roleName(cluster: String, addon: String) -> String { "\(cluster)-addon-\(addon)" }

    /// Name, version, configuration and role problems.
    public func diagnostics(at path: ComponentPath, cluster: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if !IRSATrust.isValidKubernetesName(name) {
            result.append(.error(path, "add-on name \"\(name)\" is not a valid EKS add-on name"))
        }
        if !Self.isPinnedVersion(version) {
            result.append(
                .error(
                    path, "add-on version \"\(version)\" is not a pinned EKS build such as v1.21.1-eksbuild.3",
                    hint: "list them with aws eks describe-addon-versions --addon-name \(name)"))
        }
        if let configuration, case .object = configuration {
        } else if configuration != nil {
            result.append(.error(path, "the configuration values of \(name) must be a JSON object"))
        }
        if resolveConflictsOnCreate == .preserve {
            result.append(.error(path, "PRESERVE resolves conflicts on update only; use NONE or OVERWRITE on create"))
        }
        if let role = serviceAccountRole {
            let rolePath = path.appending("role")
            let roleName = Self.roleName(cluster: cluster, addon: name)
            if roleName.count > 64 {
                result.append(.error(rolePath, "role name \(roleName) is longer than IAM's 64 characters"))
            }
            for (label, value) in [("namespace", role.namespace), ("service account", role.serviceAccount)]
            where !IRSATrust.isValidKubernetesName(value) {
                result.append(.error(rolePath, "\(label) \"\(value)\" is not a valid Kubernetes name"))
            }
            if role.managedPolicyARNs.isEmpty && role.policy == nil {
                result.append(.error(rolePath, "the role of \(name) grants nothing: give managed policies or a policy"))
            }
            result += role.policy?.diagnostics(at: rolePath.appending("policy")) ?? []
        }
        return result
    }

    /// Whether `version` looks like an EKS add-on build: `v<major>.<minor>.<patch>-eksbuild.<n>`.
    static func isPinnedVersion(_ version: String) -> Bool {
        guard version.hasPrefix("v") else { return false }
        let parts = version.dropFirst().split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[1].hasPrefix("eksbuild."),
            Int(parts[1].dropFirst("eksbuild.".count)) != nil
        else { return false }
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return numbers.count == 3 && numbers.allSatisfy { Int($0) != nil }
    }

    /// The add-on as a literal object of the cluster module's `addons` map.
    var literal: Expression {
        let role = serviceAccountRole
        return Expression.object([
            ("addon_version", .string(version)),
            (
                "configuration_values",
                configuration.map { Fn.jsonencode(Expr<Value>(ConstructLiterals.value($0))).expression }
                    ?? .string("")
            ),
            ("resolve_conflicts_on_create", .string(resolveConflictsOnCreate.rawValue)),
            ("resolve_conflicts_on_update", .string(resolveConflictsOnUpdate.rawValue)),
            ("before_nodes", Expression(.bool(beforeNodes))),
            ("namespace", .string(role?.namespace ?? "")),
            ("service_account", .string(role?.serviceAccount ?? "")),
            ("managed_policy_arns", ConstructLiterals.list(role?.managedPolicyARNs ?? [])),
            ("policy", role?.policy?.json.expression ?? .string("")),
        ])
    }
}

extension EKSAddon {
    /// The Terraform type of one add-on in the `eks` module's `addons` variable: the phantom type of
    /// `Expr<EKSAddon.Shape>`, whose fields read typed (`each.value.addonVersion`).
    public enum Shape: TerraformTyped, Sendable {
        /// `object({ addon_version = string, configuration_values = string, … })`
        public static var terraformTypeConstraint: String {
            "object({ addon_version = string, configuration_values = string, resolve_conflicts_on_create = string, resolve_conflicts_on_update = string, before_nodes = bool, namespace = string, service_account = string, managed_policy_arns = list(string), policy = string })"
        }
    }
}

extension Expr where T == EKSAddon.Shape {
    /// `addon_version`: the pinned add-on version.
    public var addonVersion: Expr<String> { member("addon_version") }
    /// `configuration_values`: the configuration JSON, or `""`.
    public var configurationValues: Expr<String> { member("configuration_values") }
    /// `resolve_conflicts_on_create`: `NONE` or `OVERWRITE`.
    public var resolveConflictsOnCreate: Expr<String> { member("resolve_conflicts_on_create") }
    /// `resolve_conflicts_on_update`: `NONE`, `OVERWRITE` or `PRESERVE`.
    public var resolveConflictsOnUpdate: Expr<String> { member("resolve_conflicts_on_update") }
    /// `before_nodes`: whether the add-on is installed before the node groups.
    public var beforeNodes: Expr<Bool> { member("before_nodes") }
    /// `namespace`: the namespace of the add-on's ServiceAccount, or `""` without a role.
    public var namespace: Expr<String> { member("namespace") }
    /// `service_account`: the add-on's ServiceAccount, or `""` without a role.
    public var serviceAccount: Expr<String> { member("service_account") }
    /// `managed_policy_arns`: managed policies of the add-on's role.
    public var managedPolicyARNs: Expr<[String]> { member("managed_policy_arns") }
    /// `policy`: the inline policy JSON of the add-on's role, or `""`.
    public var policy: Expr<String> { member("policy") }
}
