// What only the operators of OVES know: the AWS account, the IAM roles of platform admins and
// developers, the CIDRs allowed to the public Kubernetes API endpoint (none: private only) and the
// domains. Read once per process from `OVES_CONFIG` (a JSON file) and `OVES_ACCOUNT_ID`; without
// them the clearly marked example configuration is used and `infra-manifest check` warns.

import Foundation
import InfraAWS
import InfraCore

/// The operator-supplied configuration of OVES, validated.
///
/// ```swift
/// OVESConfiguration.current.accountID            // from OVES_CONFIG / OVES_ACCOUNT_ID, else the example's
/// OVESConfiguration.example.isExample            // true
/// ```
///
/// The JSON file (`OVES_CONFIG=oves.json`):
///
/// ```json
/// { "accountId": "123456789012",
///   "platformAdminRoleArns": ["arn:aws:iam::123456789012:role/oves-platform-admin"],
///   "developerRoleArns": ["arn:aws:iam::123456789012:role/oves-developer"],
///   "endpointPublicAccessCidrs": ["203.0.113.0/24"],
///   "apexDomain": "omnivoltaic.com", "chinaZone": "cn.omnivoltaic.com",
///   "cloudflareZoneId": "023e105f4ecef8ad9ca31a8372d0c353" }
/// ```
public struct OVESConfiguration: Sendable, Hashable {
    /// The AWS account id (12 digits) used in ARNs the manifests carry (IRSA roles, ECR images).
    public var accountID: String
    /// IAM roles of platform administrators: Kubernetes group `oves:platform-admins` and cluster admin.
    public var platformAdminRoleARNs: [String]
    /// IAM roles of developers: Kubernetes group `oves:developers` (view in prod, edit in dev by RoleBindings).
    public var developerRoleARNs: [String]
    /// CIDRs allowed to the public API endpoint; empty keeps the endpoint private (reach it from the VPC or a VPN).
    public var endpointPublicAccessCIDRs: [String]
    /// The apex domain (Cloudflare); service hosts are `<service>.<apex>` and `<service>.dev.<apex>`.
    public var apexDomain: String
    /// The China-accessible zone (Route53).
    public var chinaZone: String
    /// The id of the apex domain's Cloudflare zone (32 hex digits), to which external-dns is restricted:
    /// the Cloudflare provider finds a zone by id, or by a name matching its domain filter, which dev's
    /// `dev.<apex>` filter is not.
    public var cloudflareZoneID: String

    /// Creates a configuration.
    public init(
        accountID: String, platformAdminRoleARNs: [String], developerRoleARNs: [String],
        endpointPublicAccessCIDRs: [String] = [], apexDomain: String = "omnivoltaic.com",
        chinaZone: String = "cn.omnivoltaic.com", cloudflareZoneID: String = Self.exampleCloudflareZoneID
    ) {
        self.accountID = accountID
        self.platformAdminRoleARNs = platformAdminRoleARNs
        self.developerRoleARNs = developerRoleARNs
        self.endpointPublicAccessCIDRs = endpointPublicAccessCIDRs
        self.apexDomain = apexDomain
        self.chinaZone = chinaZone
        self.cloudflareZoneID = cloudflareZoneID
    }

    /// The zone id of Cloudflare's API documentation examples, the example configuration's.
    public static let exampleCloudflareZoneID = "023e105f4ecef8ad9ca31a8372d0c353"

    /// The example configuration `swift run infra-manifest` uses without `OVES_CONFIG`: AWS's
    /// documentation account `111122223333` and example role names. Valid output, never deployable as is.
    public static let example = OVESConfiguration(
        accountID: "111122223333",
        platformAdminRoleARNs: ["arn:aws:iam::111122223333:role/oves-platform-admin"],
        developerRoleARNs: ["arn:aws:iam::111122223333:role/oves-developer"])

    /// Whether this is (built on) the example account.
    public var isExample: Bool { accountID == Self.example.accountID }

    /// Problems: malformed account id, role ARNs outside the account, endpoint CIDRs open to the world.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if accountID.count != 12 || !accountID.allSatisfy(\.isASCII) || !accountID.allSatisfy(\.isNumber) {
            result.append(.error(path.appending("accountId"), "account id \"\(accountID)\" is not 12 digits"))
        }
        for (key, arns) in [("platformAdminRoleArns", platformAdminRoleARNs), ("developerRoleArns", developerRoleARNs)]
        {
            for arn in arns where !arn.hasPrefix("arn:aws:iam::\(accountID):role/") || arn.count <= 31 {
                result.append(
                    .error(
                        path.appending(key), "\"\(arn)\" is not a role of account \(accountID)",
                        hint: "arn:aws:iam::\(accountID):role/<name>"))
            }
        }
        if platformAdminRoleARNs.isEmpty {
            result.append(
                .warning(
                    path.appending("platformAdminRoleArns"),
                    "no platform admin role: only whoever created the clusters can administer them"))
        }
        for cidr in endpointPublicAccessCIDRs {
            if (IPv4CIDR(cidr)?.prefixLength ?? 0) == 0 {
                result.append(
                    .error(
                        path.appending("endpointPublicAccessCidrs"),
                        "\"\(cidr)\" is not an IPv4 CIDR narrower than the whole internet"))
            }
        }
        for (key, domain) in [("apexDomain", apexDomain), ("chinaZone", chinaZone)]
        where domain.isEmpty || domain.hasSuffix(".") || !domain.contains(".") {
            result.append(.error(path.appending(key), "\"\(domain)\" is not a domain name such as omnivoltaic.com"))
        }
        if cloudflareZoneID.count != 32 || !cloudflareZoneID.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            result.append(
                .error(
                    path.appending("cloudflareZoneId"), "\"\(cloudflareZoneID)\" is not a Cloudflare zone id",
                    hint: "32 lower-case hex digits, from the zone's overview page in the Cloudflare dashboard"))
        }
        if cloudflareZoneID == Self.exampleCloudflareZoneID && !isExample {
            result.append(
                .warning(
                    path.appending("cloudflareZoneId"),
                    "the example Cloudflare zone id is in use: external-dns will find no zone to write",
                    hint: "set cloudflareZoneId to the id of the \(apexDomain) zone"))
        }
        if !chinaZone.hasSuffix("." + apexDomain) {
            result.append(.error(path.appending("chinaZone"), "\(chinaZone) is not a subdomain of \(apexDomain)"))
        }
        if isExample {
            result.append(
                .warning(
                    path, "the example configuration (AWS documentation account 111122223333) is in use",
                    hint: "set OVES_CONFIG to your configuration file (see Documentation/OVESReference.md)"))
        }
        return result
    }
}

extension OVESConfiguration {
    /// The keys of the JSON file.
    static let keys: Set<String> = [
        "accountId", "platformAdminRoleArns", "developerRoleArns", "endpointPublicAccessCidrs", "apexDomain",
        "chinaZone", "cloudflareZoneId",
    ]

    /// Reads a configuration from its JSON form; unknown keys and wrong types are errors, missing
    /// optional keys take the example's values.
    public static func decode(_ value: Value, at path: ComponentPath) -> (OVESConfiguration?, [Diagnostic]) {
        guard case .object(let object) = value else {
            return (nil, [.error(path, "the configuration must be a JSON object")])
        }
        var problems: [Diagnostic] = []
        for (key, _) in object where !keys.contains(key) {
            problems.append(
                .error(path.appending(key), "unknown key \"\(key)\"", hint: keys.sorted().joined(separator: ", ")))
        }
        func string(_ key: String) -> String? {
            guard let member = value[key] else { return nil }
            if let text = member.stringValue { return text }
            problems.append(.error(path.appending(key), "\(key) must be a string"))
            return nil
        }
        func strings(_ key: String) -> [String]? {
            guard let member = value[key] else { return nil }
            if let items = member.arrayValue, items.allSatisfy({ $0.stringValue != nil }) {
                return items.compactMap(\.stringValue)
            }
            problems.append(.error(path.appending(key), "\(key) must be a list of strings"))
            return nil
        }
        guard let accountID = string("accountId") else {
            if value["accountId"] == nil {
                problems.append(.error(path.appending("accountId"), "accountId is missing"))
            }
            return (nil, problems)
        }
        let configuration = OVESConfiguration(
            accountID: accountID, platformAdminRoleARNs: strings("platformAdminRoleArns") ?? [],
            developerRoleARNs: strings("developerRoleArns") ?? [],
            endpointPublicAccessCIDRs: strings("endpointPublicAccessCidrs") ?? [],
            apexDomain: string("apexDomain") ?? example.apexDomain, chinaZone: string("chinaZone") ?? example.chinaZone,
            cloudflareZoneID: string("cloudflareZoneId") ?? example.cloudflareZoneID)
        return problems.isEmpty ? (configuration, []) : (nil, problems)
    }

    /// The configuration from the environment: the JSON file named by `OVES_CONFIG`, then
    /// `OVES_ACCOUNT_ID` replacing its account id (and the account of the example roles); neither set: ``example``.
    public static func fromEnvironment(_ environment: [String: String]) -> (OVESConfiguration, [Diagnostic]) {
        let path: ComponentPath = "oves-configuration"
        var configuration = example
        if let file = environment["OVES_CONFIG"], !file.isEmpty {
            guard let data = FileManager.default.contents(atPath: file) else {
                return (example, [.error(path, "cannot read OVES_CONFIG file \(file)")])
            }
            do {
                let (decoded, problems) = decode(try JSONReader.read([UInt8](data)), at: path)
                guard let decoded else { return (example, problems) }
                configuration = decoded
            } catch {
                return (example, [.error(path, "\(file) is not JSON: \(error)")])
            }
        }
        if let account = environment["OVES_ACCOUNT_ID"], !account.isEmpty {
            let exampleAccount = ":\(example.accountID):"
            let rebase = { (arn: String) in arn.replacingOccurrences(of: exampleAccount, with: ":\(account):") }
            configuration.platformAdminRoleARNs = configuration.platformAdminRoleARNs.map(rebase)
            configuration.developerRoleARNs = configuration.developerRoleARNs.map(rebase)
            configuration.accountID = account
        }
        return (configuration, configuration.diagnostics(at: path))
    }

    /// The configuration of this process (read once from the environment) and its diagnostics.
    static let loaded = fromEnvironment(ProcessInfo.processInfo.environment)

    /// The configuration of this process: from `OVES_CONFIG` / `OVES_ACCOUNT_ID`, else ``example``
    /// (also when the given one is invalid; its errors stop synthesis through ``OVESConfigurationCheck``).
    public static var current: OVESConfiguration { loaded.0 }
}
