// Starts `../shared/tools/aws-local` (moto, `PrivateMoto`) once per test process in its own state directory,
// creates an IAM key and turns SigV4 signature checking on. Missing tool: tests skip outside CI and fail under CI=true.

import Foundation
import InfraExecutor
import InfraTestSupport
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
    static let tool = ExternalTools.sharedTools.appendingPathComponent("aws-local").path

    /// `true` when the tests can run (or must run because CI=true).
    static var enabled: Bool { ExternalTools.isCI || FileManager.default.isExecutableFile(atPath: tool) }

    /// State directory private to this test process, in its temporary root: the root's removal at
    /// exit is registered before the server's stop, so it runs after it (`atexit` runs in reverse).
    static let stateDirectory = ExternalTools.temporaryRoot.appendingPathComponent("infra-exec-moto")

    /// Started once; every suite awaits the same task.
    static let shared = Task { () throws -> MotoServer in
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw TestFailure("aws-local not found at \(tool) (needed by the moto tests; CI=true makes this fatal)")
        }
        let moto = try PrivateMoto.start(tool: tool, state: stateDirectory)
        atexit { PrivateMoto(tool: MotoServer.tool, state: MotoServer.stateDirectory, endpoint: "").stop() }
        let key = try moto.exports(["make-key"])
        guard let accessKey = key["AWS_ACCESS_KEY_ID"], let secret = key["AWS_SECRET_ACCESS_KEY"] else {
            throw TestFailure("aws-local make-key printed no key")
        }
        _ = try moto.exports(["auth-on"])
        return MotoServer(endpoint: moto.endpoint, accessKeyId: accessKey, secretAccessKey: secret)
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
