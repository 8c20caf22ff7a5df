// KubernetesTemplate: objects found by kind, name and partial document; counts; failures
// naming the closest object and the path inside it.

import InfraCore
import InfraKubernetes
import InfraTerraform
import InfraTesting
import Testing

@Suite("KubernetesTemplate")
struct KubernetesTemplateTests {
    static func deployment(_ name: String, image: String, replicas: Int) -> Value {
        [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": [
                "name": .string(name), "namespace": "prod", "labels": ["app.kubernetes.io/name": .string(name)],
            ],
            "spec": [
                "replicas": .int(replicas),
                "template": ["spec": ["containers": [["name": .string(name), "image": .string(image)]]]],
            ],
        ]
    }

    let template = KubernetesTemplate(documents: [
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "prod"]],
        deployment("api", image: "registry/api:1.4.2", replicas: 3),
        deployment("worker", image: "registry/worker:latest", replicas: 1),
        .null,
    ])

    @Test func objectsAreAddressedByKindNamespaceAndName() {
        #expect(template.objects.map(\.address) == ["Deployment prod/api", "Deployment prod/worker", "Namespace prod"])
        #expect(template.object(kind: "Deployment", named: "api")?.apiVersion == "apps/v1")
    }

    @Test func countsPassAndFail() throws {
        #expect(template.resourceCountIs(kind: "Deployment", 2) == nil)
        try template.verifyCount(kind: "Deployment", 1, matching: ["spec": ["replicas": 3]])
        let wrong = #expect(throws: AssertionFailure.self) { try template.verifyCount(kind: "Service", 1) }
        #expect(wrong?.description == "expected 1 Service object(s), found 0")
    }

    @Test func objectsMatchPartially() throws {
        try template.verifyObject(
            kind: "Deployment", named: "api", namespace: "prod",
            [
                "spec": [
                    "template": ["spec": ["containers": Match.arrayWith([["image": Match.stringLike(":[0-9.]+$")]])]]
                ]
            ])
        #expect(template.objects(kind: "Deployment", matching: ["spec": ["replicas": 1]]).map(\.name) == ["worker"])
    }

    @Test func failedObjectNamesTheClosestObjectAndPath() {
        let failure = #expect(throws: AssertionFailure.self) {
            try template.verifyObject(
                kind: "Deployment",
                [
                    "metadata": ["name": "worker"],
                    "spec": [
                        "replicas": 1,
                        "template": ["spec": ["containers": [["image": Match.not(Match.stringLike(":latest$"))]]]],
                    ],
                ])
        }
        #expect(failure?.closestCandidate == "Deployment prod/worker")
        #expect(
            failure?.mismatchLines == [
                #"Deployment prod/worker: at spec.template.spec.containers[0].image expected not(a string matching /:latest$/), found "registry/worker:latest""#
            ])
    }

    @Test func missingObjectSuggestsTheNearestName() {
        let failure = #expect(throws: AssertionFailure.self) {
            try template.verifyObject(kind: "Deployment", named: "apii", namespace: "prod")
        }
        #expect(failure?.description == "Deployment prod/apii does not exist; did you mean Deployment prod/api?")
        let none = #expect(throws: AssertionFailure.self) { try template.verifyObject(kind: "Ingress", named: "web") }
        #expect(none?.description == "Ingress web does not exist: there are no Ingress objects")
    }

    @Test func failingObjectAssertionRecordsAnIssue() {
        withKnownIssue {
            template.hasObject(kind: "Deployment", named: "api", ["spec": ["replicas": 5]])
        } matching: { issue in
            issue.comments.contains {
                $0.rawValue.contains("Deployment prod/api: at spec.replicas expected 5, found 3")
            }
        }
    }
}

@Suite("KubernetesTemplate from the resolved model")
struct KubernetesTemplateModelTests {
    static let result = Infrastructure {
        Manifest("prod", namespace: "prod") {
            Namespace(metadata: .init(name: "prod"))
            ConfigMap(metadata: .init(name: "settings"), data: ["LOG_LEVEL": "info"])
        }
        Manifest("dev") { Namespace(metadata: .init(name: "dev")) }
        Stack("shared") { Resource("aws_kms_key", "state", ["enable_key_rotation": true]) }
    }.synthesize()

    @Test func objectsUnderAFolderAreRead() {
        let prod = KubernetesTemplate(result: Self.result, directory: "kubernetes/prod")
        #expect(prod.objects.map(\.address) == ["ConfigMap prod/settings", "Namespace prod"])
        #expect(KubernetesTemplate(result: Self.result).objects.count == 3)
    }

    @Test func objectsKnowTheirPathFileAndTypedValue() {
        let prod = KubernetesTemplate(result: Self.result, directory: "kubernetes/prod")
        let settings = prod.object(kind: "ConfigMap", named: "settings", namespace: "prod")
        #expect(settings?.path == "prod/ConfigMap/settings")
        #expect(settings?.file == "kubernetes/prod/prod.yaml")
        #expect(settings?.typed(ConfigMap.self)?.metadata.namespace == "prod", "the manifest's namespace is applied")
        #expect(settings?.typed(Namespace.self) == nil)
        #expect(prod.hasObject(kind: "ConfigMap", named: "settings", ["data": ["LOG_LEVEL": "info"]]) == nil)
    }

    @Test func aManifestIsReadFromItsModel() {
        let template = KubernetesTemplate(
            manifest: Manifest("qa", namespace: "qa") { ConfigMap(metadata: .init(name: "settings")) })
        #expect(template.objects.map(\.address) == ["ConfigMap qa/settings"])
    }
}
