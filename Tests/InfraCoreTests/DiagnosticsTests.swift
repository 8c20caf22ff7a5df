import InfraCore
import Testing

@Suite("Diagnostics and component paths")
struct DiagnosticsTests {
    @Test("a component path prints like prod/network/subnet[2]")
    func pathDescription() {
        let path = ComponentPath("prod").appending("network").appending("subnet", index: 2)
        #expect(path.description == "prod/network/subnet[2]")
        #expect(ComponentPath("prod/network/subnet[2]") == path)
    }

    @Test("diagnostics collect everything and sort errors first")
    func collectAll() {
        var diagnostics = Diagnostics()
        diagnostics.warning("b", "second")
        diagnostics.error("z", "first")
        diagnostics.error("a", "zeroth", hint: "fix it")
        #expect(diagnostics.all.count == 3)
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.sorted.map(\.message) == ["zeroth", "first", "second"])
        #expect(diagnostics.failure.description.hasPrefix("error: a: zeroth (hint: fix it)"))
    }
}
