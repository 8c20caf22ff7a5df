// The Kubernetes half of the OVES reference: one manifest per cluster, synthesized to
// `kubernetes/prod/` and `kubernetes/dev/`. Names shared with Terraform (clusters, IRSA
// roles, region, account id) come from `OVESEnvironment`/`OVESNames`, never retyped here.

import InfraCore
import InfraKubernetes

/// The OVES Kubernetes manifests of both clusters.
///
/// ```swift
/// let infrastructure = Infrastructure(units: OVESKubernetes.manifests)
/// let result = infrastructure.synthesize()     // kubernetes/prod/*.yaml, kubernetes/dev/*.yaml
/// ```
public enum OVESKubernetes {
    /// Both manifests, with ARNs in the placeholder account ``OVESNames/accountID``.
    public static var manifests: [any SynthesisUnit] { manifests(accountID: OVESNames.accountID) }

    /// Both manifests, with ARNs (IRSA roles, ECR images) in the given AWS account.
    public static func manifests(accountID: String) -> [any SynthesisUnit] {
        [production(accountID: accountID), development(accountID: accountID)]
    }

    /// The production cluster's manifest (`kubernetes/prod/`).
    public static func production(accountID: String = OVESNames.accountID) -> Manifest {
        ProdCluster(accountID: accountID).manifest
    }

    /// The development cluster's manifest (`kubernetes/dev/`).
    public static func development(accountID: String = OVESNames.accountID) -> Manifest {
        DevCluster(accountID: accountID).manifest
    }
}
