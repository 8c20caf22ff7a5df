// Which cluster a manifest's objects go to: the Terraform root that creates the cluster and the
// names of that root's outputs carrying the cluster's name, API endpoint and CA. `apply` runs the
// root first, reads those outputs (`terraform output -json`) and writes the kubeconfig from them.

import InfraCore

/// The EKS cluster a ``Manifest`` is applied to, as the Terraform root that creates it publishes it.
///
/// ```swift
/// Manifest("prod", cluster: ManifestCluster(root: "prod")) { ... }   // outputs cluster_name, cluster_endpoint, …
/// ```
public struct ManifestCluster: Sendable, Hashable {
    /// The component path of the Terraform root (a `Stack`) that creates the cluster, e.g. `prod`.
    public var root: ComponentPath
    /// The root output holding the EKS cluster's name (used for the token).
    public var nameOutput: String
    /// The root output holding the API server's URL (`aws_eks_cluster.endpoint`).
    public var endpointOutput: String
    /// The root output holding the base64 CA bundle (`aws_eks_cluster.certificate_authority[0].data`).
    public var certificateAuthorityOutput: String
    /// The cluster's region; `nil` takes the region of the run (`--region`, `AWS_REGION`).
    public var region: String?

    /// Names the root and its outputs; the defaults match the output names most EKS modules use.
    public init(
        root: String, nameOutput: String = "cluster_name", endpointOutput: String = "cluster_endpoint",
        certificateAuthorityOutput: String = "cluster_certificate_authority_data", region: String? = nil
    ) {
        self.root = ComponentPath(segments: [root])
        self.nameOutput = nameOutput
        self.endpointOutput = endpointOutput
        self.certificateAuthorityOutput = certificateAuthorityOutput
        self.region = region
    }
}
