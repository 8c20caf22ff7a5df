// The OVES reference is written in the typed layer only: no root or module uses raw HCL, an
// override or an untyped Resource/DataSource, so `infra-manifest check` lists no escape hatch
// and every reference is validated and drawn in the graph.

import InfraCore
import InfraTerraform
import OVESInfrastructure
import Testing

@Suite("OVES uses no escape hatch")
struct TypedLayerTests {
    @Test("no Terraform root or module of the reference uses raw HCL, overrides or untyped blocks")
    func noEscapeHatches() {
        let units = Infrastructure(units: OVESReference.terraformUnits).allUnits
        let reporting = units.compactMap { $0 as? any EscapeHatchReporting }
        #expect(reporting.count == units.count, "every Terraform unit reports its escape hatches")
        #expect(reporting.count > 5)
        let uses = reporting.flatMap(\.escapeHatches).map { "\($0.path): \($0.kind.rawValue) \($0.detail)" }
        #expect(uses == [])
    }

    @Test("module calls are wired by output name: every module.<call>.<output> is an edge of its root")
    func moduleOutputsAreEdges() {
        let edges = OVESSynthesis.result.edges
        #expect(edges.contains { $0.from.hasSuffix("/module.eks") && $0.to.hasSuffix("/module.vpc") })
        #expect(edges.contains { $0.from.hasSuffix("/module.iam") && $0.to.hasSuffix("/module.eks") })
        #expect(edges.contains { $0.from.hasSuffix("/module.rds") && $0.to.hasSuffix("/module.database_vpc") })
    }
}
