// The AWS CLI's shared files: `~/.aws/config` (`[default]`, `[profile name]`, `[sso-session name]`,
// `[services name]`) and `~/.aws/credentials` (`[name]`). INI subset: `key = value`, `#`/`;` comment lines, and
// nested sub-sections (a `key =` line followed by indented `k = v` lines), kept for `[services …]` sections
// (`s3 =` / `  endpoint_url = …`) and skipped inside profiles. Keys are lower-cased, names are not.
// For one profile, keys from the credentials file win over the config file, as in the AWS CLI.

import Foundation

/// Parsed shared config and credentials files.
///
/// ```swift
/// let config = try SharedConfig.load(configFile: "~/.aws/config", credentialsFile: "~/.aws/credentials")
/// config.profile("dev")?["region"]
/// ```
public struct SharedConfig: Sendable, Hashable {
    /// Settings per profile from the config file.
    public var configProfiles: [String: [String: String]]
    /// Settings per profile from the credentials file.
    public var credentialProfiles: [String: [String: String]]
    /// `[sso-session name]` sections of the config file.
    public var ssoSessions: [String: [String: String]]
    /// `[services name]` sections of the config file: service key (`s3`, `sso_oidc`) → its settings.
    public var services: [String: [String: [String: String]]]

    /// Creates a config from already-parsed sections.
    public init(
        configProfiles: [String: [String: String]] = [:], credentialProfiles: [String: [String: String]] = [:],
        ssoSessions: [String: [String: String]] = [:], services: [String: [String: [String: String]]] = [:]
    ) {
        self.configProfiles = configProfiles
        self.credentialProfiles = credentialProfiles
        self.ssoSessions = ssoSessions
        self.services = services
    }

    /// Reads both files; a missing file counts as empty, an unreadable one throws.
    public static func load(configFile: String, credentialsFile: String) throws -> SharedConfig {
        let config = parseSections(try read(configFile), isConfig: true)
        let credentials = parseSections(try read(credentialsFile), isConfig: false)
        return SharedConfig(
            configProfiles: config.profiles, credentialProfiles: credentials.profiles, ssoSessions: config.ssoSessions,
            services: config.services)
    }

    /// The merged settings of `name` (credentials file over config file), or `nil` if neither has it.
    public func profile(_ name: String) -> [String: String]? {
        let config = configProfiles[name]
        let credentials = credentialProfiles[name]
        if config == nil && credentials == nil { return nil }
        return (config ?? [:]).merging(credentials ?? [:]) { _, fromCredentials in fromCredentials }
    }

    private static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialError("cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses INI text into profiles; in the config file `[profile x]` names profile `x` and `[default]` is `default`.
    public static func parse(_ text: String, isConfig: Bool) -> [String: [String: String]] {
        parseSections(text, isConfig: isConfig).profiles
    }

    /// The sections of one file.
    struct Sections {
        var profiles: [String: [String: String]] = [:]
        var ssoSessions: [String: [String: String]] = [:]
        var services: [String: [String: [String: String]]] = [:]
    }

    private enum Section {
        case profile(String)
        case ssoSession(String)
        case services(String)
        case ignored
    }

    static func parseSections(_ text: String, isConfig: Bool) -> Sections {
        var sections = Sections()
        var current = Section.ignored
        var nestedKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                nestedKey = nil
                current = section(named: String(line.dropFirst().dropLast()).trimmingWhitespace(), isConfig: isConfig)
                switch current {
                case .profile(let name) where sections.profiles[name] == nil: sections.profiles[name] = [:]
                case .ssoSession(let name) where sections.ssoSessions[name] == nil: sections.ssoSessions[name] = [:]
                case .services(let name) where sections.services[name] == nil: sections.services[name] = [:]
                default: break
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let indented = rawLine.first == " " || rawLine.first == "\t"
            let key = String(line[..<equals]).trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            if indented, let parent = nestedKey {
                if case .services(let name) = current {
                    sections.services[name, default: [:]][parent, default: [:]][key] = value
                }
                continue
            }
            if value.isEmpty && !indented {
                nestedKey = key  // "s3 =" followed by indented keys
                continue
            }
            nestedKey = nil
            switch current {
            case .profile(let name): sections.profiles[name, default: [:]][key] = value
            case .ssoSession(let name): sections.ssoSessions[name, default: [:]][key] = value
            case .services, .ignored: break
            }
        }
        return sections
    }

    private static func section(named header: String, isConfig: Bool) -> Section {
        guard isConfig else { return .profile(header) }
        for (prefix, make) in [
            ("profile", Section.profile), ("sso-session", Section.ssoSession), ("services", Section.services),
        ] as [(String, (String) -> Section)] where header.hasPrefix(prefix + " ") || header.hasPrefix(prefix + "\t") {
            return make(String(header.dropFirst(prefix.count)).trimmingWhitespace())
        }
        return header == "default" ? .profile("default") : .ignored
    }
}
