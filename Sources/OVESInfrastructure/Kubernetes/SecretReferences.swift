// Credentials in the OVES manifests are always references to Secrets that exist in the
// cluster (created out of band, e.g. by an external secrets operator): never literal values.

import InfraKubernetes

extension EnvVar {
    /// An environment variable read from a key of a Secret.
    static func fromSecret(_ name: String, secret: String, key: String) -> EnvVar {
        EnvVar(name: name, valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: secret, key: key)))
    }

    /// A plain environment variable.
    static func plain(_ name: String, _ value: String) -> EnvVar { EnvVar(name: name, value: value) }
}
