// The built-in policy rules (InfraPolicy) find nothing in the OVES manifests beyond the
// findings the reference accepts with a reason, and every accepted finding still occurs.

import InfraKubernetes
import InfraPolicy
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: built-in policy rules")
struct ReferencePolicyTests {
    @Test("only the accepted findings remain, and each suppression is used")
    func onlyAcceptedFindings() {
        let documents = [OVESKubernetes.production(), OVESKubernetes.development()].flatMap { manifest in
            manifest.objects.map { PolicyDocument.kubernetes(file: manifest.file(of: $0), $0.renderValue()) }
        }
        let report = PolicyEngine(suppressions: OVESKubernetes.policySuppressions).evaluate(documents)
        #expect(report.active.isEmpty, "\(report.active.map(\.description))")
        #expect(report.unusedSuppressions.isEmpty, "\(report.unusedSuppressions)")
        #expect(report.invalidSuppressions.isEmpty)
    }
}
