// Who may do what in the OVES clusters (RBAC): platform admins are cluster-admin everywhere;
// developers get read-only access (no Secrets) in prod and the built-in `edit` role in the
// dev namespaces. The groups are mapped from IAM by EKS access entries (Terraform).

import InfraKubernetes

/// The RBAC objects for people.
enum AccessControl {
    /// Read access to workloads, networking and events, but not to Secrets.
    static var readOnlyRole: ClusterRole {
        ClusterRole(
            metadata: ObjectMeta(name: "oves-read-only"),
            rules: [
                PolicyRule(
                    apiGroups: [""],
                    resources: [
                        "pods", "pods/log", "services", "endpoints", "configmaps", "events", "namespaces",
                        "persistentvolumeclaims", "resourcequotas", "limitranges", "serviceaccounts",
                    ], verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["apps"], resources: ["deployments", "statefulsets", "daemonsets", "replicasets"],
                    verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["networking.k8s.io"], resources: ["ingresses", "networkpolicies"],
                    verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["autoscaling", "autoscaling.k8s.io"],
                    resources: ["horizontalpodautoscalers", "verticalpodautoscalers"], verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["cert-manager.io"], resources: ["certificates", "clusterissuers", "issuers"],
                    verbs: ["get", "list", "watch"]),
            ])
    }

    /// Platform admins are cluster-admin.
    static var platformAdmins: ClusterRoleBinding {
        ClusterRoleBinding(
            metadata: ObjectMeta(name: "oves-platform-admins"),
            roleRef: RoleRef(kind: "ClusterRole", name: "cluster-admin", apiGroup: "rbac.authorization.k8s.io"),
            subjects: [group(OVESNames.platformAdminsGroup)])
    }

    /// Production: developers read, admins administer.
    static var production: [any KubernetesObject] {
        [
            readOnlyRole, platformAdmins,
            ClusterRoleBinding(
                metadata: ObjectMeta(name: "oves-developers-read-only"),
                roleRef: RoleRef(kind: "ClusterRole", name: readOnlyRole.name, apiGroup: "rbac.authorization.k8s.io"),
                subjects: [group(OVESNames.developersGroup)]),
        ]
    }

    /// Development: developers read everywhere and edit in the given namespaces.
    static func development(editableNamespaces: [String]) -> [any KubernetesObject] {
        var objects: [any KubernetesObject] = [
            readOnlyRole, platformAdmins,
            ClusterRoleBinding(
                metadata: ObjectMeta(name: "oves-developers-read-only"),
                roleRef: RoleRef(kind: "ClusterRole", name: readOnlyRole.name, apiGroup: "rbac.authorization.k8s.io"),
                subjects: [group(OVESNames.developersGroup)]),
        ]
        for namespace in editableNamespaces {
            objects.append(
                RoleBinding(
                    metadata: ObjectMeta(name: "oves-developers-edit", namespace: namespace),
                    roleRef: RoleRef(kind: "ClusterRole", name: "edit", apiGroup: "rbac.authorization.k8s.io"),
                    subjects: [group(OVESNames.developersGroup)]))
        }
        return objects
    }

    private static func group(_ name: String) -> Subject {
        Subject(kind: "Group", name: name, apiGroup: "rbac.authorization.k8s.io")
    }
}
