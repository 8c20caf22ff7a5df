// Everything a credential provider may read: environment variables, the shared config files, the selected
// profile, a transport for STS/IMDS/container calls and a logger. Injected so tests use temp files and fakes.

import Foundation
import Logging

/// The inputs of credential and region resolution.
///
/// ```swift
/// let context = CredentialContext(environment: ProcessInfo.processInfo.environment, transport: transport)
/// ```
public struct CredentialContext: Sendable, CustomReflectable {
    /// Environment variables.
    public var environment: [String: String]
    /// The profile chosen with `--profile` (overrides `AWS_PROFILE` and skips environment keys).
    public var explicitProfile: String?
    /// The transport used for STS, IMDS and container endpoints.
    public var transport: any HTTPTransport
    /// Logs (never with secrets).
    public var logger: Logger
    /// The current time (injected for tests).
    public var now: @Sendable () -> Date
    /// Asks the user for the current code of the MFA device `serialNumber` (`mfa_serial` of an assume-role
    /// profile); `nil` (the default) makes such a profile an error. The CLI sets it when standard input is a terminal.
    public var mfaCode: (@Sendable (_ serialNumber: String) async throws -> String)?

    /// Creates a context.
    public init(
        environment: [String: String], explicitProfile: String? = nil, transport: any HTTPTransport,
        logger: Logger = Logger(label: "infra.executor"), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environment = environment
        self.explicitProfile = explicitProfile
        self.transport = transport
        self.logger = logger
        self.now = now
    }

    /// The profile in use: `--profile`, else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else `default`.
    public var profileName: String {
        explicitProfile ?? environment["AWS_PROFILE"].nonEmpty ?? environment["AWS_DEFAULT_PROFILE"].nonEmpty
            ?? "default"
    }

    /// `true` when the profile was chosen (`--profile`, `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`) rather than defaulted.
    public var isProfileNamed: Bool {
        explicitProfile != nil || environment["AWS_PROFILE"].nonEmpty != nil
            || environment["AWS_DEFAULT_PROFILE"].nonEmpty != nil
    }

    /// The home directory (`HOME`).
    var home: String { environment["HOME"] ?? NSHomeDirectory() }

    /// Path of the config file: `AWS_CONFIG_FILE` or `~/.aws/config`.
    public var configFilePath: String {
        expandHome(environment["AWS_CONFIG_FILE"].nonEmpty ?? "~/.aws/config")
    }

    /// Path of the credentials file: `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`.
    public var credentialsFilePath: String {
        expandHome(environment["AWS_SHARED_CREDENTIALS_FILE"].nonEmpty ?? "~/.aws/credentials")
    }

    /// Replaces a leading `~` with the home directory.
    func expandHome(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    /// Both shared files, parsed (missing files are empty).
    public func sharedConfig() throws -> SharedConfig {
        try SharedConfig.load(configFile: configFilePath, credentialsFile: credentialsFilePath)
    }

    /// The endpoint overrides of the environment and the selected profile, checked to parse.
    public func endpointResolver() throws -> EndpointResolver {
        let resolver = EndpointResolver(environment: environment, config: try sharedConfig(), profile: profileName)
        try resolver.validate()
        return resolver
    }
}

extension CredentialContext {
    /// The profile and the names of the environment variables — never their values (`AWS_SECRET_ACCESS_KEY`,
    /// `AWS_SESSION_TOKEN` and container tokens live there).
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "profileName": profileName, "explicitProfile": explicitProfile ?? "nil",
                "environment": "\(environment.count) variables: " + environment.keys.sorted().joined(separator: ", "),
                "transport": "\(type(of: transport))",
            ], displayStyle: .struct)
    }
}

extension Optional where Wrapped == String {
    /// `nil` for `nil` and for the empty string.
    var nonEmpty: String? {
        switch self {
        case .some(let value) where !value.isEmpty: return value
        default: return nil
        }
    }
}
