// The edit-and-run loop of one executable product: build it as the files call for (`swift build`
// the first time and whenever the plan may be stale, else only its module's compile and its link,
// with SwiftPM's own commands), then run it. `infra-dev run` does this once, `infra-dev watch` on
// every save.

import Foundation

/// One package's executable, rebuilt and run as cheaply as its changes allow.
///
/// ```swift
/// let loop = DevLoop(packagePath: ".", product: "my-infra")
/// let outcome = try loop.build()     // .swiftBuild(reason:), .rebuiltModule, or .upToDate
/// try loop.run(arguments: ["synth", "--output", "infra.out"])
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

    /// What a build did.
    public enum Outcome: Sendable, Equatable {
        /// Nothing had changed.
        case upToDate
        /// The module's compile and the link ran (the changed sources).
        case rebuiltModule(changed: [String])
        /// `swift build` ran, for this reason.
        case swiftBuild(reason: String)
    }

    /// A loop over `product` of the package at `packagePath`.
    public init(
        packagePath: String, product: String, scratchPath: String? = nil, buildFlags: [String] = [],
        swift: String = "swift"
    ) {
        let package = URL(fileURLWithPath: packagePath).standardizedFileURL.path
        self.packagePath = package
        self.product = product
        self.scratchPath = scratchPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? package + "/.build"
        self.buildFlags = buildFlags
        self.swift = swift
    }

    /// SwiftPM's manifest of the debug build.
    public var manifestPath: String { scratchPath + "/debug.yaml" }
    /// Where the loop keeps its state (`LoopState`, JSON).
    public var statePath: String { scratchPath + "/infra-dev/\(product).json" }

    /// The decision the files call for now, without building (`infra-dev run --explain`).
    public func decide() -> LoopDecision {
        guard let state = loadState() else { return .swiftBuild(reason: "no earlier build by infra-dev") }
        return state.decide(manifestStamp: FileStamp(path: manifestPath))
    }

    /// Brings the executable up to date: runs nothing, the plan's steps, or `swift build` (also when
    /// a step fails, so that SwiftPM reports the error and its plan is followed again).
    @discardableResult
    public func build(log: (String) -> Void = { _ in }) throws -> Outcome {
        switch decide() {
        case .upToDate:
            return .upToDate
        case .swiftBuild(let reason):
            log("swift build: \(reason)")
            try swiftBuild()
            return .swiftBuild(reason: reason)
        case .rebuildModule(let changed):
            guard let state = loadState() else { return try fallBack("state vanished", log: log) }
            let stamps = Dictionary(uniqueKeysWithValues: changed.map { ($0, FileStamp(path: $0)) })
            for step in state.plan.steps {
                log(step.description)
                guard try runStep(step) else {
                    return try fallBack("'\(step.description)' failed", log: log)
                }
            }
            try save(state.afterRebuild(of: stamps))
            return .rebuiltModule(changed: changed)
        }
    }

    /// Runs the executable with `arguments`, its output on this terminal; returns its exit status.
    public func run(arguments: [String]) throws -> Int32 {
        let executable = loadState()?.plan.executable ?? scratchPath + "/debug/" + product
        return try Self.spawn(executable, arguments, quiet: false).status
    }

    private func fallBack(_ reason: String, log: (String) -> Void) throws -> Outcome {
        log("swift build: \(reason)")
        try swiftBuild()
        return .swiftBuild(reason: reason)
    }

    /// `swift build --product` with the loop's flags, then the plan and stamps read afresh.
    private func swiftBuild() throws {
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
        try save(LoopState(manifestStamp: manifestStamp, plan: plan, buildStart: start))
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

    private func loadState() -> LoopState? {
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        if quiet {
            process.standardOutput = pipe
            process.standardError = pipe
        }
        do {
            try process.run()
        } catch {
            throw DevLoopError.cannotRun("\(program): \(error)")
        }
        let output = quiet ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
