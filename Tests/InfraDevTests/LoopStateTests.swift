// The decisions of the loop on real files in a temporary package: run as it is, re-run the module's
// compile and link, or go back to `swift build` — and why.

import Foundation
import InfraDev
import Testing

@Suite("Deciding what a change needs")
struct LoopStateTests {
    /// A package on disk: Package.swift, the executable's module (two files), a dependency's source.
    struct Package {
        let root: String
        var module: String { root + "/Sources/MyInfra" }
        var main: String { module + "/MyInfra.swift" }
        var helper: String { module + "/Helper.swift" }
        var dependency: String { root + "/.build/checkouts/lib/Sources/Lib/Lib.swift" }
        var manifest: String { root + "/.build/debug.yaml" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("infra-dev-\(UUID().uuidString)").path
            for folder in [
                root + "/Sources/MyInfra", root + "/.build/checkouts/lib/Sources/Lib", root + "/.build/debug",
            ] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try write(root + "/Package.swift", "// swift-tools-version: 6.1\n")
            try write(main, "print(1)\n")
            try write(helper, "let two = 2\n")
            try write(dependency, "public let lib = 1\n")
            try write(manifest, "commands: {}\n")
            try write(root + "/.build/debug/my-infra", "#!/bin/sh\n")
            try write(root + "/.build/checkouts/lib/Package.swift", "// swift-tools-version: 6.1\n")
        }

        var plan: FastPlan {
            FastPlan(
                executable: root + "/.build/debug/my-infra", module: "my_infra",
                chains: [
                    ModuleChain(
                        module: "my_infra", sources: [helper, main],
                        steps: [BuildCommand(name: "C.module", tool: "shell", arguments: ["/bin/true"])])
                ],
                link: BuildCommand(name: "C.link", tool: "shell", arguments: ["/bin/true"]), otherInputs: [dependency],
                structure: [
                    root + "/Sources/MyInfra/", root + "/.build/checkouts/lib/Sources/Lib/", root + "/Package.swift",
                ])
        }

        func state(buildStart: Double? = nil) -> LoopState {
            LoopState(manifestStamp: FileStamp(path: manifest), plan: plan, buildStart: buildStart)
        }

        func decide(_ state: LoopState) -> LoopDecision { state.decide(manifestStamp: FileStamp(path: manifest)) }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }

        /// Sets a file's modification time `seconds` into the past (what `cp -p` or a restore does).
        func age(_ path: String, by seconds: Double) throws {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -seconds)], ofItemAtPath: path)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test("nothing changed: run the executable as it is")
    func upToDate() throws {
        let package = try Package()
        defer { package.remove() }
        #expect(package.decide(package.state()) == .upToDate)
    }

    @Test("an edit in the executable's module re-runs its steps only")
    func editInModule() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.write(package.main, "print(2)\n")
        #expect(package.decide(state) == .rebuildModule(changed: [package.main]))
    }

    @Test("an editor's atomic save (new file renamed over the old one) is an edit, not an added file")
    func atomicSave() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.write(package.module + "/.MyInfra.swift.swp", "print(3)\n")
        try FileManager.default.removeItem(atPath: package.main)
        try FileManager.default.moveItem(atPath: package.module + "/.MyInfra.swift.swp", toPath: package.main)
        #expect(package.decide(state) == .rebuildModule(changed: [package.main]))
    }

    @Test("a file put back with an older time counts as changed (stamps compared for equality)")
    func olderTime() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.age(package.main, by: 3600)
        #expect(package.decide(state) == .rebuildModule(changed: [package.main]))
    }

    @Test("a change in a dependency's source needs swift build, naming the file")
    func editInDependency() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.write(package.dependency, "public let lib = 2\n")
        #expect(
            package.decide(state)
                == .swiftBuild(reason: "\(package.dependency) changed (outside the package's own modules)"))
    }

    @Test("Package.swift changed, the package's or a path dependency's: swift build")
    func manifestChanged() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.write(package.root + "/Package.swift", "// swift-tools-version: 6.2\n")
        #expect(package.decide(state) == .swiftBuild(reason: "\(package.root)/Package.swift changed"))

        let again = try Package()
        defer { again.remove() }
        let before = again.state()
        try again.write(again.root + "/.build/checkouts/lib/Package.swift", "// changed\n")
        #expect(again.decide(before) == .swiftBuild(reason: "\(again.root)/.build/checkouts/lib/Package.swift changed"))
    }

    @Test("a source added to the module or a folder added: swift build (the plan's source list is stale)")
    func fileAdded() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.write(package.module + "/New.swift", "let new = 1\n")
        #expect(package.decide(state) == .swiftBuild(reason: "files added or removed in \(package.module): New.swift"))

        let again = try Package()
        defer { again.remove() }
        let before = again.state()
        try FileManager.default.createDirectory(atPath: again.module + "/Nested", withIntermediateDirectories: false)
        #expect(again.decide(before) == .swiftBuild(reason: "files added or removed in \(again.module): Nested"))
    }

    @Test("a source removed from the module: swift build")
    func fileRemoved() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try FileManager.default.removeItem(atPath: package.helper)
        #expect(
            package.decide(state) == .swiftBuild(reason: "files added or removed in \(package.module): Helper.swift"))
    }

    @Test("the executable deleted: swift build links it again")
    func executableMissing() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try FileManager.default.removeItem(atPath: package.root + "/.build/debug/my-infra")
        #expect(package.decide(state) == .swiftBuild(reason: "the executable is missing"))
    }

    @Test("SwiftPM wrote its plan again: swift build (and the plan is read afresh)")
    func planRewritten() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.write(package.manifest, "commands: {}\n# planned again\n")
        #expect(package.decide(state) == .swiftBuild(reason: "SwiftPM's build plan changed"))
    }

    @Test("a file modified after the build started may have been read before the edit: changed next time")
    func modifiedDuringBuild() throws {
        let package = try Package()
        defer { package.remove() }
        let start = Date().timeIntervalSince1970 - 60
        for path in [package.helper, package.dependency, package.root + "/Package.swift"] {
            try package.age(path, by: 3600)
        }
        try package.age(package.root + "/.build/checkouts/lib/Package.swift", by: 3600)
        let state = package.state(buildStart: start)
        #expect(state.files[package.main] == .unknown)
        #expect(state.files[package.helper] != .unknown)
        #expect(package.decide(state) == .rebuildModule(changed: [package.main]))
    }

    @Test("after a rebuild the edited file's stamp from before the steps is kept")
    func afterRebuild() throws {
        let package = try Package()
        defer { package.remove() }
        let state = package.state()
        try package.write(package.main, "print(2)\n")
        let stamps = [package.main: FileStamp(path: package.main)]
        #expect(package.decide(state.afterRebuild(of: stamps)) == .upToDate)
    }

    @Test("a module without a fast path goes to swift build with the plan's reason")
    func refusal() throws {
        let package = try Package()
        defer { package.remove() }
        var state = package.state()
        state.plan.chains[0].refusal = "the link does not read the module's outputs"
        try package.write(package.main, "print(2)\n")
        #expect(
            package.decide(state)
                == .swiftBuild(reason: "no fast path for 'my_infra': the link does not read the module's outputs"))
    }
}
