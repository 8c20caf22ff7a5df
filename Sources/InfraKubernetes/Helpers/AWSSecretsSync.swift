// Kubernetes Secrets copied from AWS Secrets Manager by the Secrets Store CSI driver and ASCP: a
// SecretProviderClass that extracts each Secret's keys from a JSON secret and syncs them
// (`secretObjects`), and a tiny always-running reader pod that mounts it, because the driver
// writes a synced Secret only while some pod mounts the volume. The reader's ServiceAccount
// carries the IAM role (IRSA) that may read these secrets; the driver on the node makes the AWS
// call with that ServiceAccount's token, so the pod itself needs no network (a NetworkPolicy
// denies it everything) and no token mount.

import InfraCore

/// Kubernetes Secrets in one namespace synced from AWS Secrets Manager JSON secrets.
///
/// ```swift
/// AWSSecretsSync(
///     name: "secrets-sync", namespace: "databases", region: "us-east-1",
///     secrets: [.init(name: "redis-credentials", secretID: "prod/redis-credentials", keys: ["password"])],
///     roleARN: "arn:aws:iam::111122223333:role/prod-secrets-sync-databases")
/// ```
public struct AWSSecretsSync: ManifestContent, Hashable {
    /// One Kubernetes Secret and the Secrets Manager secret (a JSON object) it is copied from.
    public struct SyncedSecret: Sendable, Hashable {
        /// The Kubernetes Secret's name.
        public var name: String
        /// The Secrets Manager secret's name or ARN.
        public var secretID: String
        /// The JSON keys copied, each to the Secret key of the same name.
        public var keys: [String]
        /// The Secret's type.
        public var type: String

        /// Creates a synced Secret.
        public init(name: String, secretID: String, keys: [String], type: String = "Opaque") {
            self.name = name
            self.secretID = secretID
            self.keys = keys
            self.type = type
        }

        /// The mounted file name of `key` (unique in the SecretProviderClass): `<secret>.<key>`.
        public func fileName(_ key: String) -> String { "\(name).\(key)" }
    }

    /// The CSI driver's name, as registered by the Secrets Store CSI driver.
    public static let driver = "secrets-store.csi.k8s.io"
    /// The pinned image of the reader pod: the Kubernetes pause container (does nothing, runs as any user).
    public static let pauseImage = "registry.k8s.io/pause:3.10"
    /// The reader's resources: the pause container needs almost none.
    public static let readerResources = ComputeResources(
        cpu: "5m", memory: "8Mi", cpuLimit: "50m", memoryLimit: "16Mi")
    /// Where the reader mounts the volume.
    public static let mountPath = "/mnt/secrets-store"

    /// The name of the SecretProviderClass, the ServiceAccount and the reader Deployment.
    public var name: String
    /// The namespace, or `nil` for the manifest's default.
    public var namespace: String?
    /// The region of the secrets, or `nil` for the node's region.
    public var region: String?
    /// The Secrets to sync.
    public var secrets: [SyncedSecret]
    /// The IAM role the reader's ServiceAccount assumes (IRSA), or `nil` with ``usePodIdentity``.
    public var roleARN: String?
    /// Whether the reader authenticates with EKS Pod Identity (an association made outside the manifest).
    public var usePodIdentity: Bool
    /// The reader's image.
    public var image: String
    /// The reader's resources.
    public var resources: ComputeResources
    /// The reader's security settings.
    public var security: WorkloadSecurity

    /// Creates a sync for `secrets`, read with `roleARN` (IRSA) or Pod Identity.
    public init(
        name: String = "secrets-sync", namespace: String? = nil, region: String? = nil, secrets: [SyncedSecret],
        roleARN: String?, usePodIdentity: Bool = false, image: String = pauseImage,
        resources: ComputeResources = readerResources, security: WorkloadSecurity = .restricted
    ) {
        self.name = name
        self.namespace = namespace
        self.region = region
        self.secrets = secrets
        self.roleARN = roleARN
        self.usePodIdentity = usePodIdentity
        self.image = image
        self.resources = resources
        self.security = security
    }

    /// ASCP's parameters: one object per Secrets Manager secret, one JMESPath entry per key.
    public var parameters: AWSSecretsProviderParameters {
        AWSSecretsProviderParameters(
            objects: secrets.map { secret in
                AWSSecretsProviderObject(
                    name: secret.secretID, alias: "\(secret.name).json",
                    jmesPath: secret.keys.map {
                        .init(path: AWSSecretsProviderObject.jsonKeyPath($0), alias: secret.fileName($0))
                    })
            },
            region: region, usePodIdentity: usePodIdentity)
    }

    /// The SecretProviderClass: provider `aws`, the parameters, and one synced Secret per entry.
    public var secretProviderClass: SecretProviderClass {
        SecretProviderClass(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: SecretProviderClassSpec(
                parameters: parameters.stringMap, provider: "aws",
                secretObjects: secrets.map { secret in
                    SecretProviderClassSecretObject(
                        labels: labels, data: secret.keys.map { .init(key: $0, objectName: secret.fileName($0)) },
                        secretName: secret.name, type: secret.type)
                }))
    }

    /// The reader's ServiceAccount, annotated with ``roleARN`` for IRSA.
    public var serviceAccount: ServiceAccount {
        ServiceAccount(
            metadata: ObjectMeta(
                name: name, namespace: namespace, labels: labels,
                annotations: roleARN.map { ["eks.amazonaws.com/role-arn": $0] }),
            automountServiceAccountToken: false)
    }

    /// The reader: one pause container mounting the CSI volume read-only.
    public var deployment: Deployment {
        let container = PodAssembly.container(
            name: "reader", image: image, ports: [], env: [], resources: resources, security: security, health: nil,
            volumeMounts: [VolumeMount(name: "secrets", mountPath: Self.mountPath, readOnly: true)])
        return Deployment(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: DeploymentSpec(
                replicas: 1, selector: .matching(["app": name]),
                template: PodAssembly.template(
                    labels: labels, containers: [container],
                    volumes: [
                        Volume(
                            name: "secrets",
                            csi: CSIVolumeSource(
                                driver: Self.driver, readOnly: true, volumeAttributes: ["secretProviderClass": name]))
                    ],
                    security: security, serviceAccountName: name, spreadSelector: ["app": name])))
    }

    /// A NetworkPolicy denying the reader every connection, in and out: the mount is the node's
    /// work (kubelet → CSI driver → ASCP, which calls AWS from `kube-system`), not the pod's.
    public var networkPolicy: NetworkPolicy {
        NetworkPolicy(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: NetworkPolicySpec(
                egress: [], ingress: [], podSelector: .matching(["app": name]), policyTypes: ["Ingress", "Egress"]))
    }

    var labels: [String: String] { ["app": name, "app.kubernetes.io/component": "secrets-sync"] }

    /// The SecretProviderClass, the ServiceAccount, the reader Deployment and its deny-all NetworkPolicy.
    public var manifestObjects: [any KubernetesObject] {
        [secretProviderClass, serviceAccount, deployment, networkPolicy]
    }

    /// Missing secrets or keys, a Secret synced twice, a key Kubernetes rejects, no credentials,
    /// and ASCP's own parameter problems, at `<manifest>/SecretProviderClass/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("SecretProviderClass").appending(name)
        var found = parameters.problems().map { Diagnostic.error(here, $0) }
        if roleARN == nil && !usePodIdentity {
            found.append(.error(here, "no IAM role: give roleARN (IRSA) or set usePodIdentity"))
        }
        var names: Set<String> = []
        for (index, secret) in secrets.enumerated() {
            let at = here.appending("secretObjects", index: index)
            if !names.insert(secret.name).inserted {
                found.append(.error(at, "Secret '\(secret.name)' is synced twice"))
            }
            if secret.keys.isEmpty {
                found.append(
                    .error(
                        at, "Secret '\(secret.name)' has no keys",
                        hint: "the driver copies only the keys listed; name every key the workloads read"))
            }
            for key in secret.keys where !Self.isSecretKey(key) {
                found.append(.error(at, "'\(key)' is not a valid Secret key (letters, digits, '-', '_', '.')"))
            }
        }
        return found
            + PodAssembly.diagnostics(
                image: image, security: security, resources: resources,
                at: path.appending("Deployment").appending(name))
    }

    /// Whether `key` is a valid key of a Secret's `data` (`[-._a-zA-Z0-9]+`).
    static func isSecretKey(_ key: String) -> Bool {
        !key.isEmpty && key != "." && key != ".."
            && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
    }
}
