// IAM Identity Center (SSO) profiles, as the AWS CLI v2 reads them (botocore `SSOProvider`, `SSOTokenProvider`):
//   - `sso_session = name` + `[sso-session name]` (`sso_start_url`, `sso_region`), or the legacy `sso_start_url` +
//     `sso_region` in the profile; plus `sso_account_id` and `sso_role_name`. Values set in both places must agree.
//   - The token `aws sso login` cached (`SSOTokenCache`). For `sso_session` logins, a token that expires within 15
//     minutes is refreshed with OIDC CreateToken (`refresh_token` grant) while the client registration is valid, and
//     written back; a failed refresh keeps the cached token while it is still valid. Legacy tokens are not refreshed.
//   - GetRoleCredentials on the SSO portal of the SSO region's partition (`portal.sso.<region>.<dnsSuffix>`).
// No cached token, an expired one, or a token the portal rejects asks the user to run `aws sso login`.

import Foundation

/// Role credentials from an IAM Identity Center login.
///
/// ```swift
/// let credentials = try await SSOCredentialProvider(profile: "dev-admin").resolve(context)
/// ```
public struct SSOCredentialProvider: CredentialProvider {
    /// `sso`.
    public let name = "sso"
    /// The profile; `nil` means the context's profile.
    public var profile: String?

    /// Tokens expiring within this many seconds are refreshed first (15 minutes, as botocore).
    public static let refreshWindow: TimeInterval = 15 * 60

    /// Creates the provider.
    public init(profile: String? = nil) { self.profile = profile }

    /// The SSO settings of one profile.
    struct Configuration: Sendable, Hashable {
        var startURL: String
        var region: String
        var accountId: String
        var roleName: String
        /// The `sso_session` name; `nil` for a legacy profile.
        var sessionName: String?

        /// The key of the token in the cache: the session name, else the start URL.
        var cacheKey: String { sessionName ?? startURL }
    }

    /// Credentials when the profile is an SSO profile, `nil` when it is not.
    public func resolve(_ context: CredentialContext) async throws -> AWSCredentials? {
        let config = try context.sharedConfig()
        let name = profile ?? context.profileName
        guard let settings = config.profile(name) else { return nil }
        return try await Self.credentials(profile: name, settings: settings, config: config, context: context)
    }

    /// The profile's SSO configuration, `nil` when it has no SSO setting, an error when it is incomplete or
    /// inconsistent.
    static func configuration(
        profile: String, settings: [String: String], config: SharedConfig
    ) throws
        -> Configuration?
    {
        let keys = ["sso_start_url", "sso_region", "sso_account_id", "sso_role_name", "sso_session"]
        guard keys.contains(where: { settings[$0] != nil }) else { return nil }
        var values = settings
        if let sessionName = settings["sso_session"] {
            guard let session = config.ssoSessions[sessionName] else {
                throw CredentialError(
                    "profile \(profile) uses sso_session \(sessionName), but the config file has no "
                        + "[sso-session \(sessionName)] section")
            }
            for key in ["sso_start_url", "sso_region"] {
                if let own = settings[key], let shared = session[key], own != shared {
                    throw CredentialError(
                        "profile \(profile) sets \(key) = \(own), but its sso_session \(sessionName) says \(shared)")
                }
                if let shared = session[key] { values[key] = shared }
            }
        }
        let missing = ["sso_start_url", "sso_region", "sso_account_id", "sso_role_name"].filter {
            values[$0]?.isEmpty ?? true
        }
        guard missing.isEmpty else {
            throw CredentialError(
                "profile \(profile) is configured for IAM Identity Center (SSO) but lacks "
                    + missing.joined(separator: ", "))
        }
        return Configuration(
            startURL: values["sso_start_url"] ?? "", region: values["sso_region"] ?? "",
            accountId: values["sso_account_id"] ?? "", roleName: values["sso_role_name"] ?? "",
            sessionName: settings["sso_session"])
    }

    /// Resolves an SSO profile: cached token (refreshed when due), then GetRoleCredentials.
    static func credentials(
        profile: String, settings: [String: String], config: SharedConfig, context: CredentialContext
    ) async throws -> AWSCredentials? {
        guard let configuration = try configuration(profile: profile, settings: settings, config: config) else {
            return nil
        }
        try RegionName.validate(configuration.region, source: "sso_region of profile \(profile)")
        let login =
            configuration.sessionName.map { "aws sso login --sso-session \($0)" }
            ?? "aws sso login --profile \(profile)"
        let cache = SSOTokenCache(context: context)
        guard var token = try cache.load(key: configuration.cacheKey) else {
            throw CredentialError(
                "no IAM Identity Center (SSO) login found for profile \(profile) "
                    + "(\(cache.path(key: configuration.cacheKey))); run `\(login)`")
        }
        let client = try AWSClient.anonymous(context: context, region: configuration.region)
        let now = context.now()
        if configuration.sessionName != nil, token.expires(within: refreshWindow, of: now), token.canRefresh(at: now) {
            do {
                token = try await refreshed(token, configuration: configuration, client: client, now: now)
                try cache.save(token, key: configuration.cacheKey)
                context.logger.info("refreshed the IAM Identity Center token of sso_session \(configuration.cacheKey)")
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                context.logger.info(
                    "could not refresh the IAM Identity Center token (\(error)); using the cached one while it is valid"
                )
            }
        }
        guard !token.expires(within: 0, of: now) else {
            throw CredentialError(
                "the IAM Identity Center (SSO) session of profile \(profile) expired at "
                    + "\(ISO8601.format(token.expiresAt)); run `\(login)`")
        }
        do {
            var credentials = try await SSOPortalClient(client: client).getRoleCredentials(
                accessToken: token.accessToken, accountId: configuration.accountId, roleName: configuration.roleName)
            credentials.source = "profile \(profile) (sso \(configuration.roleName)@\(configuration.accountId))"
            return credentials
        } catch let error as AWSServiceError where error.status == 401 || error.code == "UnauthorizedException" {
            throw CredentialError(
                "IAM Identity Center rejected the cached login of profile \(profile) (\(error.code)); run `\(login)`")
        }
    }

    /// `token` renewed with CreateToken: new access token and expiry, the refresh token if rotated.
    static func refreshed(
        _ token: SSOToken, configuration: Configuration, client: AWSClient, now: Date
    ) async throws -> SSOToken {
        let response = try await SSOOIDCClient(client: client).createToken(
            clientId: token.clientId ?? "", clientSecret: token.clientSecret ?? "",
            refreshToken: token.refreshToken ?? "")
        var renewed = token
        renewed.accessToken = response.accessToken
        renewed.expiresAt = now.addingTimeInterval(TimeInterval(response.expiresIn))
        if let refreshToken = response.refreshToken, !refreshToken.isEmpty { renewed.refreshToken = refreshToken }
        renewed.startUrl = configuration.startURL
        renewed.region = configuration.region
        return renewed
    }
}
