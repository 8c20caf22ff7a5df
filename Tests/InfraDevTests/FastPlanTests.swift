// Reading SwiftPM's build plan (a trimmed debug.yaml committed in Fixtures/) into the steps that
// rebuild an executable after a change in its own module, and the inputs whose change needs SwiftPM.

import Foundation
import InfraDev
import Testing

@Suite("Reading SwiftPM's build plan")
struct FastPlanTests {
    static let build = "/pkg/.build/x86_64-unknown-linux-gnu/debug"

    static func fixture() throws -> BuildManifest {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/debug.yaml")
        return try BuildManifest(yaml: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    @Test("every command is read with its tool, inputs, outputs and argument vector")
    func readsCommands() throws {
        let manifest = try Self.fixture()
        #expect(manifest.commands.count == 10)
        let link = try #require(manifest.producer(of: "\(Self.build)/my-infra"))
        #expect(link.name == "C.my-infra-x86_64-unknown-linux-gnu-debug.exe")
        #expect(link.tool == "shell")
        #expect(link.arguments.first == "/opt/swift/usr/bin/swiftc")
        #expect(link.argument(after: "-module-name") == "my_infra")
        #expect(link.arguments.contains("-rpath=$ORIGIN"))
        #expect(manifest.producer(of: "/pkg/Sources/MyInfra/MyInfra.swift") == nil)
        #expect(manifest.commands["PackageStructure"]?.tool == "package-structure-tool")
    }

    @Test("a change in the executable's module re-runs its compile, the AST wrap and the link, in that order")
    func stepsOfTheModule() throws {
        let plan = try FastPlan(manifest: Self.fixture(), product: "my-infra")
        #expect(plan.executable == "\(Self.build)/my-infra")
        #expect(plan.module == "my_infra")
        #expect(plan.refusal == nil)
        #expect(
            plan.steps.map(\.description) == [
                "Compiling Swift Module 'my_infra' (1 sources)", "Wrapping AST for my-infra for debugging",
                "Linking ./.build/x86_64-unknown-linux-gnu/debug/my-infra",
            ])
        #expect(plan.moduleSources == ["/pkg/Sources/MyInfra/MyInfra.swift"])
        // The dependency's source and the compiler (through the version file) send the loop to swift build.
        #expect(plan.otherInputs == ["/opt/swift/usr/bin/swiftc", "/pkg/.build/checkouts/lib/Sources/Lib/Lib.swift"])
        #expect(
            plan.structure == [
                "/pkg/.build/checkouts/lib/Sources/Lib/", "/pkg/Package.resolved", "/pkg/Package.swift",
                "/pkg/Sources/MyInfra/",
            ])
    }

    @Test("the dependency's compile is not a step: it is not downstream of the module")
    func dependencyIsNotAStep() throws {
        let plan = try FastPlan(manifest: Self.fixture(), product: "my-infra")
        #expect(!plan.steps.contains { $0.argument(after: "-module-name") == "Lib" })
    }

    @Test("an unknown product is an error naming it")
    func unknownProduct() throws {
        #expect(throws: DevLoopError.noSuchExecutable("other", candidates: 0)) {
            try FastPlan(manifest: Self.fixture(), product: "other")
        }
    }

    @Test("a module read by another compile has no fast path, and says why")
    func moduleReadByAnotherCompile() throws {
        var commands = Array(try Self.fixture().commands.values)
        commands.append(
            BuildCommand(
                name: "C.Reader.module", tool: "shell",
                inputs: ["\(Self.build)/Modules/my_infra.swiftmodule"],
                outputs: ["\(Self.build)/Reader.build/R.swift.o"],
                description: "Compiling Swift Module 'Reader' (1 sources)",
                arguments: ["/opt/swift/usr/bin/swiftc", "-module-name", "Reader", "-c", "R.swift"]))
        // The link reads the reader's object, so the reader is part of the executable.
        if let index = commands.firstIndex(where: { $0.name == "C.my-infra-x86_64-unknown-linux-gnu-debug.exe" }) {
            commands[index].inputs.append("\(Self.build)/Reader.build/R.swift.o")
        }
        let plan = try FastPlan(manifest: BuildManifest(commands: commands), product: "my-infra")
        #expect(plan.steps.isEmpty)
        #expect(plan.refusal == "'Compiling Swift Module 'Reader' (1 sources)' reads the module")
    }

    @Test("a manifest that is not YAML is reported, not crashed on")
    func unreadableManifest() {
        #expect(throws: DevLoopError.self) { try BuildManifest(yaml: "commands: [unclosed") }
    }

    @Test("the compiler's parseable output is reduced to what it would have printed")
    func parseableOutput() {
        let began = #"{"kind":"began","name":"compile","pid":1,"command_arguments":["-c"]}"#
        let finished =
            #"{"kind":"finished","name":"compile","pid":1,"exit-status":1,"output":"a.swift:1:1: error: x\n"}"#
        let stream = "\(began.utf8.count)\n\(began)\n\(finished.utf8.count)\n\(finished)\n<unknown>:0: error: crash\n"
        #expect(
            ParseableOutput.diagnostics(in: Data(stream.utf8)) == "a.swift:1:1: error: x\n<unknown>:0: error: crash\n")
    }
}
