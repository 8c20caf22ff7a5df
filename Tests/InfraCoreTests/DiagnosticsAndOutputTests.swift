import Foundation
import InfraCore
import InfraTestSupport
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

@Suite("Atomic output")
struct OutputWriterTests {
    @Test("an existing folder is replaced whole, leaving no stale files and no temporaries")
    func replaceWhole() throws {
        let parent = try ExternalTools.temporaryDirectory("out")
        let target = parent.appendingPathComponent("infra.out")
        let writer = OutputWriter(directory: target)
        try writer.write([Artifact(path: "a/old.json", bytes: Array("1".utf8))])
        try writer.write([Artifact(path: "b/new.json", bytes: Array("2".utf8))])
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: target.appendingPathComponent("a/old.json").path))
        #expect(try String(contentsOf: target.appendingPathComponent("b/new.json"), encoding: .utf8) == "2")
        #expect(try fm.contentsOfDirectory(atPath: parent.path) == ["infra.out"])
    }

    @Test("a failed write leaves the previous folder untouched")
    func failureKeepsOld() throws {
        let parent = try ExternalTools.temporaryDirectory("out")
        let target = parent.appendingPathComponent("infra.out")
        let writer = OutputWriter(directory: target)
        try writer.write([Artifact(path: "keep.json", bytes: Array("ok".utf8))])
        // A file and a folder with the same path cannot both be created: the write fails midway.
        #expect(throws: (any Error).self) {
            try writer.write([Artifact(path: "x", bytes: [1]), Artifact(path: "x/y", bytes: [2])])
        }
        #expect(try String(contentsOf: target.appendingPathComponent("keep.json"), encoding: .utf8) == "ok")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["infra.out"])
    }
}
