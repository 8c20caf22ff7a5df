// The built-in policy rules (InfraPolicy) find nothing in the OVES manifests beyond the
// findings the reference accepts with a reason, and every accepted finding still occurs —
// read from the manifests' resolved model, as `infra-manifest check` reads it.

import InfraCore
import InfraKubernetes
import InfraPolicy
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: built-in policy rules")
struct ReferencePolicyTests {
    @Test("only the accepted findings remain, and each suppression is used")
    func onlyAcceptedFindings() {
        let model = Infrastructure(units: OVESKubernetes.manifests).synthesize().model
        let report = PolicyEngine(suppressions: OVESKubernetes.policySuppressions).evaluate(model)
        #expect(report.coverage.first { $0.format == .kubernetes }?.documents == model.nodes.count)
        #expect(report.active.isEmpty, "\(report.active.map(\.description))")
        #expect(report.unusedSuppressions.isEmpty, "\(report.unusedSuppressions)")
        #expect(report.invalidSuppressions.isEmpty)
        #expect(report.suppressed.count >= OVESKubernetes.policySuppressions.count)
    }
}
