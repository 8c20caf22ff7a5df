// What `Include(resource:in:)` read from a bundle resource, kept for the rest of the process: a
// bundle's files do not change while it runs, and a vendored file is often included once per
// cluster (the OVES reference reads its VPA and load-balancer CRDs for dev and prod), so the
// second include takes the first one's objects instead of parsing the YAML again.

import Foundation

/// The includes read from bundle resources in this process, by resource URL and diagnostic name.
///
/// An entry is reused only with the same kind registry (the same types for the same kinds), so
/// an include with `import-crd` types never gets objects read without them. Modifiers such as
/// ``Include/namespace(_:)`` return changed copies, so the cached value is always as read.
final class BundleResourceCache: @unchecked Sendable {
    /// The cache of this process.
    static let shared = BundleResourceCache()

    /// `@unchecked Sendable`: `entries` is only touched with `lock` held.
    private let lock = NSLock()
    private var entries: [Key: [(kinds: KubernetesKindRegistry, include: Include)]] = [:]

    /// A resource as one include read it.
    private struct Key: Hashable {
        var url: URL
        var source: String
    }

    /// The include of `url` read with `kinds`: the one read before in this process, else `read()`'s,
    /// which is kept. Two threads reading the same resource at once may both read it; the first
    /// result stored wins, and both are the same.
    func include(
        at url: URL, source: String, kinds: KubernetesKindRegistry, read: () -> Include
    ) -> Include {
        let key = Key(url: url.standardizedFileURL, source: source)
        if let cached = lock.withLock({ entries[key]?.first { $0.kinds.hasSameTypes(as: kinds) } }) {
            return cached.include
        }
        let include = read()
        return lock.withLock {
            if let stored = entries[key]?.first(where: { $0.kinds.hasSameTypes(as: kinds) }) { return stored.include }
            entries[key, default: []].append((kinds, include))
            return include
        }
    }
}
