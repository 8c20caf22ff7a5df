// Everything a command needs to talk to AWS, built once from the environment and flags: the credential context,
// the cached credential chain, the region and the client. Keeps the CLI wrappers thin and the logic testable.

import Foundation
import Logging

/// A configured executor: credentials, region and client.
///
/// ```swift
/// let session = try ExecutorSession(environment: ProcessInfo.processInfo.environment, transport: transport)
/// let identity = try await STSClient(client: session.client).getCallerIdentity()
/// ```
public struct ExecutorSession: Sendable {
    /// The credential context.
    public var context: CredentialContext
    /// The resolved region.
    public var region: String
    /// The cached credential source.
    public var credentials: CachingCredentialSource
    /// The client for the region.
    public var client: AWSClient

    /// Reads the configuration and prepares the credential chain (credentials are fetched on first use).
    ///
    /// Everything that can be checked without a request is checked here, so a bad setting fails before anything
    /// is sent: the named profile exists, the region is a valid region name, every endpoint override parses, the
    /// retry settings are usable. `retryPolicy` `nil` means the standard mode with `AWS_MAX_ATTEMPTS` /
    /// `max_attempts`.
    public init(
        environment: [String: String], profile: String? = nil, region: String? = nil,
        transport: any HTTPTransport, logger: Logger = Logger(label: "infra.executor"),
        retryPolicy: RetryPolicy? = nil, timeout: Duration = .seconds(30),
        provider: any CredentialProvider = CredentialChain.default,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        mfaCode: (@Sendable (_ serialNumber: String) async throws -> String)? = nil
    ) throws {
        context = CredentialContext(
            environment: environment, explicitProfile: profile, transport: transport, logger: logger)
        context.mfaCode = mfaCode
        let config = try context.sharedConfig()
        if context.isProfileNamed, config.profile(context.profileName) == nil {
            throw CredentialError(
                "the config profile \"\(context.profileName)\" could not be found in \(context.configFilePath) or "
                    + context.credentialsFilePath)
        }
        guard let (resolved, source) = RegionResolver.resolveWithSource(explicit: region, context: context) else {
            throw CredentialError(
                "no AWS region configured; pass --region, set AWS_REGION, or add `region` to the profile")
        }
        try RegionName.validate(resolved, source: source)
        let endpoints = EndpointResolver(environment: environment, config: config, profile: context.profileName)
        try endpoints.validate()
        let policy =
            try retryPolicy
            ?? RetrySettings.policy(
                environment: environment, profile: config.profile(context.profileName) ?? [:], logger: logger)
        self.region = resolved
        credentials = CachingCredentialSource(provider: provider, context: context)
        client = AWSClient(
            transport: transport, credentials: credentials, region: resolved, environment: environment,
            endpoints: endpoints, retryPolicy: policy, timeout: timeout, logger: logger, sleep: sleep)
    }
}

/// The text each executor command prints, computed without touching stdout so it can be tested.
///
/// ```swift
/// print(try await ExecutorCommands.whoami(session))
/// ```
public enum ExecutorCommands {
    /// `whoami`: account, ARN, user id and where the credentials came from (never the secret).
    public static func whoami(_ session: ExecutorSession) async throws -> String {
        let identity = try await STSClient(client: session.client).getCallerIdentity()
        let credentials = try await session.credentials.credentials()
        return """
            Account:     \(identity.account)
            Arn:         \(identity.arn)
            UserId:      \(identity.userId)
            Region:      \(session.region)
            Credentials: \(credentials.source) (access key \(credentials.accessKeyId))
            """
    }

    /// `bootstrap`: creates or repairs the backend. The output says what changed (or `no changes`), what already
    /// existed and was checked, then one `import <address> <id>` line per Terraform resource bootstrap manages, and the
    /// `Import(…)` blocks (Swift, then HCL) that adopt them in the root that declares `StateBackend(name, …)`.
    public static func bootstrap(
        _ session: ExecutorSession, bucket: String, table: String, name: String = "state"
    ) async throws -> String {
        let logger = session.context.logger
        let report = try await Bootstrapper(client: session.client).run(bucket: bucket, table: table, name: name) {
            line in logger.info("\(line)")
        }
        var lines = [String]()
        if report.changes.isEmpty {
            lines.append("no changes in \(report.region):")
        } else {
            lines.append("bootstrap made \(report.changes.count) change(s) in \(report.region):")
            lines += report.changes.map { "  - " + $0 }
        }
        lines += report.unchanged.map { "  - " + $0 }
        lines += report.imports.map(\.description)
        lines.append("adopt them in the root that declares StateBackend(\"\(name)\", …), in Swift:")
        lines += report.imports.map { "  " + $0.swift }
        lines.append("or in HCL:")
        lines += report.imports.flatMap { $0.hcl.split(separator: "\n").map { "  " + $0 } }
        return lines.joined(separator: "\n")
    }

    /// `eks-token`: an ExecCredential JSON for kubectl.
    public static func eksToken(_ session: ExecutorSession, cluster: String) async throws -> String {
        let credentials = try await session.credentials.credentials()
        return try EKSAuth.execCredential(
            cluster: cluster, credentials: credentials, region: session.region,
            now: Date().addingTimeInterval(session.client.clockSkew.offset))
    }

    /// `drift`: one line per difference, or a line saying there is none.
    public static func drift(_ session: ExecutorSession, findings: [DriftFinding]) -> String {
        if findings.isEmpty { return "no drift: the account matches the definitions" }
        return "\(findings.count) difference(s):\n" + findings.map { "  - \($0)" }.joined(separator: "\n")
    }
}
