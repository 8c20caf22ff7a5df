// `infra-dev`: the edit-to-output loop of a package's infrastructure executable without SwiftPM in
// the loop. After one `swift build`, a save in the executable's own module re-runs only that
// module's compile and the link (the commands SwiftPM wrote in .build/debug.yaml), then the program.
// Anything else — Package.swift, Package.resolved, a file added or removed, a change in another
// module, a failing command — goes through `swift build` again.

import ArgumentParser
import Foundation
import InfraDev

@main
struct InfraDevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infra-dev",
        abstract:
            "Rebuild and run an executable of a package on each change, without SwiftPM when only its module changed.",
        discussion: """
            Build once with the flags you will use (`--build-flag`), then save: the executable's own
            module is compiled and linked with SwiftPM's own commands, and the program runs with the
            arguments after `--`. Whenever the plan may be stale `swift build` runs instead.
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

    @Flag(help: "Print what is rebuilt and why.")
    var verbose = false

    @Argument(parsing: .postTerminator, help: "The program's arguments (after --).")
    var arguments: [String] = []

    var loop: DevLoop {
        DevLoop(packagePath: packagePath, product: product, scratchPath: scratchPath, buildFlags: buildFlag)
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
            do {
                try loop.build(log: options.log)
            } catch let error as DevLoopError {
                throw ValidationError(error.description)
            }
            let status = try loop.run(arguments: options.arguments)
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
            while true {
                let decision = loop.decide()
                if first || decision != .upToDate {
                    first = false
                    let start = Date()
                    do {
                        try loop.build(log: options.log)
                        _ = try loop.run(arguments: options.arguments)
                        options.log(
                            String(format: "built and ran in %.2f s; watching", Date().timeIntervalSince(start)))
                    } catch let error as DevLoopError {
                        FileHandle.standardError.write(
                            Data("infra-dev: \(error.description); waiting for a change\n".utf8))
                        try waitForChange(after: start)
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
