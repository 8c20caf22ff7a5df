// Every Kubernetes Secret an OVES workload reads, and where its value lives: an AWS Secrets
// Manager secret `oves/<env>/<name>` holding a JSON object with the Secret's keys. Terraform
// creates the empty containers and one IRSA role per namespace that reads only that namespace's
// containers; the Secrets Store CSI driver syncs the keys listed here into the Secret
// (`WorkloadSecretSync`); operators put the values (Documentation/OVESRunbook.md). Tests check this
// list against the references in the synthesized manifests, so a new `secretKeyRef` cannot be forgotten.

/// A Kubernetes Secret the OVES workloads read, with the Secrets Manager secret behind it.
///
/// ```swift
/// let secret = OVESWorkloadSecrets.secrets(.prod).first { $0.name == "redis-credentials" }
/// secret?.remoteName(.prod)                      // "oves/prod/redis-credentials"
/// ```
public struct OVESWorkloadSecret: Sendable, Hashable {
    /// The Kubernetes Secret's name (the same in every namespace it is in).
    public var name: String
    /// The namespaces whose workloads read it.
    public var namespaces: [String]
    /// The keys the workloads read (for `envFrom`, every variable the workload takes from the Secret):
    /// the CSI driver copies exactly these keys of the JSON value into the Secret.
    public var keys: [String]
    /// What the value is, for the secret's description and the runbook.
    public var purpose: String

    /// Creates a secret description.
    public init(name: String, namespaces: [String], keys: [String], purpose: String) {
        self.name = name
        self.namespaces = namespaces
        self.keys = keys
        self.purpose = purpose
    }

    /// The Secrets Manager secret's name in an environment: `oves/<env>/<name>`.
    public func remoteName(_ environment: OVESEnvironment) -> String {
        OVESWorkloadSecrets.namePrefix(environment) + name
    }

    /// The ARN pattern of this secret's container only: Secrets Manager appends `-` and six random
    /// characters to the name, so `-??????` matches it and not `oves/<env>/<name>-other`.
    public func arnPattern(_ environment: OVESEnvironment, accountID: String = OVESNames.accountID) -> String {
        "arn:aws:secretsmanager:\(environment.region):\(accountID):secret:\(remoteName(environment))-??????"
    }
}

/// The Secrets the OVES workloads read, per environment, from AWS Secrets Manager.
///
/// ```swift
/// OVESWorkloadSecrets.namePrefix(.dev)                        // "oves/dev/"
/// OVESWorkloadSecrets.secrets(.dev).map(\.name)               // ["cloudflare-api-token", …]
/// ```
public enum OVESWorkloadSecrets {
    /// The Secrets Manager name prefix of an environment's secrets.
    public static func namePrefix(_ environment: OVESEnvironment) -> String { "oves/\(environment.rawValue)/" }

    /// The namespace and name of the Cloudflare API token Secrets (cert-manager's DNS-01 solver and
    /// external-dns read the same token, key `api-token`).
    public static let cloudflareToken = OVESWorkloadSecret(
        name: "cloudflare-api-token", namespaces: ["cert-manager", "external-dns"], keys: ["api-token"],
        purpose: "Cloudflare API token (Zone.DNS edit on omnivoltaic.com) for DNS-01 and external-dns")

    /// The environment variables an in-house microservice takes from its Secret (`envFrom`). The CSI
    /// driver copies only listed keys, so a variable a service starts to read is added here first.
    /// Not in the seed: the services' own contract decides (Documentation/OVESReference.md).
    public static let microserviceVariables = ["DATABASE_URL", "JWT_SECRET", "REDIS_URL"]

    /// The Secrets of an environment's workloads, sorted by name.
    public static func secrets(_ environment: OVESEnvironment) -> [OVESWorkloadSecret] {
        let namespace = environment.rawValue
        let microservices = InHouseMicroservice.all.map { service in
            OVESWorkloadSecret(
                name: "\(service.name)-secrets", namespaces: [namespace], keys: microserviceVariables,
                purpose: "\(service.name) environment variables (each key becomes one)")
        }
        let platform: [OVESWorkloadSecret]
        switch environment {
        case .prod:
            platform = [
                OVESWorkloadSecret(
                    name: "mongodb-credentials", namespaces: ["databases"], keys: ["password", "username"],
                    purpose: "MongoDB root user"),
                OVESWorkloadSecret(
                    name: "mqtt-broker-passwords", namespaces: [namespace], keys: ["passwords"],
                    purpose: "Mosquitto password file (mosquitto_passwd format)"),
                OVESWorkloadSecret(
                    name: "postgresql-credentials", namespaces: ["databases"], keys: ["password"],
                    purpose: "PostgreSQL superuser password"),
                OVESWorkloadSecret(
                    name: "redis-credentials", namespaces: ["databases"], keys: ["password"],
                    purpose: "Redis AUTH password"),
            ]
        case .dev:
            platform = [
                OVESWorkloadSecret(
                    name: "checkly-agent", namespaces: ["checkly"], keys: ["api-key"], purpose: "Checkly agent API key"),
                OVESWorkloadSecret(
                    name: "elasticsearch-credentials", namespaces: ["logging", "monitoring"], keys: ["password"],
                    purpose: "Elasticsearch elastic user password"),
                OVESWorkloadSecret(
                    name: "grafana-admin", namespaces: ["monitoring"], keys: ["password"],
                    purpose: "Grafana admin password"),
                OVESWorkloadSecret(
                    name: "influxdb-credentials", namespaces: ["monitoring"],
                    keys: ["admin-token", "password", "username"], purpose: "InfluxDB initial user and admin token"),
                OVESWorkloadSecret(
                    name: "kibana-elasticsearch-token", namespaces: ["logging"], keys: ["token"],
                    purpose: "Kibana's Elasticsearch service account token"),
            ]
        }
        return ([cloudflareToken] + microservices + platform).sorted { $0.name < $1.name }
    }
}

extension OVESWorkloadSecrets {
    /// The namespaces whose workloads read Secrets of an environment, sorted.
    ///
    /// ```swift
    /// OVESWorkloadSecrets.namespaces(.prod)   // ["cert-manager", "databases", "external-dns", "prod"]
    /// ```
    public static func namespaces(_ environment: OVESEnvironment) -> [String] {
        Set(secrets(environment).flatMap(\.namespaces)).sorted()
    }

    /// The Secrets read in one namespace of an environment, sorted by name.
    public static func secrets(_ environment: OVESEnvironment, namespace: String) -> [OVESWorkloadSecret] {
        secrets(environment).filter { $0.namespaces.contains(namespace) }
    }
}

extension OVESEnvironment {
    /// The name of each namespace's Secret reader: its SecretProviderClass, ServiceAccount and Deployment.
    public static let secretReaderName = "secrets-sync"

    /// The IRSA role of a namespace's Secret reader (`OVESWorkloadRoles.secretReaders`), named
    /// `<cluster>-secrets-sync-<namespace>`: it reads that namespace's Secrets Manager secrets only.
    public func secretReaderRole(namespace: String) -> OVESServiceAccountRole {
        serviceAccountRoles.first { $0.namespace == namespace && $0.serviceAccountName == Self.secretReaderName }
            ?? OVESServiceAccountRole(
                roleName: "\(clusterName)-\(Self.secretReaderName)-\(namespace)", namespace: namespace,
                serviceAccountName: Self.secretReaderName)
    }
}
