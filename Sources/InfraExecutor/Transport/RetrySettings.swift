// The retry settings users set for every AWS tool: `AWS_MAX_ATTEMPTS` / `max_attempts` and `AWS_RETRY_MODE` /
// `retry_mode` (environment first, then the profile), as in the AWS SDKs and Tools reference guide, "Retry behavior".
// Only the standard mode is implemented: `legacy` and `adaptive` run as standard (said once in the log); anything
// else, and a max-attempts value that is not a positive integer, is an error before any request.

import Logging

/// Reads the retry settings into a `RetryPolicy`.
///
/// ```swift
/// let policy = try RetrySettings.policy(environment: env, profile: config.profile("dev") ?? [:], logger: logger)
/// ```
public enum RetrySettings {
    /// The standard policy with the configured maximum attempts; throws `ConfigurationError` for unusable values.
    public static func policy(
        environment: [String: String], profile: [String: String], logger: Logger? = nil
    ) throws -> RetryPolicy {
        var policy = RetryPolicy.standard
        let attempts =
            environment["AWS_MAX_ATTEMPTS"].nonEmpty.map { ($0, "AWS_MAX_ATTEMPTS") }
            ?? profile["max_attempts"].nonEmpty.map { ($0, "max_attempts") }
        if let (text, source) = attempts {
            guard let value = Int(text), value >= 1 else {
                throw ConfigurationError("\(source) must be a whole number of at least 1, not \"\(text.debugSafe)\"")
            }
            policy.maxAttempts = value
        }
        let mode =
            environment["AWS_RETRY_MODE"].nonEmpty.map { ($0, "AWS_RETRY_MODE") }
            ?? profile["retry_mode"].nonEmpty.map { ($0, "retry_mode") }
        if let (text, source) = mode {
            switch text.lowercased() {
            case "standard": break
            case "legacy", "adaptive":
                logger?.info("\(source)=\(text): only the standard retry mode is implemented; using it")
            default:
                throw ConfigurationError(
                    "\(source) must be standard, adaptive or legacy, not \"\(text.debugSafe)\"")
            }
        }
        return policy
    }
}
