// Starts `../shared/tools/aws-local` (moto) once per test process in its own state directory, creates an IAM key
// and turns SigV4 signature checking on. Missing tool: tests skip outside CI and fail under CI=true.

import Foundation
import InfraExecutor
import Testing

/// The shared moto endpoint with signature checking on.
struct MotoServer: Sendable {
    /// `AWS_ENDPOINT_URL` of the server.
    var endpoint: String
    /// An access key that exists in moto's IAM (allow-all policy).
    var accessKeyId: String
    /// Its secret.
    var secretAccessKey: String

    /// The aws-local script.
    static let tool = TestPaths.sharedTool("aws-local")

    /// `true` when the tests can run (or must run because CI=true).
    static var enabled: Bool { TestPaths.isCI || FileManager.default.isExecutableFile(atPath: tool) }

    /// State directory private to this test process.
    static let stateDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("infra-exec-moto-\(ProcessInfo.processInfo.processIdentifier)").path

    /// Started once; every suite awaits the same task.
    static let shared = Task { () throws -> MotoServer in
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw TestFailure("aws-local not found at \(tool) (needed by the moto tests; CI=true makes this fatal)")
        }
        let started = try run(["start", "--export", "--state-dir", stateDirectory])
        guard let endpoint = started["AWS_ENDPOINT_URL"] else {
            throw TestFailure("aws-local start printed no endpoint")
        }
        let key = try run(["make-key", "--export", "--state-dir", stateDirectory])
        guard let accessKey = key["AWS_ACCESS_KEY_ID"], let secret = key["AWS_SECRET_ACCESS_KEY"] else {
            throw TestFailure("aws-local make-key printed no key")
        }
        _ = try run(["auth-on", "--state-dir", stateDirectory])
        atexit {
            let stop = Process()
            stop.executableURL = URL(fileURLWithPath: MotoServer.tool)
            stop.arguments = ["stop", "--state-dir", MotoServer.stateDirectory]
            stop.standardOutput = FileHandle.nullDevice
            stop.standardError = FileHandle.nullDevice
            try? stop.run()
            stop.waitUntilExit()
        }
        return MotoServer(endpoint: endpoint, accessKeyId: accessKey, secretAccessKey: secret)
    }

    /// Runs aws-local and parses its `export K=V` lines.
    static func run(_ arguments: [String]) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("aws-local \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        var values = [String: String]()
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            var text = String(line)
            if text.hasPrefix("export ") { text.removeFirst("export ".count) }
            guard let equals = text.firstIndex(of: "=") else { continue }
            values[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        return values
    }

    /// The environment a session against this server uses (`secret` overrides the real secret).
    func environment(secret: String? = nil, region: String = "us-east-1") -> [String: String] {
        [
            "AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": accessKeyId,
            "AWS_SECRET_ACCESS_KEY": secret ?? secretAccessKey, "AWS_REGION": region,
            "AWS_EC2_METADATA_DISABLED": "true", "HOME": FileManager.default.temporaryDirectory.path,
        ]
    }

    /// A session with a fast retry policy.
    func session(
        secret: String? = nil, region: String = "us-east-1", transport: any HTTPTransport, logs: LogCapture
    ) throws -> ExecutorSession {
        try ExecutorSession(
            environment: environment(secret: secret, region: region), transport: transport, logger: logs.logger(),
            retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50)))
    }
}

/// Runs `body` with a fresh production transport, shutting it down afterwards.
func withTransport<T>(_ body: (URLSessionTransport) async throws -> T) async throws -> T {
    let transport = URLSessionTransport()
    let result: Result<T, any Error>
    do {
        result = .success(try await body(transport))
    } catch {
        result = .failure(error)
    }
    transport.shutdown()
    return try result.get()
}
