// Upstream YAML goes through the Secret rule like objects written in Swift: an included Secret
// with literal data is an error at its path and nothing is written; the opt-in works on included
// Secrets (patched in, or as the annotation in the vendored file); an empty Secret is fine.

import InfraCore
import InfraKubernetes
import Testing

@Suite("Included Secrets follow the Secret rule")
struct IncludeSecretTests {
    static let upstream = """
        apiVersion: v1
        kind: Secret
        metadata: {name: webhook-ca, namespace: tools}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: api-token, namespace: tools}
        stringData:
          token: not-a-real-token
        """

    @Test("an included Secret with literal data is an error naming the keys, never the values")
    func literalData() throws {
        let manifest = Manifest("tools", namespace: "tools") { Include(yaml: Self.upstream, source: "agent.yaml") }
        let result = manifest.synthesize()
        let errors = result.diagnostics.errors
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.path.description == "tools/Secret/api-token")
        #expect(error.message.contains("literal values (stringData.token)"))
        #expect(!error.description.contains("not-a-real-token"))
        #expect(result.artifacts.isEmpty)
    }

    @Test("the opt-in applies to included Secrets, patched in or present in the vendored YAML")
    func optIn() {
        let patched = Manifest("tools", namespace: "tools") {
            Include(yaml: Self.upstream, source: "agent.yaml").patch(Secret.self, named: "api-token") {
                $0 = $0.allowLiteralSecret(reason: "fake token of the CI fixture")
            }
        }
        let annotated = Manifest("tools", namespace: "tools") {
            Include(
                yaml: Self.upstream.replacingOccurrences(
                    of: "name: api-token, namespace: tools}",
                    with:
                        "name: api-token, namespace: tools, annotations: {swift-infra.dev/allow-literal-secret: fixture}}"
                ),
                source: "agent.yaml")
        }
        for manifest in [patched, annotated] {
            let result = manifest.synthesize()
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
            #expect(!result.artifacts.isEmpty)
        }
    }
}
