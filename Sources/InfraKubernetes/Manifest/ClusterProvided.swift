// An object the cluster has without this manifest writing it (an EKS add-on's ServiceAccount, a
// Helm release's ClusterRole). Declaring it, with who provides it, lets the manifest's references
// to it resolve without the "must already exist in the cluster" warning, which is then kept for
// the references nobody has vouched for.

import InfraCore

/// An object that exists in the cluster without this manifest writing it — created by an EKS
/// add-on, a Helm release or an operator — declared so that references to it resolve.
///
/// A reference to an object the manifest does not define is a warning: it must already exist in
/// the cluster. Declaring the object, and who provides it, answers that warning. The object is
/// not written, applied or waited for; only its kind, namespace and name are read. An object the
/// manifest also defines is an error.
///
/// ```swift
/// Manifest("cert-manager", namespace: "cert-manager") {
///     ClusterProvided(ServiceAccount(metadata: .init(name: "cert-manager")), by: "the EKS cert-manager add-on")
///     RoleBinding(
///         metadata: .init(name: "token-request"),
///         roleRef: RoleRef(kind: "Role", name: "token-request", apiGroup: "rbac.authorization.k8s.io"),
///         subjects: [Subject(kind: "ServiceAccount", name: "cert-manager", namespace: "cert-manager")])
/// }
/// ```
public struct ClusterProvided: ManifestContent {
    /// The object, for its kind, API group, namespace and name.
    public var object: any KubernetesObject
    /// Who creates it, for the reader: `"the EKS cert-manager add-on"`.
    public var provider: String

    /// Declares that `provider` creates `object` in the cluster.
    public init(_ object: any KubernetesObject, by provider: String) {
        self.object = object
        self.provider = provider
    }

    /// None: the object is not written.
    public var manifestObjects: [any KubernetesObject] { [] }

    /// Appends itself.
    public func appendClusterProvided(to provided: inout [ClusterProvided]) {
        provided.append(self)
    }

    /// An object without a name, or a declaration that does not say who provides it.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let name = object.metadata.name ?? ""
        let here = path.appending("ClusterProvided").appending(object.kind).appending(name.isEmpty ? "<unnamed>" : name)
        var found: [Diagnostic] = []
        if name.isEmpty {
            found.append(.error(here, "a cluster-provided \(object.kind) needs a name"))
        }
        if provider.allSatisfy(\.isWhitespace) {
            found.append(
                .error(
                    here, "say who provides \(object.kind) '\(name)'",
                    hint: "e.g. by: \"the EKS cert-manager add-on\""))
        }
        return found
    }
}
