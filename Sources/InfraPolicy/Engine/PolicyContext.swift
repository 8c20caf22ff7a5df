// Everything a rule's check may read: the resolved Terraform and Kubernetes models and the
// configuration. Built once per run and shared by all rules.

/// The input of a rule's check.
public struct PolicyContext: Sendable {
    /// Terraform resources with relationship lookups.
    public let terraform: PolicyTerraformModel
    /// Kubernetes objects and workloads.
    public let kubernetes: PolicyKubernetesModel
    /// Rule settings.
    public let configuration: PolicyConfiguration

    /// Resolves `documents` once for all rules.
    public init(documents: [PolicyDocument], configuration: PolicyConfiguration = PolicyConfiguration()) {
        terraform = PolicyTerraformModel(documents: documents)
        kubernetes = PolicyKubernetesModel(documents: documents)
        self.configuration = configuration
    }
}
