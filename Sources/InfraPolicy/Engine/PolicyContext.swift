// Everything a rule's check may read: the Terraform resources and Kubernetes objects (from a
// synthesis' resolved model, or from documents written by hand) and the configuration. Built
// once per run and shared by all rules.

import InfraCore

/// The input of a rule's check.
public struct PolicyContext: Sendable {
    /// Terraform resources with relationship lookups.
    public let terraform: PolicyTerraformModel
    /// Kubernetes objects and workloads.
    public let kubernetes: PolicyKubernetesModel
    /// Rule settings.
    public let configuration: PolicyConfiguration

    /// Reads the resources and objects of a synthesis' resolved model once for all rules; each
    /// keeps its component path, so findings name where it was defined.
    ///
    /// ```swift
    /// let context = PolicyContext(model: infrastructure.synthesize().model)
    /// ```
    public init(model: ResolvedModel, configuration: PolicyConfiguration = PolicyConfiguration()) {
        (terraform, kubernetes) = Parallel.pair(
            { PolicyTerraformModel(model: model) }, { PolicyKubernetesModel(model: model) })
        self.configuration = configuration
    }

    /// Resolves `documents` (Terraform JSON documents, Kubernetes objects) once for all rules.
    public init(documents: [PolicyDocument], configuration: PolicyConfiguration = PolicyConfiguration()) {
        terraform = PolicyTerraformModel(documents: documents)
        kubernetes = PolicyKubernetesModel(documents: documents)
        self.configuration = configuration
    }
}
