// The OVES reference infrastructure (Terraform + Kubernetes), synthesized whole.
//
// TODO(issue 9): `OVESReference` / `OVESKubernetes` in Sources/OVESInfrastructure are still
// being written; `infrastructure` returns nil until they land. Then replace the body with
// the real definition (e.g. `OVESReference.infrastructure`) and the `oves` benchmark and
// `infra-bench oves` start measuring it with no other change.

import InfraCore

/// The OVES reference workload, once it exists.
public enum OVESWorkload {
    /// The full OVES infrastructure, or `nil` while it is not written yet.
    public static var infrastructure: Infrastructure? { nil }
}
