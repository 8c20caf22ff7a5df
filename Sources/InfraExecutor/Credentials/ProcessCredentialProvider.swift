// `credential_process` in a profile: run the command and read its JSON, as the AWS CLI does (botocore
// `ProcessProvider`; AWS CLI user guide, "Sourcing credentials with an external process"): `Version` must be 1,
// `AccessKeyId` and `SecretAccessKey` are required, `SessionToken` and `Expiration` (ISO 8601) are optional; a
// non-zero exit is an error carrying the program's standard error. The command line is split like a POSIX shell
// splits words (botocore uses `shlex.split`): quotes and backslashes, no expansion, no shell.
//
// The program runs without blocking Swift's cooperative pool (`ChildProcess`), with a time limit (one minute by
// default, as aws-sdk-go-v2's `processcreds.DefaultTimeout`), its output capped at 1 MiB, and it is terminated when
// the calling task is cancelled.

import Foundation
import InfraCore

/// Credentials printed by an external process.
///
/// ```swift
/// ProcessCredentialProvider(command: "/usr/local/bin/vault-aws --role deploy", timeout: .seconds(30))
/// ```
public struct ProcessCredentialProvider: CredentialProvider {
    /// `credential-process`.
    public let name = "credential-process"
    /// The command line.
    public var command: String
    /// How long the program may run.
    public var timeout: Duration

    /// Creates the provider.
    public init(command: String, timeout: Duration = .seconds(60)) {
        self.command = command
        self.timeout = timeout
    }

    /// Runs the process and parses its output.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        let arguments = try Self.split(command)
        guard let executable = arguments.first else { throw CredentialError("credential_process is empty") }
        let direct = executable.contains("/")
        let output: ChildProcessOutput
        do {
            output = try await ChildProcess.run(
                executable: direct ? executable : "/usr/bin/env",
                arguments: direct ? Array(arguments.dropFirst()) : arguments, environment: context.environment,
                timeout: timeout)
        } catch let failure as ChildProcessFailure {
            switch failure {
            case .launch(let reason):
                throw CredentialError("credential_process \(executable) could not start: \(reason)")
            case .timedOut:
                throw CredentialError(
                    "credential_process \(executable) did not finish within \(timeout); it was stopped")
            case .outputTooLarge:
                throw CredentialError("credential_process \(executable) printed more than 1 MiB; it was stopped")
            }
        }
        guard output.status == 0 else {
            throw CredentialError(
                "credential_process \(executable) exited with status \(output.status)"
                    + Self.stderrSummary(output.stderr))
        }
        var credentials = try Self.parse(output.stdout, executable: executable, now: context.now())
        credentials.source = name
        return credentials
    }

    /// Parses the program's JSON the way the AWS CLI does.
    static func parse(_ stdout: [UInt8], executable: String, now: Date) throws -> AWSCredentials {
        guard let object = (try? JSONReader.read(stdout))?.objectValue else {
            throw CredentialError("credential_process \(executable) did not print a JSON object")
        }
        guard case .int(1)? = object["Version"] else {
            let shown = object["Version"].map { JSONWriter(sortKeys: true, pretty: false).string($0) } ?? "none"
            throw CredentialError(
                "credential_process \(executable) printed Version \(shown.debugSafe); the supported version is 1")
        }
        for key in ["AccessKeyId", "SecretAccessKey"] where object[key]?.stringValue?.isEmpty ?? true {
            throw CredentialError("credential_process \(executable) printed no \(key)")
        }
        var expiration: Date?
        if let text = object["Expiration"] {
            guard let text = text.stringValue, let date = ISO8601.parse(text) else {
                throw CredentialError(
                    "credential_process \(executable) printed an Expiration that is not an ISO 8601 time")
            }
            guard date > now else {
                throw CredentialError(
                    "credential_process \(executable) printed credentials that expired at \(ISO8601.format(date))")
            }
            expiration = date
        }
        return AWSCredentials(
            accessKeyId: object["AccessKeyId"]?.stringValue ?? "",
            secretAccessKey: object["SecretAccessKey"]?.stringValue ?? "",
            sessionToken: object["SessionToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, expiration: expiration,
            source: "credential-process")
    }

    /// `: <last 500 characters of standard error>`, or nothing when it printed none.
    static func stderrSummary(_ stderr: [UInt8]) -> String {
        let text = String(decoding: stderr, as: UTF8.self).trimmingWhitespace()
        guard !text.isEmpty else { return "" }
        let tail = text.count > 500 ? "…" + String(text.suffix(500)) : text
        return ": " + tail.replacingOccurrences(of: "\n", with: " | ").debugSafe
    }

    /// Splits a command line into words like a POSIX shell: whitespace separates, single quotes keep everything
    /// literally, double quotes keep spaces and let a backslash escape a double quote, a backslash, a dollar sign or
    /// a backtick, and a backslash outside quotes escapes the next character. An unterminated quote is an error.
    public static func split(_ command: String) throws -> [String] {
        var words = [String]()
        var current = ""
        var inWord = false
        var iterator = Array(command).makeIterator()
        while let character = iterator.next() {
            switch character {
            case "'":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "'" {
                        closed = true
                        break
                    }
                    current.append(next)
                }
                guard closed else { throw CredentialError("credential_process has an unterminated ' quote") }
            case "\"":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "\"" {
                        closed = true
                        break
                    }
                    if next == "\\", let escaped = iterator.next() {
                        if !"\"\\$`".contains(escaped) { current.append("\\") }
                        current.append(escaped)
                    } else {
                        current.append(next)
                    }
                }
                guard closed else { throw CredentialError("credential_process has an unterminated \" quote") }
            case "\\":
                inWord = true
                if let escaped = iterator.next() { current.append(escaped) }
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
