// The OVES workload Secrets are synced from Secrets Manager by the Secrets Store CSI driver,
// checked on the synthesized output: every Secret key a workload reads is copied by a
// SecretProviderClass in the workload's namespace from `oves/<env>/<name>` (the `objects` YAML read
// back, JMESPath and aliases followed), each such namespace runs a reader that mounts it with its
// own IRSA role, and each role may read exactly its namespace's containers. A planted gap fails.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import OVESInfrastructure
import Testing
import Yams

@Suite("OVES workload Secrets are synced by the Secrets Store CSI driver")
struct WorkloadSecretSyncTests {
    typealias Reference = WorkloadSecretTests.Reference

    /// The keys the SecretProviderClasses among `documents` sync, as references
    /// (namespace, Secret, key), each checked to come from `oves/<env>/<Secret>`'s JSON key `key`.
    static func synced(in documents: [Value], environment: OVESEnvironment) throws -> Set<Reference> {
        var found: Set<Reference> = []
        for document in documents where document["kind"] == "SecretProviderClass" {
            let namespace = try #require(document["metadata"]?["namespace"]?.stringValue)
            let spec = try #require(document["spec"])
            #expect(spec["provider"] == "aws")
            #expect(spec["parameters"]?["region"] == .string(environment.region))
            let text = try #require(spec["parameters"]?["objects"]?.stringValue)
            let objects = try #require(try Yams.load(yaml: text) as? [[String: Any]])
            // alias → (secret name, JMESPath)
            var files: [String: (secret: String, path: String)] = [:]
            for object in objects {
                #expect(object["objectType"] as? String == "secretsmanager")
                let name = try #require(object["objectName"] as? String)
                for entry in object["jmesPath"] as? [[String: String]] ?? [] {
                    files[entry["objectAlias"] ?? ""] = (name, entry["path"] ?? "")
                }
            }
            for secretObject in spec["secretObjects"]?.arrayValue ?? [] {
                let secret = try #require(secretObject["secretName"]?.stringValue)
                for data in secretObject["data"]?.arrayValue ?? [] {
                    let key = try #require(data["key"]?.stringValue)
                    let file = try #require(files[data["objectName"]?.stringValue ?? ""], "\(namespace)/\(secret)")
                    guard file.secret == OVESWorkloadSecrets.namePrefix(environment) + secret,
                        file.path == AWSSecretsProviderObject.jsonKeyPath(key)
                    else { continue }
                    found.insert(Reference(namespace: namespace, secret: secret, key: key))
                }
            }
        }
        return found
    }

    /// References nothing syncs: a key no SecretProviderClass copies, or (`envFrom`) a Secret whose
    /// synced keys are not the catalogued ones.
    static func unsynced(
        _ references: Set<Reference>, synced: Set<Reference>, environment: OVESEnvironment
    )
        -> [Reference]
    {
        references.filter { reference in
            if reference.key != nil { return !synced.contains(reference) }
            let keys = Set(
                synced.filter { $0.namespace == reference.namespace && $0.secret == reference.secret }.compactMap(\.key)
            )
            let catalogued = OVESWorkloadSecrets.secrets(environment).first { $0.name == reference.secret }?.keys ?? []
            return keys.isEmpty || keys != Set(catalogued)
        }.sorted()
    }

    @Test(
        "every Secret key a workload reads is synced in its namespace from its Secrets Manager secret",
        arguments: OVESEnvironment.allCases)
    func everyReadKeyIsSynced(environment: OVESEnvironment) throws {
        let documents = WorkloadSecretTests.documents(environment)
        let references = WorkloadSecretTests.references(in: documents)
        let synced = try Self.synced(in: documents, environment: environment)
        #expect(references.count >= 10)
        #expect(Self.unsynced(references, synced: synced, environment: environment) == [])
        // Nothing extra: every synced key is a catalogued key of a Secret read in that namespace.
        for reference in synced {
            let secret = OVESWorkloadSecrets.secrets(environment, namespace: reference.namespace)
                .first { $0.name == reference.secret }
            #expect(secret?.keys.contains(reference.key ?? "") == true, "\(reference)")
        }
        let namespaces = Set(
            documents.filter { $0["kind"] == "SecretProviderClass" }.compactMap {
                $0["metadata"]?["namespace"]?.stringValue
            })
        #expect(namespaces == Set(OVESWorkloadSecrets.namespaces(environment)))
        #expect(namespaces.isSuperset(of: references.map(\.namespace)))
    }

    @Test("a missing SecretProviderClass or a key it does not copy is reported")
    func plantedGaps() throws {
        let documents = WorkloadSecretTests.documents(.prod)
        let references = WorkloadSecretTests.references(in: documents)
        // No SecretProviderClass in `databases`.
        let withoutDatabases = documents.filter {
            !($0["kind"] == "SecretProviderClass" && $0["metadata"]?["namespace"] == "databases")
        }
        let gaps = Self.unsynced(
            references, synced: try Self.synced(in: withoutDatabases, environment: .prod), environment: .prod)
        #expect(gaps.map(\.description).contains("databases/redis-credentials[password]"))
        #expect(gaps.allSatisfy { $0.namespace == "databases" } && !gaps.isEmpty)
        // A workload that reads a key nobody syncs.
        let planted = references.union([Reference(namespace: "prod", secret: "mqtt-broker-passwords", key: "other")])
        #expect(
            Self.unsynced(planted, synced: try Self.synced(in: documents, environment: .prod), environment: .prod)
                .map(\.description) == ["prod/mqtt-broker-passwords[other]"])
    }

    @Test(
        "each namespace's reader mounts its SecretProviderClass with a ServiceAccount bound to its own role",
        arguments: OVESEnvironment.allCases)
    func readers(environment: OVESEnvironment) throws {
        let documents = WorkloadSecretTests.documents(environment)
        for namespace in OVESWorkloadSecrets.namespaces(environment) {
            let named = { (kind: String) in
                documents.first {
                    $0["kind"] == .string(kind) && $0["metadata"]?["namespace"] == .string(namespace)
                        && $0["metadata"]?["name"] == .string(OVESEnvironment.secretReaderName)
                }
            }
            let account = try #require(named("ServiceAccount"), "\(namespace)")
            let role = environment.secretReaderRole(namespace: namespace)
            #expect(role.roleName == "\(environment.clusterName)-secrets-sync-\(namespace)")
            #expect(
                account["metadata"]?["annotations"]?["eks.amazonaws.com/role-arn"]
                    == .string(role.arn(accountID: OVESNames.accountID)))
            let pod = try #require(named("Deployment")?["spec"]?["template"]?["spec"], "\(namespace)")
            #expect(pod["serviceAccountName"] == .string(OVESEnvironment.secretReaderName))
            #expect(
                pod["volumes"]?.arrayValue?.first?["csi"]?["volumeAttributes"]?["secretProviderClass"] == "secrets-sync"
            )
            let container = try #require(pod["containers"]?.arrayValue?.first)
            #expect(container["image"]?.stringValue?.hasPrefix("registry.k8s.io/pause:") == true)
            #expect(container["securityContext"]?["readOnlyRootFilesystem"] == true)
            #expect(container["ports"] == nil)  // nothing connects to it, it connects to nothing
            let policy = try #require(named("NetworkPolicy")?["spec"], "\(namespace)")
            #expect(policy["podSelector"]?["matchLabels"]?["app"] == "secrets-sync")
            #expect(policy["policyTypes"] == ["Ingress", "Egress"])
            #expect((policy["ingress"]?.arrayValue ?? []).isEmpty && (policy["egress"]?.arrayValue ?? []).isEmpty)
        }
    }

    /// Whether `arn` matches an IAM ARN pattern (`*` any run, `?` one character).
    static func matches(_ arn: String, _ pattern: String) -> Bool {
        let text = Array(arn)
        let glob = Array(pattern)
        func match(_ i: Int, _ j: Int) -> Bool {
            if j == glob.count { return i == text.count }
            if glob[j] == "*" { return (i...text.count).contains { match($0, j + 1) } }
            guard i < text.count, glob[j] == "?" || glob[j] == text[i] else { return false }
            return match(i + 1, j + 1)
        }
        return match(0, 0)
    }

    @Test(
        "each reader role may read exactly its namespace's containers, and the old operator role is gone",
        arguments: OVESEnvironment.allCases)
    func roleScopes(environment: OVESEnvironment) throws {
        let root = try #require(OVESSynthesis.document("terraform/environments/\(environment.rawValue)/main.tf.json"))
        let roles = try #require(root["module"]?["iam"]?["roles"]?.objectValue)
        #expect(roles["external-secrets"] == nil)
        let readers = roles.keys.filter { $0.hasPrefix("secrets-sync-") }.sorted()
        #expect(readers == OVESWorkloadSecrets.namespaces(environment).map { "secrets-sync-\($0)" })
        let arn = { (env: OVESEnvironment, secret: OVESWorkloadSecret) in
            "arn:aws:secretsmanager:\(env.region):\(OVESNames.accountID):secret:\(secret.remoteName(env))-AbC123"
        }
        for namespace in OVESWorkloadSecrets.namespaces(environment) {
            let role = try #require(roles["secrets-sync-\(namespace)"])
            #expect(role["namespace"] == .string(namespace) && role["service_account"] == "secrets-sync")
            #expect(role["managed_policy_arns"] == [])
            let policy = try #require(role["policy"]?.stringValue)
            #expect(
                WorkloadSecretTests.lists("Action", in: policy) == [
                    ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"]
                ])
            let resources = try #require(WorkloadSecretTests.lists("Resource", in: policy).first)
            let own = OVESWorkloadSecrets.secrets(environment, namespace: namespace)
            #expect(resources.sorted() == own.map { $0.arnPattern(environment) }.sorted())
            #expect(!policy.contains("\"Condition\"") && !policy.contains("kms:"))
            // Every own container matches; no other namespace's or environment's container does.
            for secret in own { #expect(resources.contains { Self.matches(arn(environment, secret), $0) }) }
            for other in OVESEnvironment.allCases {
                for secret in OVESWorkloadSecrets.secrets(other)
                where other != environment || !secret.namespaces.contains(namespace) {
                    #expect(
                        !resources.contains { Self.matches(arn(other, secret), $0) }, "\(namespace): \(secret.name)")
                }
            }
        }
    }

    @Test("the runbook puts the values into Secrets Manager and creates no Kubernetes Secret by hand")
    func runbook() throws {
        let url = ExternalTools.packageRoot.appendingPathComponent("Documentation/OVESRunbook.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let prodManifests = try #require(text.components(separatedBy: "## Step 6:").dropFirst().first)
            .components(separatedBy: "## Step 7:")[0]
        #expect(prodManifests.contains("aws secretsmanager put-secret-value"))
        #expect(
            prodManifests.replacingOccurrences(of: "\n", with: " ").contains("No Kubernetes Secret is created by hand"))
        #expect(!text.contains("create secret generic") && !text.contains("kubectl create secret"))
        #expect(prodManifests.contains("secrets-sync"))
    }
}
