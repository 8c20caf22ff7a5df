// Which built-in kinds are cluster-scoped, for documents `Include` reads into unstructured
// objects (kinds InfraKubernetes has no type for). From `kubectl api-resources --namespaced=false`
// of Kubernetes 1.35 (kinds of a CRD come from the CRD itself).

/// Group-qualified names (`<group>/<Kind>`, empty group for core) of the built-in cluster-scoped kinds.
enum ClusterScopedKinds {
    static let builtIn: Set<String> = [
        "/ComponentStatus", "/Namespace", "/Node", "/PersistentVolume",
        "admissionregistration.k8s.io/MutatingAdmissionPolicy",
        "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
        "admissionregistration.k8s.io/MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
        "apiextensions.k8s.io/CustomResourceDefinition",
        "apiregistration.k8s.io/APIService",
        "authentication.k8s.io/SelfSubjectReview", "authentication.k8s.io/TokenReview",
        "authorization.k8s.io/SelfSubjectAccessReview", "authorization.k8s.io/SelfSubjectRulesReview",
        "authorization.k8s.io/SubjectAccessReview",
        "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
        "flowcontrol.apiserver.k8s.io/FlowSchema", "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
        "internal.apiserver.k8s.io/StorageVersion",
        "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
        "node.k8s.io/RuntimeClass",
        "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "resource.k8s.io/DeviceClass", "resource.k8s.io/DeviceTaintRule", "resource.k8s.io/ResourceSlice",
        "scheduling.k8s.io/PriorityClass",
        "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode", "storage.k8s.io/StorageClass",
        "storage.k8s.io/VolumeAttachment", "storage.k8s.io/VolumeAttributesClass",
        "storagemigration.k8s.io/StorageVersionMigration",
    ]

    /// `<group>/<Kind>` for an `apiVersion` and `kind`.
    static func key(apiVersion: String, kind: String) -> String {
        let group =
            apiVersion.split(separator: "/", maxSplits: 1).count == 2 ? String(apiVersion.prefix { $0 != "/" }) : ""
        return "\(group)/\(kind)"
    }
}
