// A role assumed with STS AssumeRole from a source provider's credentials (a profile's `source_profile` or
// `credential_source`), with `role_session_name`, `external_id`, `duration_seconds` and `mfa_serial`. An MFA device
// needs the current code: `CredentialContext.mfaCode` asks for it (the CLI prompts on a terminal); without it the
// profile is a clear error, as in the SDKs that have no token provider configured.

import Foundation

/// Role credentials obtained with AssumeRole from a source provider's credentials.
///
/// ```swift
/// let provider = AssumeRoleCredentialProvider(roleArn: "arn:aws:iam::123:role/deploy",
///                                             source: StaticCredentialProvider(credentials: base))
/// ```
public struct AssumeRoleCredentialProvider: CredentialProvider {
    /// `assume-role`.
    public let name = "assume-role"
    /// The role to assume.
    public var roleArn: String
    /// The session name (default `infra-manifest-<time>`).
    public var sessionName: String?
    /// The external id, if the role's trust policy requires one.
    public var externalId: String?
    /// Requested duration in seconds.
    public var durationSeconds: Int?
    /// The serial number (ARN) of the MFA device the role's trust policy requires, if any.
    public var mfaSerial: String?
    /// The profile this role comes from, for messages.
    public var profile: String?
    /// Where the credentials that call AssumeRole come from.
    public var source: any CredentialProvider

    /// Creates the provider.
    public init(
        roleArn: String, sessionName: String? = nil, externalId: String? = nil, durationSeconds: Int? = nil,
        mfaSerial: String? = nil, profile: String? = nil, source: any CredentialProvider
    ) {
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.externalId = externalId
        self.durationSeconds = durationSeconds
        self.mfaSerial = mfaSerial
        self.profile = profile
        self.source = source
    }

    /// Resolves the source, asks for the MFA code when needed, then assumes the role.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        var tokenCode: String?
        if let mfaSerial {
            guard let ask = context.mfaCode else {
                let subject = profile.map { "profile \($0)" } ?? "role \(roleArn)"
                throw CredentialError(
                    "\(subject) needs an MFA code (mfa_serial \(mfaSerial)), and there is no terminal to ask for it; "
                        + "run the command in a terminal, or export temporary credentials first (e.g. "
                        + "`aws configure export-credentials --profile \(profile ?? "<profile>") --format env`)")
            }
            let code = try await ask(mfaSerial).trimmingWhitespace()
            guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw CredentialError("the MFA code for \(mfaSerial) must be six digits")
            }
            tokenCode = code
        }
        guard let base = try await source.resolve(context) else {
            throw CredentialError("no source credentials (\(source.name)) to assume \(roleArn)")
        }
        let region = RegionResolver.resolve(context: context) ?? "us-east-1"
        let client = AWSClient(
            transport: context.transport, credentials: StaticCredentialSource(base), region: region,
            environment: context.environment, endpoints: try context.endpointResolver(), logger: context.logger,
            now: context.now)
        var credentials = try await STSClient(client: client).assumeRole(
            roleArn: roleArn, sessionName: sessionName ?? "infra-manifest-\(Int(context.now().timeIntervalSince1970))",
            externalId: externalId, durationSeconds: durationSeconds, serialNumber: tokenCode == nil ? nil : mfaSerial,
            tokenCode: tokenCode)
        credentials.source = "\(name) \(roleArn) via \(base.source)"
        return credentials
    }
}

/// A provider that always returns the same credentials (tests, and source profiles already resolved).
///
/// ```swift
/// StaticCredentialProvider(credentials: AWSCredentials(accessKeyId: "AKID", secretAccessKey: "s", source: "test"))
/// ```
public struct StaticCredentialProvider: CredentialProvider {
    /// `static`.
    public let name = "static"
    /// The credentials.
    public var credentials: AWSCredentials

    /// Creates the provider.
    public init(credentials: AWSCredentials) { self.credentials = credentials }

    /// Returns the credentials.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? { credentials }
}

/// A `CredentialSource` over fixed credentials.
///
/// ```swift
/// let source = StaticCredentialSource(credentials)
/// ```
public struct StaticCredentialSource: CredentialSource {
    /// The credentials.
    public var value: AWSCredentials

    /// Creates the source.
    public init(_ value: AWSCredentials) { self.value = value }

    /// Returns the credentials.
    public func credentials() async throws -> AWSCredentials { value }
}
