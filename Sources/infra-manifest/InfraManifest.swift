// The `infra-manifest` executable: the reusable command line applied to the built-in
// reference definitions. Users get the same commands for their own definitions by
// conforming a type of theirs to `InfrastructureCommand`.

import InfraCLI
import InfraCore
import InfraPolicy

/// The `infra-manifest` command on the built-in reference infrastructure.
@main
struct InfraManifest: InfrastructureCommand {
    static let abstract =
        "Synthesize, check and inspect infrastructure defined in Swift. Without arguments: synthesize the built-in "
        + "example stack into infra.out/ (the OVES reference replaces it when it lands)."

    var body: Infrastructure { ExampleInfrastructure.infrastructure }
}
