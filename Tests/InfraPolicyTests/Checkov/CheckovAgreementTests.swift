// Compares our verdict with checkov's (via the tools' checkov venv) on the committed fixture
// folder, and keeps the agreement table in Documentation/PolicyChecks.md up to date.
// Under CI=true a missing checkov fails; elsewhere the comparison is skipped with a reason.

import Foundation
import InfraCore
import InfraPolicy
import Testing

@Suite("Agreement with checkov")
struct CheckovAgreementTests {
    @Test func fixtureFolderIsUpToDate() throws {
        if CheckovFixtures.isRecording { try CheckovFixtures.record() }
        #expect(CheckovFixtures.staleFiles() == [], "run INFRA_RECORD_SNAPSHOTS=1 swift test --filter CheckovAgreement")
    }

    @Test(
        .enabled(
            if: CheckovRunner.shouldRun, "checkov is not installed (run ../shared/tools/setup); skipped outside CI"))
    func ourVerdictsMatchCheckovExceptDocumentedDifferences() throws {
        guard let results = try CheckovRunner.results(scanning: CheckovFixtures.folder) else { return }
        let rows = AgreementTable.rows(cases: CheckovFixtures.cases, checkov: results)
        for row in rows {
            let verdicts = row.checkov.map { "\($0.id) \($0.verdict.rawValue)" }.joined(separator: ", ")
            if let reason = AgreementTable.knownDifferences[row.key] {
                #expect(
                    row.agreement != .agrees,
                    "\(row.key) now agrees with checkov; remove the known difference (\(reason))")
            } else {
                #expect(
                    row.agreement == .agrees, "\(row.key): ours \(row.violates ? "fail" : "pass"), checkov \(verdicts)")
            }
        }
        let table = AgreementTable.markdown(rows)
        let document = CheckovFixtures.packageRoot.appendingPathComponent("Documentation/PolicyChecks.md")
        if CheckovFixtures.isRecording { try AgreementTable.replaceSection(in: document, with: table) }
        let text = (try? String(contentsOf: document, encoding: .utf8)) ?? ""
        #expect(
            text.contains(table),
            "Documentation/PolicyChecks.md agreement table is stale: run INFRA_RECORD_SNAPSHOTS=1 swift test --filter CheckovAgreement"
        )
    }
}
