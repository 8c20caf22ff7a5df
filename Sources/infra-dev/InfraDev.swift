// `infra-dev`: the edit-to-output loop of a package's infrastructure executable without SwiftPM in
// the loop. After one `swift build`, a save in one of the package's own modules re-runs only that
// module's compile, those of the modules importing it (the commands SwiftPM wrote in
// .build/debug.yaml) and a link of their objects against a shared library of all the others, then
// the program. Anything else — Package.swift, Package.resolved, a file added or removed, a change in
// a checkout, a failing command — goes through `swift build` again.

import ArgumentParser
import Foundation
import InfraDev

@main
struct InfraDevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infra-dev",
        abstract:
            "Rebuild and run an executable of a package on each change, without SwiftPM when only its sources changed.",
        discussion: """
            Build once with the flags you will use (`--build-flag`), then save: the edited module and
            those importing it are compiled with SwiftPM's own commands, linked against a shared
            library of every other module (linked once; --no-split-link for SwiftPM's own link), and
            the program runs with the arguments after `--`. Whenever the plan may be stale `swift
            build` runs instead.
            """,
        subcommands: [Build.self, Run.self, Watch.self],
        defaultSubcommand: Watch.self
    )
}

/// The options both subcommands share.
struct LoopOptions: ParsableArguments {
    @Option(help: "The package's folder.")
    var packagePath = "."

    @Option(help: "The executable product to build and run.")
    var product: String

    @Option(help: "SwiftPM's build folder, if not <package>/.build.")
    var scratchPath: String?

    @Option(
        parsing: .unconditionalSingleValue,
        help: "An option for every `swift build` (repeat it), e.g. --build-flag=--toolset --build-flag=fast-link.json.")
    var buildFlag: [String] = []

    @Flag(
        inversion: .prefixedNo,
        help: "After an edit, link the edited modules against a shared library of the others (linked once).")
    var splitLink = true

    @Flag(help: "Print what is rebuilt and why.")
    var verbose = false

    @Argument(parsing: .postTerminator, help: "The program's arguments (after --).")
    var arguments: [String] = []

    var loop: DevLoop {
        DevLoop(
            packagePath: packagePath, product: product, scratchPath: scratchPath, buildFlags: buildFlag,
            splitLink: splitLink)
    }

    func log(_ line: String) {
        if verbose { FileHandle.standardError.write(Data("infra-dev: \(line)\n".utf8)) }
    }
}

extension InfraDevCommand {
    /// Builds as needed and runs nothing (scripts, benchmarks).
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build as needed; run nothing.")

        @OptionGroup var options: LoopOptions

        func run() throws {
            do {
                try options.loop.build(log: options.log)
            } catch let error as DevLoopError {
                throw ValidationError(error.description)
            }
        }
    }

    /// Builds as needed and runs the program once.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build as needed, run the program once.")

        @OptionGroup var options: LoopOptions

        @Flag(help: "Only say what a build would do now; build and run nothing.")
        var explain = false

        func run() throws {
            let loop = options.loop
            if explain {
                print(String(describing: loop.decide()))
                return
            }
            let status: Int32
            do {
                status = try loop.buildAndRun(arguments: options.arguments, log: options.log).status
            } catch let error as DevLoopError {
                throw ValidationError(error.description)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// Polls the files and, on each change, builds and runs the program.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build and run the program on every change.")

        @OptionGroup var options: LoopOptions

        @Option(help: "Seconds between two looks at the files.")
        var interval = 0.2

        func run() throws {
            let loop = options.loop
            var first = true
            // Read once and after each build: a look at the files then only stats them.
            var state = loop.loadState()
            while true {
                let decision = loop.decide(state)
                if first || decision != .upToDate {
                    first = false
                    let start = Date()
                    do {
                        state = try loop.buildAndRun(state, arguments: options.arguments, log: options.log).state
                        options.log(
                            String(format: "built and ran in %.2f s; watching", Date().timeIntervalSince(start)))
                    } catch let error as DevLoopError {
                        FileHandle.standardError.write(
                            Data("infra-dev: \(error.description); waiting for a change\n".utf8))
                        try waitForChange(after: start)
                        state = loop.loadState()
                    }
                }
                Thread.sleep(forTimeInterval: interval)
            }
        }

        /// After a failed `swift build` there is no plan: waits until a file of the package's
        /// Sources (or its manifest) is modified after `start`.
        private func waitForChange(after start: Date) throws {
            let root = URL(fileURLWithPath: options.packagePath).standardizedFileURL.path
            while true {
                Thread.sleep(forTimeInterval: interval)
                if Self.newest(under: root) > start { return }
            }
        }

        private static func newest(under root: String) -> Date {
            var newest = Date.distantPast
            let manager = FileManager.default
            for path in [root + "/Package.swift", root + "/Package.resolved"] {
                if let date = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date {
                    newest = max(newest, date)
                }
            }
            guard let walker = manager.enumerator(atPath: root + "/Sources") else { return newest }
            while let path = walker.nextObject() as? String {
                if let date = walker.fileAttributes?[.modificationDate] as? Date { newest = max(newest, date) }
                _ = path
            }
            return newest
        }
    }
}
