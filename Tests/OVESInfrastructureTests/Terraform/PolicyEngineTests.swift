// The built-in policy engine (InfraPolicy) finds nothing in the OVES Terraform output
// beyond the findings the reference accepts, each with a reason.

import InfraPolicy
import OVESInfrastructure
import Testing

@Suite("OVES Terraform reference passes the built-in policy rules")
struct TerraformPolicyEngineTests {
    @Test("no active finding; every suppression has a reason")
    func noActiveFindings() {
        let engine = PolicyEngine(suppressions: OVESReference.policySuppressions)
        let terraform = OVESSynthesis.result.artifacts.filter { $0.path.hasPrefix("terraform/") }
        let report = engine.evaluate(PolicyDocument.documents(of: terraform))
        #expect(report.active.isEmpty, "\(report.active.map(\.description))")
        #expect(report.invalidSuppressions.isEmpty)
        let suppressions = OVESReference.policySuppressions
        #expect(suppressions.allSatisfy { $0.isValid })
    }
}
