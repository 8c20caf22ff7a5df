// Flags every AWS-calling command shares (`--region`, `--profile`, `--verbose`) and the runtime that turns them
// into a session, prints results, and maps every failure to one clear line on stderr with exit code 1.

import ArgumentParser
import Foundation
import InfraExecutor
import Logging

/// `--region`, `--profile`, `--verbose`.
///
/// ```swift
/// @OptionGroup var aws: ExecutorOptions
/// ```
public struct ExecutorOptions: ParsableArguments {
    /// The region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region).
    @Option(help: "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region).")
    public var region: String?

    /// The shared-config profile (else AWS_PROFILE or default).
    @Option(help: "Profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE or default).")
    public var profile: String?

    /// Log every request (without secrets).
    @Flag(name: .shortAndLong, help: "Log each AWS request and response status (never credentials).")
    public var verbose = false

    /// Creates default options.
    public init() {}
}

/// Runs an executor command: builds the session, prints its output, turns errors into exit code 1.
enum ExecutorRuntime {
    /// Runs `body` with a session; prints the returned text to stdout.
    static func run(
        _ options: ExecutorOptions, region: String? = nil,
        _ body: @Sendable (ExecutorSession) async throws -> String
    ) async throws {
        let logger = makeLogger(verbose: options.verbose)
        let transport = URLSessionTransport()
        var failure: (any Error)?
        do {
            let session = try ExecutorSession(
                environment: ProcessInfo.processInfo.environment, profile: options.profile,
                region: region ?? options.region, transport: transport, logger: logger,
                mfaCode: TerminalPrompt.mfaCode)
            let output = try await body(session)
            if !output.isEmpty { print(output) }
        } catch {
            failure = error
        }
        transport.shutdown()
        if let failure {
            FileHandle.standardError.write(Data("error: \(message(for: failure))\n".utf8))
            throw ExitCode.failure
        }
    }

    /// One line (plus hint) for any error, without stack traces.
    static func message(for error: any Error) -> String {
        switch error {
        case let error as AWSServiceError: return error.description
        case let error as CredentialError: return error.message
        case let error as TransportError: return error.description
        case let error as KubeconfigReadError: return error.message
        case let error as ConfigurationError: return error.message
        case is CancellationError: return "cancelled"
        case let error as any CustomStringConvertible: return error.description
        default: return error.localizedDescription
        }
    }

    /// A logger writing plain lines to stderr: info always, debug with `--verbose`.
    static func makeLogger(verbose: Bool) -> Logger {
        var logger = Logger(label: "infra.executor") { _ in StderrLogHandler() }
        logger.logLevel = verbose ? .debug : .info
        return logger
    }
}

/// A swift-log handler printing `message` (info) or `level: message` to stderr.
struct StderrLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix = event.level == .info ? "" : "\(event.level): "
        FileHandle.standardError.write(Data((prefix + "\(event.message)\n").utf8))
    }
}
