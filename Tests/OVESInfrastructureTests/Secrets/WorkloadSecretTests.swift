// Where the OVES workloads' Secrets come from, checked on the synthesized output: every Secret a
// workload reads (env `secretKeyRef`, `envFrom`, secret volumes, cert-manager's API token
// reference) is in `OVESWorkloadSecrets`, and each environment root creates exactly those Secrets
// Manager containers (names `oves/<env>/<name>`, no value anywhere). How they reach the cluster
// (CSI driver sync, per-namespace reader roles) is checked by WorkloadSecretSyncTests.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES workload secrets come from Secrets Manager")
struct WorkloadSecretTests {
    /// A Secret key a workload reads; `key == nil` when it reads every key (`envFrom`, a whole volume).
    struct Reference: Hashable, Comparable, CustomStringConvertible {
        var namespace: String
        var secret: String
        var key: String?
        var description: String { "\(namespace)/\(secret)[\(key ?? "*")]" }
        static func < (a: Self, b: Self) -> Bool { a.description < b.description }
    }

    /// The rendered documents of an environment's manifest.
    static func documents(_ environment: OVESEnvironment) -> [Value] {
        let manifest = environment == .prod ? OVESKubernetes.production() : OVESKubernetes.development()
        return manifest.objects.map { $0.renderValue() }
    }

    /// Every Secret key the documents read, except Secrets a cert-manager `Certificate` among them
    /// writes (webhook serving certificates: made in the cluster, not kept in Secrets Manager). A
    /// cluster-scoped issuer's Secrets are read from cert-manager's cluster resource namespace.
    static func references(in documents: [Value]) -> Set<Reference> {
        var found: Set<Reference> = []
        var issued: Set<String> = []
        for document in documents {
            let namespace =
                document["kind"] == "ClusterIssuer" ? "cert-manager" : document["metadata"]?["namespace"]?.stringValue
            guard let namespace else { continue }
            if document["kind"] == "Certificate", let secret = document["spec"]?["secretName"]?.stringValue {
                issued.insert("\(namespace)/\(secret)")
                continue
            }
            collect(document, namespace: namespace, into: &found)
        }
        return found.filter { !issued.contains("\($0.namespace)/\($0.secret)") }
    }

    static func collect(_ value: Value, namespace: String, into found: inout Set<Reference>) {
        if let array = value.arrayValue {
            for element in array { collect(element, namespace: namespace, into: &found) }
            return
        }
        guard let object = value.objectValue else { return }
        for selector in ["secretKeyRef", "apiTokenSecretRef"] {
            if let name = object[selector]?["name"]?.stringValue {
                found.insert(Reference(namespace: namespace, secret: name, key: object[selector]?["key"]?.stringValue))
            }
        }
        if let name = object["secretRef"]?["name"]?.stringValue {
            found.insert(Reference(namespace: namespace, secret: name, key: nil))
        }
        if let volume = object["secret"], let name = volume["secretName"]?.stringValue {
            let items = volume["items"]?.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
            if items.isEmpty { found.insert(Reference(namespace: namespace, secret: name, key: nil)) }
            for key in items { found.insert(Reference(namespace: namespace, secret: name, key: key)) }
        }
        for key in object.keys { if let member = object[key] { collect(member, namespace: namespace, into: &found) } }
    }

    /// The references no catalog entry produces: unknown Secret, namespace not listed, or a key the
    /// Secrets Manager value is not said to hold.
    static func uncovered(_ references: Set<Reference>, catalog: [OVESWorkloadSecret]) -> [Reference] {
        references.filter { reference in
            !catalog.contains { secret in
                secret.name == reference.secret && secret.namespaces.contains(reference.namespace)
                    && (reference.key == nil || secret.keys.isEmpty || secret.keys.contains(reference.key ?? ""))
            }
        }.sorted()
    }

    @Test(
        "every Secret a workload reads is a Secrets Manager secret of its environment",
        arguments: OVESEnvironment.allCases)
    func everyReadSecretIsCatalogued(environment: OVESEnvironment) {
        let references = Self.references(in: Self.documents(environment))
        let catalog = OVESWorkloadSecrets.secrets(environment)
        #expect(references.count >= 10)
        #expect(Self.uncovered(references, catalog: catalog).isEmpty, "\(Self.uncovered(references, catalog: catalog))")
        // No stale entry: every catalogued Secret is read in some namespace of the environment.
        let read = Set(references.map(\.secret))
        #expect(catalog.filter { !read.contains($0.name) }.map(\.name) == [])
        #expect(
            references.contains(Reference(namespace: "cert-manager", secret: "cloudflare-api-token", key: "api-token")))
    }

    @Test("a reference to a Secret, namespace or key the catalog lacks is reported")
    func plantedReferenceFails() {
        let pod: Value = [
            "kind": "Deployment", "metadata": ["name": "planted", "namespace": "prod"],
            "spec": [
                "template": [
                    "spec": [
                        "containers": [
                            [
                                "name": "app",
                                "env": [
                                    ["name": "A", "valueFrom": ["secretKeyRef": ["name": "unknown", "key": "k"]]],
                                    [
                                        "name": "B",
                                        "valueFrom": [
                                            "secretKeyRef": ["name": "redis-credentials", "key": "password"]
                                        ],
                                    ],
                                ],
                                "envFrom": [["secretRef": ["name": "account-microservice-secrets"]]],
                            ]
                        ],
                        "volumes": [
                            [
                                "name": "v",
                                "secret": [
                                    "secretName": "mqtt-broker-passwords", "items": [["key": "x", "path": "x"]],
                                ],
                            ]
                        ],
                    ]
                ]
            ],
        ]
        let references = Self.references(in: [pod])
        #expect(references.count == 4)
        let uncovered = Self.uncovered(references, catalog: OVESWorkloadSecrets.secrets(.prod))
        #expect(
            uncovered.map(\.description) == [
                "prod/mqtt-broker-passwords[x]", "prod/redis-credentials[password]", "prod/unknown[k]",
            ])
    }

    @Test("each environment root creates one empty container per workload secret", arguments: OVESEnvironment.allCases)
    func terraformContainers(environment: OVESEnvironment) throws {
        let root = try #require(OVESSynthesis.document("terraform/environments/\(environment.rawValue)/main.tf.json"))
        let containers = try #require(root["resource"]?["aws_secretsmanager_secret"]?.objectValue)
        let names = containers.keys.compactMap { containers[$0]?["name"]?.stringValue }.sorted()
        #expect(names == OVESWorkloadSecrets.secrets(environment).map { $0.remoteName(environment) }.sorted())
        #expect(names.allSatisfy { $0.hasPrefix("oves/\(environment.rawValue)/") })
        for key in containers.keys {
            let container = containers[key]
            #expect(container?["recovery_window_in_days"] == .int(OVESSecretContainers.recoveryWindowDays(environment)))
            #expect(container?["kms_key_id"] == nil)  // the account's aws/secretsmanager key
        }
        #expect(OVESSecretContainers.recoveryWindowDays(.prod) == 30)
    }

    @Test("no synthesized root holds a secret value")
    func noValues() {
        let files = OVESSynthesis.result.artifacts.filter { $0.path.hasSuffix(".tf.json") }
        #expect(files.count > 3)
        for file in files {
            #expect(!file.text.contains("aws_secretsmanager_secret_version"), "\(file.path)")
            #expect(!file.text.contains("secret_string"), "\(file.path)")
        }
    }

    /// The lists a policy document's `name` keys hold (`"Action" = [a, b]`), in order.
    static func lists(_ name: String, in policy: String) -> [[String]] {
        policy.split(separator: "\"\(name)\" = [").dropFirst().map { part in
            part.prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: " \"\n") }
                .filter { !$0.isEmpty }
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
