// The OVES reference infrastructure (Terraform half): the roots the CLI synthesizes by
// default, and the policy findings we accept with their reasons.

import InfraCore
import InfraPolicy
import InfraTerraform

/// The OVES platform of `shared/seed/oves-infrastructure.md`, written with the library.
///
/// ```swift
/// let infrastructure = Infrastructure(units: OVESReference.terraformUnits)
/// ```
public enum OVESReference {
    /// The Terraform roots: environments/dev, environments/prod, shared and dns. Their local
    /// modules (`terraform/modules/*`) are synthesized through their module calls.
    public static var terraformUnits: [any SynthesisUnit] {
        [DevEnvironment.stack, ProdEnvironment.stack, SharedRoot.stack, CloudflareRoot.stack]
    }

    /// Policy findings accepted on purpose, each with its reason (also in Documentation/OVESReference.md).
    public static var policySuppressions: [PolicySuppression] {
        OVESPolicySuppressions.all
    }
}
