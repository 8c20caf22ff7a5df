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
    /// Both clusters' manifests and the add-ons' CRDs, with ARNs in the placeholder account ``OVESNames/accountID``.
    public static var manifests: [any SynthesisUnit] { manifests(accountID: OVESNames.accountID) }

    /// Both clusters' manifests, with ARNs (IRSA roles, ECR images) in the given AWS account, and
    /// ``addOnCRDs``.
    public static func manifests(accountID: String) -> [any SynthesisUnit] {
        clusterManifests(accountID: accountID) + [addOnCRDs]
    }

    /// The manifests a cluster applies: production, then development.
    public static func clusterManifests(accountID: String = OVESNames.accountID) -> [Manifest] {
        [production(accountID: accountID), development(accountID: accountID)]
    }

    /// `kubernetes/_addon-crds/`: the CRDs that EKS add-ons install for kinds the clusters use
    /// (the Secrets Store CSI driver's `SecretProviderClass`), written so the output validates on
    /// its own — k8s-validate and kubeconform check custom resources against the CRDs among their
    /// input. No cluster applies it (the manifest has no `cluster`, so `apply` skips it and the
    /// runbook names only the cluster folders): the add-on owns these objects.
    public static var addOnCRDs: Manifest {
        Manifest("addon-crds", directory: "kubernetes/_addon-crds") {
            for crd in AddOnCRD.allCases { crd.include }
        }
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
