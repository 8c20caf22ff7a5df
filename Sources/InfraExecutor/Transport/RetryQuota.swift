// The retry quota of the AWS SDKs' standard retry mode: a token bucket shared by every call of one client, so a
// failing service is not hammered by every caller's retries at once (botocore `retries/quota.py`; SDK reference
// guide, "Retry behavior": "the SDK ... stops retrying when the retry quota is exhausted").

import Foundation

/// A thread-safe token bucket: retries take tokens, successes give them back, never above the capacity.
///
/// ```swift
/// let quota = RetryQuota(capacity: 500)
/// if quota.acquire(5) { /* retry */ }
/// ```
public final class RetryQuota: @unchecked Sendable, CustomStringConvertible {
    private let lock = NSLock()
    private var tokens: Int
    /// The most tokens the bucket holds.
    public let capacity: Int

    /// Creates a full bucket.
    public init(capacity: Int = RetryPolicy.standard.quotaCapacity) {
        self.capacity = max(0, capacity)
        tokens = self.capacity
    }

    /// Tokens left.
    public var available: Int { lock.withLock { tokens } }

    /// Takes `cost` tokens; `false` (and nothing taken) when fewer are left.
    public func acquire(_ cost: Int) -> Bool {
        lock.withLock {
            guard cost <= tokens else { return false }
            tokens -= cost
            return true
        }
    }

    /// Gives `amount` tokens back, up to the capacity.
    public func release(_ amount: Int) {
        lock.withLock { tokens = min(capacity, tokens + max(0, amount)) }
    }

    /// `RetryQuota(available/capacity)`.
    public var description: String { "RetryQuota(\(available)/\(capacity))" }
}
