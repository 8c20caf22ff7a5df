// The `infra-manifest` executable: the reusable command line applied to the built-in OVES
// reference. Users get the same commands for their own definitions by conforming a type
// of theirs to `InfrastructureCommand`.

import InfraCLI
import InfraCore
import InfraPolicy
import OVESInfrastructure

/// The `infra-manifest` command on the OVES reference infrastructure.
@main
struct InfraManifest: InfrastructureCommand {
    static let abstract =
        "Synthesize, check and inspect infrastructure defined in Swift. Without arguments: synthesize the built-in "
        + "OVES reference (Terraform roots and modules, Kubernetes manifests) into infra.out/."

    var body: Infrastructure { Infrastructure(units: OVESReference.terraformUnits + OVESKubernetes.manifests) }

    var policySuppressions: [PolicySuppression] {
        OVESReference.policySuppressions + OVESKubernetes.policySuppressions
    }
}
