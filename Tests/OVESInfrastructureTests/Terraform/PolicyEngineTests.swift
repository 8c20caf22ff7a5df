// The built-in policy engine (InfraPolicy) finds nothing in the OVES Terraform output
// beyond the findings the reference accepts, each with a reason.

import InfraPolicy
import OVESInfrastructure
import Testing

@Suite("OVES Terraform reference passes the built-in policy rules")
struct TerraformPolicyEngineTests {
    @Test("no active finding; every suppression has a reason and is used")
    func noActiveFindings() {
        let engine = PolicyEngine(suppressions: OVESReference.policySuppressions)
        let report = engine.evaluate(OVESSynthesis.result.model)
        #expect(report.active.isEmpty, "\(report.active.map(\.description))")
        #expect(report.invalidSuppressions.isEmpty)
        #expect(report.unusedSuppressions.isEmpty, "\(report.unusedSuppressions)")
        #expect(report.coverage.first { $0.format == .terraform }.map { $0.rules > 0 && $0.documents > 150 } == true)
        #expect(report.suppressed.allSatisfy { $0.path != nil }, "findings name the component path")
        let suppressions = OVESReference.policySuppressions
        #expect(suppressions.allSatisfy { $0.isValid })
    }
}
