// Caches the chain's credentials and refreshes them before they expire (5 minutes ahead by default),
// so a long bootstrap never signs with expired temporary credentials. Concurrent callers share one refresh.

import Foundation

/// A `CredentialSource` that resolves a provider once and refreshes ahead of expiry.
///
/// ```swift
/// let source = CachingCredentialSource(provider: CredentialChain.default, context: context)
/// let credentials = try await source.credentials()
/// ```
public actor CachingCredentialSource: CredentialSource, CustomReflectable {
    private let provider: any CredentialProvider
    private let context: CredentialContext
    private let refreshMargin: TimeInterval
    private var cached: AWSCredentials?
    private var refreshing: Task<AWSCredentials, any Error>?

    /// Creates the cache; credentials expiring within `refreshMargin` seconds are refreshed.
    public init(provider: any CredentialProvider, context: CredentialContext, refreshMargin: TimeInterval = 300) {
        self.provider = provider
        self.context = context
        self.refreshMargin = refreshMargin
    }

    /// Cached credentials, refreshed when they expire within the margin.
    public func credentials() async throws -> AWSCredentials {
        if let cached, !cached.expires(within: refreshMargin, of: context.now()) { return cached }
        if let refreshing { return try await refreshing.value }
        let provider = provider
        let context = context
        let task = Task { () throws -> AWSCredentials in
            guard let credentials = try await provider.resolve(context) else {
                throw CredentialError("no AWS credentials found (\(provider.name))")
            }
            return credentials
        }
        refreshing = task
        defer { refreshing = nil }
        let credentials = try await task.value
        cached = credentials
        return credentials
    }

    /// The provider's name only: the cached credentials stay out of `dump()` and debuggers.
    public nonisolated var customMirror: Mirror {
        Mirror(self, children: ["provider": provider.name, "refreshMargin": refreshMargin], displayStyle: .class)
    }
}
