// Test helpers: a log handler that captures every line, temp directories, locating `../shared/tools`, and
// canned AWS responses for the in-memory transport.

import Foundation
import InfraExecutor
import Logging
import Testing

/// Collects log lines (thread-safe) so tests can assert on them and scan them for secrets.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    /// Every captured line.
    var lines: [String] { lock.withLock { stored } }

    func append(_ line: String) { lock.withLock { stored.append(line) } }

    /// A debug-level logger writing into this capture.
    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .debug
        return logger
    }
}

/// The swift-log handler behind `LogCapture`.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append("\(event.level): \(event.message) \(event.metadata ?? [:])")
    }
}

/// Paths relative to the package root.
enum TestPaths {
    /// `<package root>` (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `<package root>/../shared/tools/<name>`.
    static func sharedTool(_ name: String) -> String {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/\(name)").path
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("infra-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `true` when running in CI (tools must then exist).
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}

/// Canned AWS answers.
enum Canned {
    static func xml(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    static func callerIdentity(account: String = "123456789012") -> HTTPResponse {
        xml(
            """
            <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::\(account):user/test</Arn>
            <UserId>AIDTEST</UserId><Account>\(account)</Account></GetCallerIdentityResult>
            <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>
            """)
    }

    static func assumedCredentials(
        result: String = "AssumeRoleResult", accessKey: String = "ASIAROLE", secret: String = "ROLE-SECRET",
        token: String = "ROLE-TOKEN", expiration: String = "2099-01-01T00:00:00Z"
    ) -> HTTPResponse {
        xml(
            """
            <Response><\(result)><Credentials><AccessKeyId>\(accessKey)</AccessKeyId>
            <SecretAccessKey>\(secret)</SecretAccessKey><SessionToken>\(token)</SessionToken>
            <Expiration>\(expiration)</Expiration></Credentials></\(result)></Response>
            """)
    }

    /// The form body of a request as a dictionary.
    static func form(_ request: HTTPRequest) -> [String: String] {
        var result = [String: String]()
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }
}
