// The Kubernetes Secrets of the OVES workloads, synced from Secrets Manager by the Secrets Store
// CSI driver (EKS add-on `aws-secrets-store-csi-driver-provider`): one `AWSSecretsSync` per
// namespace that reads Secrets, derived from `OVESWorkloadSecrets`, so a Secret added there is
// synced without more code. Each namespace's reader pod has its own IRSA role
// (`OVESWorkloadRoles.secretReaders`) that reads that namespace's secrets only.

import InfraKubernetes

/// The Secret readers of one environment's cluster.
struct WorkloadSecretSync {
    var environment: OVESEnvironment
    var accountID: String

    /// One sync per namespace: its Secrets, each key of each read from `oves/<env>/<name>`.
    var content: [AWSSecretsSync] {
        OVESWorkloadSecrets.namespaces(environment).map { namespace in
            AWSSecretsSync(
                name: OVESEnvironment.secretReaderName, namespace: namespace, region: environment.region,
                secrets: OVESWorkloadSecrets.secrets(environment, namespace: namespace).map { secret in
                    .init(name: secret.name, secretID: secret.remoteName(environment), keys: secret.keys)
                },
                roleARN: environment.secretReaderRole(namespace: namespace).arn(accountID: accountID))
        }
    }
}
