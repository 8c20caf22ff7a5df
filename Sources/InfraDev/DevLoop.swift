// The edit-and-run loop of one executable product: build it as the files call for (`swift build`
// the first time and whenever the plan may be stale, else only the edited modules' compiles and
// their importers', with SwiftPM's own commands, and the split link), then run it. `infra-dev run`
// does this once, `infra-dev watch` on every save.

import Foundation

/// One package's executable, rebuilt and run as cheaply as its changes allow.
///
/// ```swift
/// let loop = DevLoop(packagePath: ".", product: "my-infra")
/// let outcome = try loop.build()     // .swiftBuild(reason:), .rebuiltModule, or .upToDate
/// let (_, status) = try loop.buildAndRun(arguments: ["synth", "--output", "infra.out"])
/// ```
public struct DevLoop: Sendable {
    /// The package's folder.
    public var packagePath: String
    /// The executable product.
    public var product: String
    /// SwiftPM's build folder (`--scratch-path`; `<package>/.build` by default).
    public var scratchPath: String
    /// Options given to every `swift build` (e.g. `--toolset`, `-Xswiftc …`), the same every time so
    /// that SwiftPM's plan matches the one `infra-dev` follows.
    public var buildFlags: [String]
    /// The `swift` program (`swift` on the PATH by default).
    public var swift: String
    /// Whether a rebuild links the edited modules against a shared library of the others
    /// (`SplitLink`) instead of re-running SwiftPM's static link of every object.
    public var splitLink: Bool

    /// What a build did.
    public enum Outcome: Sendable, Equatable {
        /// Nothing had changed.
        case upToDate
        /// The edited modules' compiles (and their importers') and the link ran (the changed sources).
        case rebuiltModule(changed: [String])
        /// `swift build` ran, for this reason.
        case swiftBuild(reason: String)
    }

    /// A loop over `product` of the package at `packagePath`.
    public init(
        packagePath: String, product: String, scratchPath: String? = nil, buildFlags: [String] = [],
        swift: String = "swift", splitLink: Bool = true
    ) {
        let package = URL(fileURLWithPath: packagePath).standardizedFileURL.path
        self.packagePath = package
        self.product = product
        self.scratchPath = scratchPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? package + "/.build"
        self.buildFlags = buildFlags
        self.swift = swift
        self.splitLink = splitLink
    }

    /// SwiftPM's manifest of the debug build.
    public var manifestPath: String { scratchPath + "/debug.yaml" }
    /// Where the loop keeps its state (`LoopState`, JSON).
    public var statePath: String { scratchPath + "/infra-dev/\(product).json" }

    /// The decision the files call for now, without building (`infra-dev run --explain`).
    public func decide() -> LoopDecision { decide(loadState()) }

    /// The decision the files call for now, given the state as read by `loadState()`.
    public func decide(_ state: LoopState?) -> LoopDecision {
        guard let state else { return .swiftBuild(reason: "no earlier build by infra-dev") }
        return state.decide(manifestStamp: FileStamp(path: manifestPath))
    }

    /// Brings the executable up to date: runs nothing, the plan's steps, or `swift build` (also when
    /// a step fails, so that SwiftPM reports the error and its plan is followed again). With
    /// `splitLink`, the link after a rebuild is `SplitLink`'s: the edited modules' objects against a
    /// shared library of all the others, linked again only when those change.
    @discardableResult
    public func build(log: (String) -> Void = { _ in }) throws -> Outcome {
        try build(loadState(), log: log).outcome
    }

    /// Builds as `build(log:)` does, then runs the executable with `arguments`, its output on this
    /// terminal; returns what the build did and the program's exit status. The loop's state is read
    /// once for both.
    public func buildAndRun(
        arguments: [String], log: (String) -> Void = { _ in }
    ) throws -> (
        outcome: Outcome, status: Int32
    ) {
        let result = try buildAndRun(loadState(), arguments: arguments, log: log)
        return (result.outcome, result.status)
    }

    /// `buildAndRun(arguments:log:)` from the state as read; also returns the state it leaves.
    public func buildAndRun(
        _ state: LoopState?, arguments: [String], log: (String) -> Void = { _ in }
    ) throws -> (
        outcome: Outcome, state: LoopState?, status: Int32
    ) {
        let (outcome, state) = try build(state, log: log)
        return (outcome, state, try Self.spawn(executable(state), arguments, quiet: false).status)
    }

    /// The build, from the state as read; returns the state it leaves.
    private func build(_ state: LoopState?, log: (String) -> Void) throws -> (outcome: Outcome, state: LoopState?) {
        switch decide(state) {
        case .upToDate:
            return (.upToDate, state)
        case .swiftBuild(let reason):
            return try fallBack(reason, hotModules: state?.hotModules ?? [], log: log)
        case .rebuildModule(let changed):
            guard var state else { return try fallBack("state vanished", hotModules: [], log: log) }
            let owners = state.plan.owners
            let modules = Set(changed.compactMap { owners[$0] })
            let steps = state.plan.steps(for: modules)
            guard let link = steps.last else { return try fallBack("no fast path", hotModules: [], log: log) }
            let stamps = Dictionary(uniqueKeysWithValues: changed.map { ($0, FileStamp(path: $0)) })
            for step in steps.dropLast() {
                log(step.description)
                guard try runStep(step) else {
                    return try fallBack("'\(step.description)' failed", hotModules: state.hotModules, log: log)
                }
            }
            state.hotModules = Array(Set(state.hotModules).union(state.plan.compiledModules(for: modules))).sorted()
            guard try self.link(&state, swiftPMLink: link, afterSwiftBuild: false, log: log) else {
                return try fallBack("the link failed", hotModules: state.hotModules, log: log)
            }
            state = state.afterRebuild(of: stamps)
            try save(state)
            return (.rebuiltModule(changed: changed), state)
        }
    }

    /// The executable `run` starts: the split link's when it is current, else SwiftPM's.
    public var executable: String { executable(loadState()) }

    private func executable(_ state: LoopState?) -> String {
        guard let state else { return scratchPath + "/debug/" + product }
        return state.splitExecutable ?? state.plan.executable
    }

    /// `swift build`, then (with `splitLink`) the split link, keeping the modules that were hot.
    private func fallBack(
        _ reason: String, hotModules: [String], log: (String) -> Void
    ) throws -> (
        outcome: Outcome, state: LoopState?
    ) {
        log("swift build: \(reason)")
        var state = try swiftBuild()
        // The next edit links against a library of what this build left cold: link it now, while
        // the user reads the output, not after that edit.
        if splitLink {
            state.hotModules = Array(Set(hotModules).union([state.plan.module])).sorted()
            if try link(&state, swiftPMLink: state.plan.link, afterSwiftBuild: true, log: log) { try save(state) }
        }
        return (.swiftBuild(reason: reason), state)
    }

    /// Links the executable after a rebuild: split when `splitLink` is on and the split has two
    /// sides (the library first when stale), else SwiftPM's own link (which a `swift build` just ran).
    /// Records which executable is current.
    private func link(
        _ state: inout LoopState, swiftPMLink: BuildCommand, afterSwiftBuild: Bool, log: (String) -> Void
    ) throws -> Bool {
        if splitLink,
            let split = SplitLink(
                plan: state.plan, hotModules: Set(state.hotModules), directory: scratchPath + "/infra-dev/" + product)
        {
            let stale = split.libraryIsStale()
            try split.writeLists()
            if stale {
                log(split.library.description)
                guard try runStep(split.library) else { return false }
            }
            log(split.executable.description)
            guard try runStep(split.executable) else { return false }
            state.splitExecutable = split.executablePath
            return true
        }
        if !afterSwiftBuild {
            log(swiftPMLink.description)
            guard try runStep(swiftPMLink) else { return false }
        }
        state.splitExecutable = nil
        return true
    }

    /// `swift build --product` with the loop's flags, then the plan and stamps read afresh.
    private func swiftBuild() throws -> LoopState {
        try? FileManager.default.removeItem(atPath: statePath)
        let start = Date().timeIntervalSince1970
        var arguments = ["build", "--package-path", packagePath, "--product", product]
        if scratchPath != packagePath + "/.build" { arguments += ["--scratch-path", scratchPath] }
        let status = try Self.spawn("/usr/bin/env", [swift] + arguments + buildFlags, quiet: false).status
        guard status == 0 else { throw DevLoopError.swiftBuildFailed(status: status) }
        let manifestStamp = FileStamp(path: manifestPath)
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw DevLoopError.unreadableManifest("\(manifestPath) is missing after swift build")
        }
        let plan = try FastPlan(manifest: BuildManifest(yaml: String(decoding: data, as: UTF8.self)), product: product)
        let state = LoopState(manifestStamp: manifestStamp, plan: plan, buildStart: start)
        try save(state)
        return state
    }

    /// Runs one of SwiftPM's commands exactly as written; a Swift compile's parseable output is
    /// reduced to its diagnostics (warnings), as SwiftPM shows them. A failing step prints nothing:
    /// the `swift build` that follows reports the errors once, SwiftPM's way.
    private func runStep(_ step: BuildCommand) throws -> Bool {
        guard let program = step.arguments.first else { return false }
        let result = try Self.spawn(program, Array(step.arguments.dropFirst()), quiet: true)
        guard result.status == 0 else { return false }
        let text =
            step.arguments.contains("-parseable-output")
            ? ParseableOutput.diagnostics(in: result.output) : String(decoding: result.output, as: UTF8.self)
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
        return true
    }

    /// The loop's state as the last build left it, if any (read it once and pass it to
    /// `decide(_:)` to poll without decoding it on every look).
    public func loadState() -> LoopState? {
        guard let data = FileManager.default.contents(atPath: statePath) else { return nil }
        return try? JSONDecoder().decode(LoopState.self, from: data)
    }

    private func save(_ state: LoopState) throws {
        try FileManager.default.createDirectory(
            atPath: (statePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try JSONEncoder().encode(state).write(to: URL(fileURLWithPath: statePath), options: .atomic)
    }

    /// Starts `program` and waits; with `quiet`, its standard output and error are collected and returned.
    private static func spawn(
        _ program: String, _ arguments: [String], quiet: Bool
    ) throws -> (
        status: Int32, output: Data
    ) {
        try Subprocess.run(program, arguments, quiet: quiet)
    }
}
