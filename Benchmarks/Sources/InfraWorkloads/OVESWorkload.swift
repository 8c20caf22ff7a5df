// The OVES reference infrastructure (Terraform + Kubernetes), synthesized whole: the same
// units `infra-manifest synth` writes by default, so `infra-bench oves OUTDIR` times
// exactly what a user of the CLI waits for (without argument parsing and the CLI's policy run).

import InfraCore
import OVESInfrastructure

/// The OVES reference workload.
///
/// ```swift
/// let result = OVESWorkload.infrastructure.synthesize()   // 52 files: terraform/ and kubernetes/
/// ```
public enum OVESWorkload {
    /// The full OVES infrastructure: the Terraform roots and the Kubernetes manifests.
    public static var infrastructure: Infrastructure { Infrastructure(units: OVESReference.units) }
}
