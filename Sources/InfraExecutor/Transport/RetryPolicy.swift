// Retries with exponential backoff and full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
// sleep = random(0, min(cap, base · 2^attempt)). Bounded attempts, like the AWS CLI's "standard" mode.

/// When and how long to wait before retrying a failed call.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(20))
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first (1 = no retries).
    public var maxAttempts: Int
    /// The base of the exponential backoff.
    public var baseDelay: Duration
    /// The cap of one backoff.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The AWS CLI's standard mode: 3 attempts, 100 ms base, 20 s cap.
    public static let standard = RetryPolicy()

    /// The ceiling of the backoff before retry number `retry` (0-based): `min(maxDelay, baseDelay · 2^retry)`.
    public func ceiling(retry: Int) -> Duration {
        let factor = 1 << min(retry, 30)
        let raw = baseDelay * factor
        return raw < maxDelay ? raw : maxDelay
    }

    /// A full-jitter delay before retry number `retry`: uniformly random in `0...ceiling(retry)`.
    public func delay<G: RandomNumberGenerator>(retry: Int, using generator: inout G) -> Duration {
        let ceiling = ceiling(retry: retry)
        let nanoseconds =
            ceiling.components.seconds * 1_000_000_000 + ceiling.components.attoseconds / 1_000_000_000
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds, using: &generator))
    }
}
