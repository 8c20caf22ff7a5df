// The OVES reference infrastructure: the Terraform roots the CLI synthesizes by default,
// the Kubernetes manifests of the other half, and the policy findings accepted on purpose.

import InfraCore
import InfraPolicy
import InfraTerraform

/// The OVES platform of `shared/seed/oves-infrastructure.md`, written with the library.
///
/// ```swift
/// let infrastructure = Infrastructure(units: OVESReference.units)
/// let engine = PolicyEngine(suppressions: OVESReference.allPolicySuppressions)
/// ```
public enum OVESReference {
    /// The Terraform roots: environments/dev, environments/prod, shared and dns. Their local
    /// modules (`terraform/modules/*`) are synthesized through their module calls.
    public static var terraformUnits: [any SynthesisUnit] {
        [DevEnvironment.stack, ProdEnvironment.stack, SharedRoot.stack, CloudflareRoot.stack]
    }

    /// Everything: the Terraform roots and the Kubernetes manifests (`kubernetes/dev`, `kubernetes/prod`).
    public static var units: [any SynthesisUnit] {
        terraformUnits + OVESKubernetes.manifests
    }

    /// Accepted findings of the built-in rules on the Terraform output, each with its reason
    /// (listed in Documentation/OVESReference.md).
    public static var policySuppressions: [PolicySuppression] {
        OVESPolicySuppressions.all
    }

    /// Accepted findings of both halves.
    public static var allPolicySuppressions: [PolicySuppression] {
        policySuppressions + OVESKubernetes.policySuppressions
    }
}
