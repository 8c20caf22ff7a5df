// The AWS CLI's shared files: `~/.aws/config` (`[default]`, `[profile name]`) and `~/.aws/credentials` (`[name]`).
// INI subset: `key = value`, `#`/`;` comments, nested sub-sections (indented `s3 =` blocks) are skipped.
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

    /// Creates a config from already-parsed sections.
    public init(configProfiles: [String: [String: String]] = [:], credentialProfiles: [String: [String: String]] = [:])
    {
        self.configProfiles = configProfiles
        self.credentialProfiles = credentialProfiles
    }

    /// Reads both files; a missing file counts as empty, an unreadable one throws.
    public static func load(configFile: String, credentialsFile: String) throws -> SharedConfig {
        SharedConfig(
            configProfiles: try read(configFile, isConfig: true),
            credentialProfiles: try read(credentialsFile, isConfig: false))
    }

    /// The merged settings of `name` (credentials file over config file), or `nil` if neither has it.
    public func profile(_ name: String) -> [String: String]? {
        let config = configProfiles[name]
        let credentials = credentialProfiles[name]
        if config == nil && credentials == nil { return nil }
        return (config ?? [:]).merging(credentials ?? [:]) { _, fromCredentials in fromCredentials }
    }

    private static func read(_ path: String, isConfig: Bool) throws -> [String: [String: String]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialError("cannot read \(path)")
        }
        return parse(String(decoding: data, as: UTF8.self), isConfig: isConfig)
    }

    /// Parses INI text; in the config file `[profile x]` names profile `x` and `[default]` is `default`.
    public static func parse(_ text: String, isConfig: Bool) -> [String: [String: String]] {
        var profiles = [String: [String: String]]()
        var current: String?
        var inSubsection = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                var name = String(line.dropFirst().dropLast()).trimmingWhitespace()
                inSubsection = false
                if isConfig {
                    if name.hasPrefix("profile ") {
                        name = String(name.dropFirst("profile ".count)).trimmingWhitespace()
                    } else if name != "default" {
                        current = nil  // [sso-session x], [services x]: not profiles
                        continue
                    }
                }
                current = name
                if profiles[name] == nil { profiles[name] = [:] }
                continue
            }
            guard let profile = current, let equals = line.firstIndex(of: "=") else { continue }
            let indented = rawLine.first == " " || rawLine.first == "\t"
            let key = String(line[..<equals]).trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            if indented && inSubsection { continue }
            if value.isEmpty && !indented {
                inSubsection = true  // "s3 =" followed by indented keys
                continue
            }
            inSubsection = false
            profiles[profile, default: [:]][key] = value
        }
        return profiles
    }
}
