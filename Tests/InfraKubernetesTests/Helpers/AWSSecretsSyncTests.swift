// `AWSSecretsSync` and the typed ASCP parameters: the SecretProviderClass syncs exactly the listed
// keys, `objects` is YAML that a YAML reader gives back as ASCP's list (JMESPath keys quoted when
// they are not identifiers), the reader pod is restricted and mounts the CSI volume, bad settings
// are diagnosed, and the output passes k8s-validate against the vendored SecretProviderClass CRD.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing
import Yams

@Suite("AWSSecretsSync: Kubernetes Secrets from Secrets Manager through the CSI driver")
struct AWSSecretsSyncTests {
    static let sync = AWSSecretsSync(
        namespace: "data", region: "us-east-1",
        secrets: [
            .init(name: "redis-credentials", secretID: "prod/redis-credentials", keys: ["password"]),
            .init(name: "cloudflare-api-token", secretID: "prod/cloudflare-api-token", keys: ["api-token"]),
        ],
        roleARN: "arn:aws:iam::111122223333:role/prod-secrets-sync-data")

    @Test("the SecretProviderClass syncs each Secret's keys from the JMESPath files of its secret")
    func secretProviderClass() throws {
        let spc = Self.sync.secretProviderClass.renderValue()
        #expect(spc["apiVersion"] == "secrets-store.csi.x-k8s.io/v1" && spc["kind"] == "SecretProviderClass")
        #expect(spc["spec"]?["provider"] == "aws")
        let synced = try #require(spc["spec"]?["secretObjects"]?.arrayValue)
        #expect(synced.map { $0["secretName"]?.stringValue } == ["redis-credentials", "cloudflare-api-token"])
        #expect(synced[1]["data"] == [["key": "api-token", "objectName": "cloudflare-api-token.api-token"]])
        #expect(synced[0]["type"] == "Opaque")
        let parameters = try #require(spc["spec"]?["parameters"]?.objectValue)
        #expect(parameters["region"] == "us-east-1" && parameters["usePodIdentity"] == "false")
        let objects = try #require(parameters["objects"]?.stringValue)
        let parsed = try #require(try Yams.load(yaml: objects) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed[1]["objectName"] as? String == "prod/cloudflare-api-token")
        #expect(parsed[1]["objectType"] as? String == "secretsmanager")
        #expect(parsed[1]["objectAlias"] as? String == "cloudflare-api-token.json")
        let paths = try #require(parsed[1]["jmesPath"] as? [[String: String]])
        #expect(paths == [["path": "\"api-token\"", "objectAlias": "cloudflare-api-token.api-token"]])
        #expect((parsed[0]["jmesPath"] as? [[String: String]])?.first?["path"] == "password")
    }

    @Test("JSON keys become JMESPath identifiers or quoted identifiers")
    func jmesPathQuoting() {
        #expect(AWSSecretsProviderObject.jsonKeyPath("password") == "password")
        #expect(AWSSecretsProviderObject.jsonKeyPath("_x1") == "_x1")
        #expect(AWSSecretsProviderObject.jsonKeyPath("api-token") == "\"api-token\"")
        #expect(AWSSecretsProviderObject.jsonKeyPath("1st") == "\"1st\"")
        #expect(AWSSecretsProviderObject.jsonKeyPath("a\"b") == "\"a\\\"b\"")
    }

    @Test("the reader is one restricted pause container mounting the volume, with the IRSA role on its ServiceAccount")
    func reader() throws {
        let account = Self.sync.serviceAccount.renderValue()
        #expect(
            account["metadata"]?["annotations"] == [
                "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/prod-secrets-sync-data"
            ])
        #expect(account["automountServiceAccountToken"] == false)
        let pod = try #require(Self.sync.deployment.renderValue()["spec"]?["template"]?["spec"])
        #expect(pod["serviceAccountName"] == "secrets-sync")
        #expect(
            pod["volumes"] == [
                [
                    "name": "secrets",
                    "csi": [
                        "driver": "secrets-store.csi.k8s.io", "readOnly": true,
                        "volumeAttributes": ["secretProviderClass": "secrets-sync"],
                    ],
                ]
            ])
        let container = try #require(pod["containers"]?.arrayValue?.first)
        #expect(container["image"] == "registry.k8s.io/pause:3.10")
        #expect(container["securityContext"]?["readOnlyRootFilesystem"] == true)
        #expect(container["securityContext"]?["allowPrivilegeEscalation"] == false)
        #expect(container["resources"]?["requests"] == ["cpu": "5m", "memory": "8Mi"])
        #expect(container["volumeMounts"]?.arrayValue?.first?["readOnly"] == true)
        #expect(container["ports"] == nil)
        let policy = Self.sync.networkPolicy.renderValue()
        #expect(policy["spec"]?["podSelector"] == ["matchLabels": ["app": "secrets-sync"]])
        #expect(policy["spec"]?["policyTypes"] == ["Ingress", "Egress"])
        #expect(policy["spec"]?["ingress"] == [] && policy["spec"]?["egress"] == [])
    }

    @Test("keyless, duplicate and invalid Secrets, missing credentials and colliding files are reported together")
    func diagnostics() {
        let bad = AWSSecretsSync(
            namespace: "data",
            secrets: [
                .init(name: "a", secretID: "x/a", keys: []),
                .init(name: "a", secretID: "x/b", keys: ["ok", "bad key"]),
            ],
            roleARN: nil)
        let messages = bad.manifestDiagnostics(at: ComponentPath("prod")).map { "\($0.path): \($0.message)" }
        #expect(
            messages.contains(
                "prod/SecretProviderClass/secrets-sync: no IAM role: give roleARN (IRSA) or set usePodIdentity"))
        #expect(messages.contains { $0.contains("secretObjects[0]") && $0.contains("has no keys") })
        #expect(messages.contains { $0.contains("secretObjects[1]") && $0.contains("synced twice") })
        #expect(messages.contains { $0.contains("'bad key' is not a valid Secret key") })
        #expect(messages.contains { $0.contains("file name 'a.json' is mounted twice") })
        #expect(Self.sync.manifestDiagnostics(at: ComponentPath("prod")).isEmpty)
        let unaliased = AWSSecretsProviderParameters(objects: [.init(name: "prod/x")])
        #expect(unaliased.problems() == ["object 'prod/x' contains '/' and needs an alias (its mounted file name)"])
        #expect(AWSSecretsProviderParameters(objects: []).problems() == ["no objects to mount"])
    }

    @Test("the objects pass strict validation against the vendored SecretProviderClass CRD")
    func validates() throws {
        // The CRD is the add-on's; written next to the objects, as an output that validates on its own does.
        let result = Manifest("sync", namespace: "data") {
            Self.sync
            AddOnCRD.secretProviderClasses.include
        }.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let directory = try ExternalTools.temporaryDirectory("infra-k8s-secrets-sync")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        let output = try ExternalTools.k8sValidate([directory.path], versions: KubernetesVersionWindow.supported)
        #expect(output?.stdout.contains("SecretProviderClass") == true, "\(output?.stdout ?? "")")
    }

    @Test("a Secret the SecretProviderClass syncs counts as defined by the manifest: no 'must already exist' warning")
    func syncedSecretIsDefined() {
        let consumer = Deployment(
            metadata: ObjectMeta(name: "app"),
            spec: DeploymentSpec(
                selector: .matching(["app": "app"]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app": "app"]),
                    spec: PodSpec(containers: [
                        Container(
                            name: "app",
                            envFrom: [
                                EnvFromSource(secretRef: SecretEnvSource(name: "redis-credentials")),
                                EnvFromSource(secretRef: SecretEnvSource(name: "not-synced")),
                            ], image: "example/app:1.0")
                    ]))))
        let result = Manifest("sync", namespace: "data") {
            Self.sync
            consumer
        }.synthesize()
        let external = result.diagnostics.all.map(\.message).filter {
            $0.contains("which this manifest does not define")
        }
        #expect(external.contains { $0.contains("'not-synced'") })
        #expect(!external.contains { $0.contains("'redis-credentials'") }, "\(external)")
    }
}
