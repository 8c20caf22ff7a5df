// Locating and running the external tools the tests use (python3 with PyYAML,
// ../shared/tools/k8s-validate, the built infra-k8s-codegen). Under CI=true a missing tool
// fails the test; elsewhere the test is skipped with a reason.

import Foundation
import Testing

/// Paths and process helpers shared by the tests.
enum ExternalTools {
    /// The package root, found from this file's path (`<root>/Tests/InfraKubernetesTests/Support/…`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `<package root>/../shared/tools/<name>`.
    static func sharedTool(_ name: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/\(name)")
    }

    /// Whether the tests run in CI, where missing tools are failures.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Returns whether the tool exists; records a failure under CI when it does not.
    static func require(_ path: String, _ reason: String) -> Bool {
        if FileManager.default.isExecutableFile(atPath: path) { return true }
        if isCI { Issue.record("required tool missing: \(path) (\(reason))") }
        return false
    }

    /// The first `python3` on the usual paths.
    static var python3: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Output and exit status of a process.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`, feeding `input` on stdin (files, not pipes, so
    /// large outputs cannot block).
    static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> Output {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("stdin")
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        try Data(input).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("infra-k8s-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
