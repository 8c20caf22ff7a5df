// The Secret rule of manifest validation: literal `data`/`stringData` in a Secret, typed or
// unstructured, is an error at the object's path (and nothing is written) unless the Secret
// opts in with `allowLiteralSecret(reason:)`; the opt-in needs a reason and only applies to Secrets.

import InfraCore
import InfraKubernetes
import Testing

@Suite("Secrets never land in a file: Kubernetes validation")
struct KubernetesSecretValidationTests {
    static let typed = Secret(metadata: .init(name: "db"), stringData: ["password": "hunter2"])
    static let unstructured = UnstructuredObject(
        apiVersion: "v1", kind: "Secret", metadata: .init(name: "db"), fields: ["data": ["password": "aHVudGVyMg=="]])

    @Test(
        "a Secret with literal data is an error at its path, and nothing is written",
        arguments: [
            (typed as any KubernetesObject, "stringData.password"),
            (Secret(metadata: .init(name: "db"), data: ["b": "eA==", "a": "eQ=="]), "data.a, data.b"),
            (unstructured, "data.password"),
        ] as [(any KubernetesObject, String)])
    func literalData(secret: any KubernetesObject, fields: String) throws {
        let manifest = Manifest("prod", namespace: "prod") { secret }
        let result = manifest.synthesize()
        let error = try #require(result.diagnostics.errors.first)
        #expect(result.diagnostics.all.count == 1, "\(result.diagnostics.all)")
        #expect(error.path.description == "prod/Secret/db")
        #expect(error.message == "Secret 'db' has literal values (\(fields)), which would be written to prod.yaml")
        #expect(error.hint?.contains(".allowLiteralSecret(reason:)") == true)
        #expect(!error.description.contains("hunter2") && !error.description.contains("aHVudGVyMg"))
        #expect(result.artifacts.isEmpty)
    }

    @Test("a Secret without data (filled by a controller) and other kinds with data are fine")
    func noLiteralData() {
        let token = Secret(
            metadata: .init(name: "ci-token", annotations: ["kubernetes.io/service-account.name": "ci"]),
            type: "kubernetes.io/service-account-token")
        let empty = Secret(metadata: .init(name: "empty"), data: [:], stringData: [:])
        let config = ConfigMap(metadata: .init(name: "settings"), data: ["mode": "fast"])
        let external = UnstructuredObject(
            apiVersion: "external-secrets.io/v1", kind: "Secret", metadata: .init(name: "not-core"),
            fields: ["data": ["a": "b"]])
        let found = Manifest("prod", namespace: "prod") {
            token; empty; config; external
        }.validate().all
        #expect(found.isEmpty, "\(found)")
    }

    @Test("the opt-in with a reason allows literal data and is written as an annotation")
    func optIn() throws {
        let fixture = Self.typed.allowLiteralSecret(reason: "fake credentials for the CI kind cluster")
        let unstructured = Self.unstructured.allowLiteralSecret(reason: "fixture")
        #expect(fixture.metadata.annotations?["swift-infra.dev/allow-literal-secret"] != nil)
        let result = Manifest("prod", namespace: "prod") {
            fixture
            Secret(metadata: .init(name: "other"), data: ["k": "dg=="]).allowLiteralSecret(reason: "fixture")
        }.synthesize()
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let yaml = try #require(result.artifacts.first).text
        #expect(yaml.contains("swift-infra.dev/allow-literal-secret: \"fake credentials for the CI kind cluster\""))
        #expect(Manifest("dev", namespace: "dev") { unstructured }.validate().all.isEmpty)
    }

    @Test("the opt-in keeps the Secret's other annotations")
    func optInKeepsAnnotations() {
        let secret = Secret(metadata: .init(name: "db", annotations: ["team": "data"]), stringData: ["a": "b"])
            .allowLiteralSecret(reason: "fixture")
        #expect(secret.metadata.annotations?["team"] == "data")
    }

    @Test("an opt-in without a reason is an error")
    func optInNeedsReason() {
        let found = Manifest("prod", namespace: "prod") { Self.typed.allowLiteralSecret(reason: "  ") }.validate().all
        #expect(found.map(\.message) == ["allowLiteralSecret(reason:) needs a reason"])
        #expect(found.map(\.path.description) == ["prod/Secret/db/annotations"])
    }

    @Test("the opt-in on another kind is a warning: it allows nothing")
    func optInOnOtherKind() {
        let config = ConfigMap(metadata: .init(name: "settings"), data: ["mode": "fast"])
            .allowLiteralSecret(reason: "misplaced")
        let found = Manifest("prod", namespace: "prod") { config }.validate().all
        #expect(found.map(\.severity) == [.warning])
        #expect(
            found.first?.message
                == "allowLiteralSecret(reason:) on a ConfigMap has no effect; it only applies to Secrets")
    }

    @Test("every literal Secret is reported at once")
    func allAtOnce() {
        let found = Manifest("prod", namespace: "prod") {
            Secret(metadata: .init(name: "a"), stringData: ["x": "1"])
            Secret(metadata: .init(name: "b", namespace: "other"), stringData: ["y": "2"])
            ConfigMap(metadata: .init(name: "fine"), data: ["mode": "fast"])
        }.validate().errors
        #expect(found.map(\.path.description).sorted() == ["prod/Secret/a", "prod/Secret/other/b"])
        #expect(found.contains { $0.message.hasSuffix("written to other.yaml") })
    }
}
