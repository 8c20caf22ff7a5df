// The AWS SDKs' *standard* retry mode, with the numbers the SDKs use (AWS SDKs and Tools reference guide,
// "Retry behavior"; botocore `retries/standard.py` and `retries/quota.py`, standard mode 2.0):
//   - at most 3 attempts in all;
//   - before retry i (0-based) wait random[0, 1) × min(1 s · 2^i, 20 s) ("full jitter", `ExponentialBackoff`);
//   - a retry quota per client (`RetryQuota`): 500 tokens, a retry costs 5 and a retry after a timeout 10, a
//     success returns what its last retry took (1 when it needed none); an empty quota means no more retries.
// What is retried is decided by `AWSServiceError.isRetryable` and `TransportError.isTransient`.

/// When and how long to wait before retrying a failed call.
///
/// ```swift
/// let policy = RetryPolicy.standard  // 3 attempts, 1 s base, 20 s cap, quota 500 / 5 / 10
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first (1 = no retries).
    public var maxAttempts: Int
    /// The base of the exponential backoff (1 s in the standard mode).
    public var baseDelay: Duration
    /// The cap of one backoff ceiling (20 s in the standard mode).
    public var maxDelay: Duration
    /// Tokens in a new client's retry quota (500).
    public var quotaCapacity: Int
    /// Tokens one retry takes from the quota (5).
    public var retryCost: Int
    /// Tokens one retry after a timeout takes (10).
    public var timeoutRetryCost: Int
    /// Tokens a call that succeeds at its first attempt gives back (1).
    public var noRetryIncrement: Int

    /// Creates a policy; the defaults are the standard mode's.
    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(20),
        quotaCapacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, noRetryIncrement: Int = 1
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.quotaCapacity = max(0, quotaCapacity)
        self.retryCost = max(0, retryCost)
        self.timeoutRetryCost = max(0, timeoutRetryCost)
        self.noRetryIncrement = max(0, noRetryIncrement)
    }

    /// The AWS SDKs' standard mode: 3 attempts, 1 s base, 20 s cap, quota 500 tokens (5 a retry, 10 after a timeout).
    public static let standard = RetryPolicy()

    /// The ceiling of the backoff before retry number `retry` (0-based): `min(maxDelay, baseDelay · 2^retry)`.
    public func ceiling(retry: Int) -> Duration {
        let factor = 1 << min(max(retry, 0), 30)
        let raw = baseDelay * factor
        return raw < maxDelay ? raw : maxDelay
    }

    /// The full-jitter delay before retry number `retry` for a `random` draw in `0..<1`: `random × ceiling(retry)`.
    public func delay(retry: Int, random: Double) -> Duration {
        let unit = min(max(random, 0), 1)
        let ceiling = ceiling(retry: retry)
        let nanoseconds =
            Double(ceiling.components.seconds) * 1e9 + Double(ceiling.components.attoseconds) / 1e9
        return .nanoseconds(Int64((nanoseconds * unit).rounded(.down)))
    }

    /// A full-jitter delay before retry number `retry`, drawn from `generator`.
    public func delay<G: RandomNumberGenerator>(retry: Int, using generator: inout G) -> Duration {
        delay(retry: retry, random: Double.random(in: 0..<1, using: &generator))
    }

    /// The quota cost of retrying after a timeout (`true`) or any other retryable failure.
    public func cost(afterTimeout: Bool) -> Int { afterTimeout ? timeoutRetryCost : retryCost }
}
