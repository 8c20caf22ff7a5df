// The Secrets Manager secrets behind the OVES workloads' Kubernetes Secrets: one empty container
// `oves/<env>/<name>` per `OVESWorkloadSecrets` entry in the environment's root. Terraform holds
// no value (a value in configuration would also sit in state): operators put each value with
// `aws secretsmanager put-secret-value` (Documentation/OVESRunbook.md). Encrypted with the
// account's `aws/secretsmanager` key, so the readers need no KMS grant of their own.

import InfraAWS
import InfraTerraform

/// The Secrets Manager secret containers of an OVES environment.
///
/// ```swift
/// OVESSecretContainers.secrets(.prod, tags: [:]).first?.nameAttribute   // "oves/prod/account-microservice-secrets"
/// ```
public enum OVESSecretContainers {
    /// Days a deleted production secret can be restored (Secrets Manager's default and maximum).
    public static let prodRecoveryWindowDays = 30
    /// Days a deleted development secret can be restored.
    public static let devRecoveryWindowDays = 7

    /// The recovery window of an environment's secrets.
    public static func recoveryWindowDays(_ environment: OVESEnvironment) -> Int {
        environment == .prod ? prodRecoveryWindowDays : devRecoveryWindowDays
    }

    /// The Terraform local name of a secret's container: `aws_secretsmanager_secret.<env>_<name>`
    /// (`prod_redis_credentials`; the prefix keeps names such as `cloudflare_…` clear of provider types).
    public static func localName(_ secret: OVESWorkloadSecret, _ environment: OVESEnvironment) -> String {
        environment.rawValue + "_" + String(secret.name.map { $0 == "-" ? "_" : $0 })
    }

    /// One container per workload secret of the environment, without a value.
    public static func secrets(_ environment: OVESEnvironment, tags: [String: String]) -> [AWSSecretsManagerSecret] {
        OVESWorkloadSecrets.secrets(environment).map { secret in
            let keys = "keys " + secret.keys.joined(separator: ", ")
            return AWSSecretsManagerSecret(
                localName(secret, environment),
                description: ConstructLiterals.string(
                    "\(secret.purpose). A JSON object (\(keys)), synced to Secret \(secret.name) in "
                        + secret.namespaces.joined(separator: ", ") + "; the value is set by operators."),
                name: ConstructLiterals.string(secret.remoteName(environment)),
                recoveryWindowInDays: ConstructLiterals.number(recoveryWindowDays(environment)),
                tags: ConstructLiterals.stringMap(tags))
        }
    }
}
