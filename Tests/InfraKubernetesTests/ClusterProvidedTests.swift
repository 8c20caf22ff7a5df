// ClusterProvided: a reference to an object the cluster provides resolves without the "must
// already exist" warning, the object is not written, and contradictions are errors.

import InfraCore
import InfraKubernetes
import Testing

@Suite("objects the cluster provides")
struct ClusterProvidedTests {
    /// A RoleBinding in cert-manager's namespace granting its controller's ServiceAccount a Role.
    static let binding = RoleBinding(
        metadata: ObjectMeta(name: "token", namespace: "cert-manager"),
        roleRef: RoleRef(kind: "Role", name: "token", apiGroup: "rbac.authorization.k8s.io"),
        subjects: [Subject(kind: "ServiceAccount", name: "cert-manager", namespace: "cert-manager")])
    static let role = Role(
        metadata: ObjectMeta(name: "token", namespace: "cert-manager"),
        rules: [PolicyRule(apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"])])
    static let addOnAccount = ServiceAccount(metadata: ObjectMeta(name: "cert-manager", namespace: "cert-manager"))

    static func warnings(_ result: SynthesisResult) -> [String] {
        result.diagnostics.sorted.filter { $0.severity == .warning }.map(\.message)
    }

    @Test("a reference to an undeclared object warns; declared provided, it resolves and is not written")
    func resolves() throws {
        let bare = Manifest("prod") {
            Self.role
            Self.binding
        }.synthesize()
        #expect(Self.warnings(bare).contains { $0.contains("refers to ServiceAccount 'cert-manager'") })

        let declared = Manifest("prod") {
            ObjectGroup {
                ClusterProvided(Self.addOnAccount, by: "the EKS cert-manager add-on")
            }
            Self.role
            Self.binding
        }
        let result = declared.synthesize()
        #expect(result.diagnostics.sorted.isEmpty, "\(result.diagnostics.sorted)")
        #expect(declared.clusterProvided.map(\.provider) == ["the EKS cert-manager add-on"])
        let yaml = result.artifacts.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        // Documents start their lines with `kind:`; the binding's subject is indented.
        #expect(yaml.contains("\nkind: RoleBinding\n"))
        #expect(!yaml.contains("\nkind: ServiceAccount\n"))
    }

    @Test("the manifest's namespace applies to a declaration without one; another namespace does not match")
    func namespaces() {
        let binding = RoleBinding(
            metadata: ObjectMeta(name: "token"),
            roleRef: RoleRef(kind: "ClusterRole", name: "view", apiGroup: "rbac.authorization.k8s.io"),
            subjects: [Subject(kind: "ServiceAccount", name: "agent", namespace: "prod")])
        let matching = Manifest("prod", namespace: "prod") {
            ClusterProvided(ServiceAccount(metadata: ObjectMeta(name: "agent")), by: "the agent's Helm chart")
            binding
        }.synthesize()
        #expect(Self.warnings(matching).isEmpty, "\(Self.warnings(matching))")
        let elsewhere = Manifest("prod", namespace: "prod") {
            ClusterProvided(
                ServiceAccount(metadata: ObjectMeta(name: "agent", namespace: "other")), by: "the agent's Helm chart")
            binding
        }.synthesize()
        #expect(Self.warnings(elsewhere).contains { $0.contains("refers to ServiceAccount 'agent'") })
    }

    @Test("declaring an object the manifest defines, without a name or without a provider, is an error each")
    func contradictions() {
        let result = Manifest("prod") {
            ClusterProvided(Self.addOnAccount, by: "the EKS cert-manager add-on")
            ClusterProvided(ServiceAccount(metadata: ObjectMeta(namespace: "cert-manager")), by: "someone")
            ClusterProvided(ServiceAccount(metadata: ObjectMeta(name: "x", namespace: "cert-manager")), by: " ")
            Self.addOnAccount
        }.synthesize()
        let errors = result.diagnostics.errors.map { "\($0.path): \($0.message)" }.sorted()
        #expect(
            errors == [
                "prod/ClusterProvided/ServiceAccount/<unnamed>: a cluster-provided ServiceAccount needs a name",
                "prod/ClusterProvided/ServiceAccount/x: say who provides ServiceAccount 'x'",
                "prod/ServiceAccount/cert-manager/cert-manager: ServiceAccount 'cert-manager' is defined here and "
                    + "declared provided by the EKS cert-manager add-on",
            ], "\(errors)")
        #expect(result.artifacts.isEmpty)
    }
}
