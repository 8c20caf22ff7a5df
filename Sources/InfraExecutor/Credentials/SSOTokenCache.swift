// Where `aws sso login` keeps its tokens: `~/.aws/sso/cache/<sha1>.json`, where the SHA-1 (hex) is of the
// `sso_session` name for `sso_session` profiles and of the start URL for legacy profiles (botocore
// `SSOTokenLoader._generate_cache_key`). A refreshed token is written back the same way the CLI writes it, readable
// by the owner only (`PrivateFile`).

import Crypto
import Foundation

/// Reads and writes the SSO token cache.
///
/// ```swift
/// let cache = SSOTokenCache(directory: "/home/me/.aws/sso/cache")
/// let token = try cache.load(key: "my-sso")
/// ```
public struct SSOTokenCache: Sendable, Hashable {
    /// The cache directory (`~/.aws/sso/cache`).
    public var directory: String

    /// Creates a cache over `directory`.
    public init(directory: String) { self.directory = directory }

    /// The cache of the context's home directory.
    public init(context: CredentialContext) {
        directory = context.expandHome("~/.aws/sso/cache")
    }

    /// The file for `key` (a session name or a start URL): `<directory>/<sha1 hex of key>.json`.
    public func path(key: String) -> String {
        let digest = Insecure.SHA1.hash(data: Array(key.utf8))
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        return directory + "/" + hex + ".json"
    }

    /// The token cached for `key`, or `nil` when there is no file.
    public func load(key: String) throws -> SSOToken? {
        let file = path(key: key)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CredentialError("cannot read the SSO token cache file \(file)")
        }
        do {
            return try SSOToken(json: Array(data))
        } catch let error as CredentialError {
            throw CredentialError("\(file): \(error.message)")
        }
    }

    /// Writes `token` for `key` (mode 0600, atomically).
    public func save(_ token: SSOToken, key: String) throws {
        try PrivateFile.write(token.json, to: path(key: key))
    }
}
