// Running the real consumers of our output (terraform, PyYAML, the shared validators)
// from tests. A missing tool fails the test under CI=true and skips it elsewhere,
// so CI can never pass by silently not checking.

import Foundation
import Testing

/// Finds and runs external tools for tests.
public enum ExternalTools {
    /// The package root, found from this file's location.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/tools` next to the checkout.
    public static let sharedTools = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools")

    /// Whether the tests run in CI (`CI=true`), where a missing tool is a failure.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The path of an executable on PATH, if any.
    public static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Whether `tool` is available at `path`; records a failure in CI when it is not, so
    /// callers can `guard ExternalTools.require(...) else { return }` and skip only locally.
    public static func require(_ tool: String, at path: String?) -> Bool {
        if let path, FileManager.default.isExecutableFile(atPath: path) { return true }
        if isCI { Issue.record("\(tool) is required in CI but was not found") }
        return false
    }

    /// A finished process's exit status and output.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// `GOGC=400` for the Go programs the tests start: terraform and its AWS provider allocate
    /// heavily while they load the provider's schema, and at Go's default (100) garbage collection
    /// is over a quarter of their CPU. The suite runs a few hundred of them on two cores; at 400
    /// a plan of the OVES prod root takes 7.6 CPU-seconds instead of 10.5 and 0.5 GB instead of
    /// 0.35 GB. A `GOGC` of the caller's wins.
    static let goGarbageCollection = ["GOGC": "400"]

    /// Runs a program and captures its output.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.merge(goGarbageCollection) { own, _ in own }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently with the process so large outputs cannot deadlock.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs blocking work (a long `swift build`, a terraform plan) on a Dispatch thread and waits
    /// for it without holding a thread of Swift's cooperative pool: that pool has one thread per
    /// core (two here), and tests that block both starve every other test's time limit.
    /// Keep `#expect` out of `body` (it runs outside the test's task); check the result instead.
    public static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// ``run(_:_:in:stdin:environment:)`` through ``offPool(_:)``, for programs that run for long.
    public static func runOffPool(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
        environment: [String: String] = [:]
    ) async throws -> Output {
        try await offPool {
            try run(executable, arguments, in: directory, stdin: stdin, environment: environment)
        }
    }

    /// A fresh temporary folder, inside this test process's own (``temporaryRoot``).
    public static func temporaryDirectory(_ prefix: String = "infra-test") throws -> URL {
        let url = temporaryRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The folder that holds this process's temporary folders (`swift-infra-tests-<pid>` in the
    /// system's temporary folder), removed with them when the process exits: a test run leaves
    /// nothing of its own there (a run made about 150 folders there before).
    public static let temporaryRoot: URL = {
        atexit { try? FileManager.default.removeItem(at: ExternalTools.temporaryRoot) }
        return FileManager.default.temporaryDirectory.appendingPathComponent(
            "swift-infra-tests-\(ProcessInfo.processInfo.processIdentifier)")
    }()
}

extension ExternalTools {
    /// The `terraform` executable, or `nil` (recorded as a failure in CI).
    public static func terraform() -> String? {
        let path = terraformPath
        return require("terraform", at: path) ? path : nil
    }

    /// Where `terraform` is (`$TERRAFORM`, else `PATH`), without recording anything: for work that
    /// runs outside a test (``HeadStartWork``), whose test then checks ``terraform()``.
    public static var terraformPath: String? {
        ProcessInfo.processInfo.environment["TERRAFORM"] ?? which("terraform")
    }

    /// A shared validator such as `tf-validate`, or `nil` (recorded as a failure in CI).
    public static func sharedTool(_ name: String) -> String? {
        let path = sharedTools.appendingPathComponent(name).path
        return require(name, at: path) ? path : nil
    }

    /// A shared validator's path if it is there, without recording anything (see ``terraformPath``).
    public static func sharedToolPath(_ name: String) -> String? {
        let path = sharedTools.appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs `../shared/tools/k8s-validate` (strict schemas; custom resources against the CRDs among
    /// `paths`) over `paths` for `versions` — pass `KubernetesVersionWindow.supported`, the one list
    /// of supported versions. Records a failure unless every document passes for exactly those
    /// versions; `nil` when the tool is missing (a failure in CI).
    @discardableResult
    public static func k8sValidate(_ paths: [String], versions: [String]) throws -> Output? {
        guard let tool = sharedTool("k8s-validate") else { return nil }
        let output = try run(tool, ["--versions", versions.joined(separator: ",")] + paths)
        let summary = output.stdout.split(separator: "\n").last { $0.hasPrefix("k8s-validate:") } ?? ""
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(summary.contains(" 0 failed"), "\(summary)")
        #expect(summary.contains("k8s \(versions.joined(separator: ","));"), "validated other versions: \(summary)")
        return output
    }

    /// `python3` with PyYAML importable, or `nil` (recorded as a failure in CI).
    public static func pythonWithYAML() -> String? {
        guard let python = which("python3") else {
            _ = require("python3", at: nil)
            return nil
        }
        let ok = (try? run(python, ["-c", "import yaml"]).status) == 0
        return require("python3 with PyYAML", at: ok ? python : nil) ? python : nil
    }

    /// Writes artifacts under `directory` (paths relative to it).
    public static func write(_ files: [(path: String, bytes: [UInt8])], to directory: URL) throws {
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }
}
