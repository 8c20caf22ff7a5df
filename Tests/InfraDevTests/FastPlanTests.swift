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
        #expect(plan.ownChain?.refusal == nil)
        #expect(
            plan.steps(for: [plan.module]).map(\.description) == [
                "Compiling Swift Module 'my_infra' (1 sources)", "Wrapping AST for my-infra for debugging",
                "Linking ./.build/x86_64-unknown-linux-gnu/debug/my-infra",
            ])
        #expect(plan.ownChain?.sources == ["/pkg/Sources/MyInfra/MyInfra.swift"])
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
        #expect(!plan.steps(for: [plan.module]).contains { $0.argument(after: "-module-name") == "Lib" })
    }

    @Test("an unknown product is an error naming it")
    func unknownProduct() throws {
        #expect(throws: DevLoopError.noSuchExecutable("other", candidates: 0)) {
            try FastPlan(manifest: Self.fixture(), product: "other")
        }
    }

    static let accessor = "\(build)/Lib.build/DerivedSources/resource_bundle_accessor.swift"

    /// The fixture with `Lib` moved from a checkout into the package (`/pkg/Sources/Lib`): an editable
    /// module, with a resource bundle accessor.
    static func editableLibrary() throws -> BuildManifest {
        let commands = try fixture().commands.values.map { command in
            var command = command
            let moved = { (path: String) in
                path.replacingOccurrences(of: "/pkg/.build/checkouts/lib/Sources/Lib", with: "/pkg/Sources/Lib")
            }
            command.inputs = command.inputs.map(moved)
            command.arguments = command.arguments.map(moved)
            // SwiftPM writes a resource bundle's accessor into the build folder when it plans.
            if command.name == "C.Lib-x86_64-unknown-linux-gnu-debug.module" { command.inputs.append(accessor) }
            return command
        }
        return BuildManifest(commands: commands)
    }

    @Test("a change in a library of the package re-runs its compile, its importer's, their AST wraps and the link")
    func chainOfALibrary() throws {
        let plan = try FastPlan(manifest: Self.editableLibrary(), product: "my-infra")
        #expect(plan.chains.map(\.module) == ["my_infra", "Lib"])
        #expect(plan.owners["/pkg/Sources/Lib/Lib.swift"] == "Lib")
        #expect(
            plan.steps(for: ["Lib"]).map(\.description) == [
                "Compiling Swift Module 'Lib' (1 sources)", "Compiling Swift Module 'my_infra' (1 sources)",
                "Wrapping AST for my-infra for debugging", "Linking ./.build/x86_64-unknown-linux-gnu/debug/my-infra",
            ])
        #expect(plan.compiledModules(for: ["Lib"]) == ["Lib", "my_infra"])
        #expect(plan.compiledModules(for: ["my_infra"]) == ["my_infra"])
        #expect(!plan.otherInputs.contains("/pkg/Sources/Lib/Lib.swift"))
        // The derived accessor is no source of the module: it changes only when SwiftPM plans again.
        #expect(plan.chains.first { $0.module == "Lib" }?.sources == ["/pkg/Sources/Lib/Lib.swift"])
        #expect(plan.otherInputs.contains(Self.accessor))
    }

    @Test("a module imported by more modules than one rebuild compiles has no fast path, and says why")
    func tooManyImporters() throws {
        var commands = Array(try Self.editableLibrary().commands.values)
        let linkName = "C.my-infra-x86_64-unknown-linux-gnu-debug.exe"
        for index in 1...FastPlan.maximumCompiles {
            let object = "\(Self.build)/Reader\(index).build/R.swift.o"
            commands.append(
                BuildCommand(
                    name: "C.Reader\(index).module", tool: "shell", inputs: ["\(Self.build)/Modules/Lib.swiftmodule"],
                    outputs: [object], description: "Compiling Swift Module 'Reader\(index)' (1 sources)",
                    arguments: ["/opt/swift/usr/bin/swiftc", "-module-name", "Reader\(index)", "-c", "R.swift"]))
            // The link reads each reader's object, so each reader is part of the executable.
            if let link = commands.firstIndex(where: { $0.name == linkName }) { commands[link].inputs.append(object) }
        }
        let plan = try FastPlan(manifest: BuildManifest(commands: commands), product: "my-infra")
        let lib = try #require(plan.chains.first { $0.module == "Lib" })
        #expect(lib.steps.isEmpty)
        #expect(
            lib.refusal
                == "\(FastPlan.maximumCompiles + 1) modules import 'Lib': swift build compiles them side by side")
        #expect(plan.steps(for: ["Lib"]).isEmpty)
        #expect(plan.ownChain?.refusal == nil)
    }

    @Test("the split link: the edited module's objects against a library of the others, SwiftPM's arguments kept")
    func splitLink() throws {
        let plan = try FastPlan(manifest: Self.editableLibrary(), product: "my-infra")
        let split = try #require(
            SplitLink(plan: plan, hotModules: ["my_infra"], directory: "/pkg/.build/dev", lld: false))
        #expect(split.coldObjects == ["\(Self.build)/Lib.build/Lib.swift.o"])
        #expect(
            split.hotObjects == [
                "\(Self.build)/my_infra.build/MyInfra.swift.o", "\(Self.build)/my_infra.build/my_infra.swiftmodule.o",
            ])
        #expect(split.libraryPath == "/pkg/.build/dev/libmy-infra-deps.so")
        #expect(split.executablePath == "/pkg/.build/dev/my-infra")
        let library = split.library.arguments
        #expect(library.contains("-emit-library") && !library.contains("-emit-executable"))
        #expect(!library.contains("--defsym") && !library.contains("main=my_infra_main"))
        #expect(library.contains("@/pkg/.build/dev/cold.LinkFileList"))
        #expect(split.library.argument(after: "-o") == split.libraryPath)
        let executable = split.executable.arguments
        #expect(executable.contains("main=my_infra_main") && executable.contains("-emit-executable"))
        #expect(executable.contains("@/pkg/.build/dev/hot.LinkFileList"))
        #expect(
            Array(executable.suffix(5)) == [
                "-L", "/pkg/.build/dev", "-lmy-infra-deps", "-Xlinker", "-rpath=/pkg/.build/dev",
            ])
        #expect(split.listFiles["/pkg/.build/dev/cold.LinkFileList"] == split.coldObjects)
        // With lld both links name it, after SwiftPM's arguments.
        let lld = try #require(SplitLink(plan: plan, hotModules: ["my_infra"], directory: "/d", lld: true))
        #expect(lld.library.arguments.last == "-use-ld=lld")
        #expect(lld.executable.arguments.filter { $0 == "-use-ld=lld" }.count == 1)
        // Every module hot, or none cold: nothing to split.
        #expect(SplitLink(plan: plan, hotModules: ["my_infra", "Lib"], directory: "/pkg/.build/dev") == nil)
    }

    @Test("object lists quote what a response file would split")
    func listQuoting() {
        let text = String(decoding: SplitLink.listText(["/a/b.o", "/my dir/c\"d.o"]), as: UTF8.self)
        #expect(text == "/a/b.o\n\"/my dir/c\\\"d.o\"\n")
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
