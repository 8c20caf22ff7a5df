// `credential_process` in a profile: run the command and read its JSON (`Version` 1, `AccessKeyId`,
// `SecretAccessKey`, `SessionToken`, `Expiration`), as specified in the AWS CLI's sourcing-external docs.
// The command line is split on whitespace with simple double-quote support (no shell).

import Foundation

/// Credentials printed by an external process.
///
/// ```swift
/// ProcessCredentialProvider(command: "/usr/local/bin/vault-aws --role deploy")
/// ```
public struct ProcessCredentialProvider: CredentialProvider {
    /// `credential-process`.
    public let name = "credential-process"
    /// The command line.
    public var command: String

    /// Creates the provider.
    public init(command: String) { self.command = command }

    /// Runs the process and parses its output.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        let arguments = Self.split(command)
        guard let executable = arguments.first else { throw CredentialError("credential_process is empty") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
        process.environment = context.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do { try process.run() } catch {
            throw CredentialError("credential_process \(executable) could not start: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CredentialError("credential_process \(executable) exited with status \(process.terminationStatus)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let accessKey = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String
        else {
            throw CredentialError("credential_process \(executable) did not print AccessKeyId/SecretAccessKey JSON")
        }
        if let version = object["Version"] as? Int, version != 1 {
            throw CredentialError("credential_process \(executable) printed unsupported Version \(version)")
        }
        return AWSCredentials(
            accessKeyId: accessKey, secretAccessKey: secret, sessionToken: object["SessionToken"] as? String,
            expiration: (object["Expiration"] as? String).flatMap(ISO8601.parse), source: name)
    }

    /// Splits a command line on whitespace, keeping double-quoted parts together.
    static func split(_ command: String) -> [String] {
        var parts = [String]()
        var current = ""
        var quoted = false
        var hasPart = false
        for character in command {
            if character == "\"" {
                quoted.toggle()
                hasPart = true
            } else if character.isWhitespace && !quoted {
                if hasPart { parts.append(current) }
                current = ""
                hasPart = false
            } else {
                current.append(character)
                hasPart = true
            }
        }
        if hasPart { parts.append(current) }
        return parts
    }
}
