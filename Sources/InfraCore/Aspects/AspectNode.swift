// What an aspect visits: one declaration of a unit — a Terraform block (InfraTerraform's
// `TerraformAspectNode`) or a Kubernetes object (InfraKubernetes' `KubernetesAspectNode`).
// Back ends conform with their typed records; aspects that know a back end cast to them.

/// One declaration an ``Aspect`` visits, before validation.
///
/// ```swift
/// mutating func visit(_ visit: inout AspectVisit) {
///     print(visit.node.language, visit.node.kind, visit.node.address, visit.node.path)
/// }
/// ```
public protocol AspectNode: Sendable {
    /// The language it is written in (``ModelLanguage/terraform``, ``ModelLanguage/kubernetes``).
    var language: ModelLanguage { get }
    /// The kind: a Terraform type (`aws_vpc`, `data.aws_ami`, `module`, `variable`, …) or a
    /// Kubernetes kind (`Deployment`), as ``ModelNode/kind``.
    var kind: String { get }
    /// The name: a block's local name (`main`), an object's `metadata.name`.
    var name: String { get }
    /// The identity in its unit (`aws_vpc.main`, `prod/Deployment/account`). Aspects may not
    /// change it: a rename moves Terraform state or replaces a Kubernetes object, so
    /// ``AspectRun`` refuses it with an error.
    var address: String { get }
    /// Where it was defined, for diagnostics (`dev/network/vpc`).
    var path: ComponentPath { get }
}
